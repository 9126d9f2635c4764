/**
 * Turns loaded result files into what a report shows: trials grouped by setting and method,
 * per-metric statistics, pairwise comparisons with Holm's correction per experiment, cost and
 * trust-region telemetry, method-setting asymmetries, the paper's numbers beside ours and the
 * kind-specific tables (E1 fits, E4 distances, E5 stages).
 *
 * <p><b>Conventions expected from the experiments</b> (by manifest kind):
 *
 * <ul>
 *   <li>All: parameters {@code method}, {@code seed}, {@code repeat}, {@code scale}; a setting is
 *       every parameter except {@code method}, {@code seed}, {@code repeat}, the method
 *       descriptions {@code optimizer}, {@code stages}, {@code trialType}, {@code methodA}, {@code
 *       methodB}, {@code pair}, and parameters whose value is another trial's id (references).
 *       Metrics named in the manifest, else {@code finalTestAccuracy} and {@code bestTestAccuracy};
 *       standard final/best metrics are derived from the epochs when a training trial lacks them.
 *   <li>{@code subproblem} (E1): parameter {@code lambda} (else metric {@code lambda}); series
 *       {@code "gap"} with columns {@code ["iteration","gap","phase"]} (gap = f(z_t) − f(s), phase
 *       1 or 2); metric {@code iterationsToBoundary} (else the first iteration of phase 2); the
 *       method (solver) in parameter {@code method}.
 *   <li>{@code landscape} (E4): interpolation trials carry parameters {@code methodA} and {@code
 *       methodB} (or {@code pair}), a series {@code "interpolation"} (or any series with an {@code
 *       alpha} column) with columns {@code
 *       ["alpha","trainLoss","trainAccuracy","testLoss","testAccuracy"]} and metric {@code
 *       distance} = ‖w_A − w_B‖; the training trials of the same experiment are reported like
 *       {@code training} ones.
 *   <li>{@code tracks} (E5): parameter {@code method} = the track's label; metrics {@code
 *       stage<k>.testAccuracy}, k = 1, 2, …; epochs carry {@code stage} and {@code activeMethod}. A
 *       reference run (Adam) is a one-stage track.
 * </ul>
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.reports.analysis;
