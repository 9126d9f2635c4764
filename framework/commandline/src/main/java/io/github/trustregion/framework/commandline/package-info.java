/**
 * The conventions every command line of the project follows (the experiments, the report, Allure,
 * the gate, the step-cost breakdown): one picocli setup, {@code --help} on standard output with
 * status 0, one-line errors naming the option and the value with the command's usage status.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.framework.commandline;
