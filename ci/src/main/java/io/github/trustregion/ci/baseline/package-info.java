/**
 * The baselines kept in the repository (one pretty JSON file per experiment under {@code
 * ci/baselines}): the accuracy gaps of a blessed run with their intervals, tolerances and
 * provenance, and the re-blessing that writes them.
 *
 * <p>Internal: not part of the public API; may change without notice. The baseline files' format is
 * public (ci/README.md, "Baseline files").
 */
package io.github.trustregion.ci.baseline;
