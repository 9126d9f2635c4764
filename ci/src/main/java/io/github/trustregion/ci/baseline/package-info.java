/**
 * The baselines kept in the repository (one pretty JSON file per experiment under {@code
 * ci/baselines}): the accuracy gaps of a blessed run with their intervals, tolerances and
 * provenance, and the re-blessing that writes them.
 */
package io.github.trustregion.ci.baseline;
