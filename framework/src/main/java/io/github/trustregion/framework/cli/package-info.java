/**
 * The command line: run, list or resume experiments without Maven. *
 *
 * <p>Public API: the command line (its options, targets and exit status); the Java types are
 * internal and may change without notice.
 */
package io.github.trustregion.framework.cli;
