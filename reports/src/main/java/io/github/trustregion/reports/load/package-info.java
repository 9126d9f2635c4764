/**
 * Loads a results directory for reporting by the manifests' plans (the rule of {@code
 * io.github.trustregion.framework.result.ExperimentDirectory}, which the gate shares): the planned
 * trials checked for semantic completeness beyond JSON syntax, with missing, diverged and failed
 * trials kept by id, unplanned trial files by name, and every bad file with its fix.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.reports.load;
