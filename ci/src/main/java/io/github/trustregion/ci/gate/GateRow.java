package io.github.trustregion.ci.gate;

import io.github.trustregion.ci.run.ComparisonKey;

/**
 * One row of the gate's table: a baselined gap, the same gap in the new run, and the verdict. Gaps
 * and tolerances are in the metric's units (accuracy as a fraction); NaN where the run has no data.
 *
 * @param key the experiment, metric, setting and pair
 * @param baselineGap the blessed gap
 * @param baselineCiLow the lower bound of the blessed gap's interval
 * @param baselineCiHigh the upper bound of the blessed gap's interval
 * @param baselineN the blessed repeats per method
 * @param newGap the new run's gap {@code mean(method) − mean(reference)}
 * @param newCiLow the lower bound of the new gap's Welch t-interval (NaN without variance)
 * @param newCiHigh the upper bound of that interval
 * @param newN the new run's paired repeats
 * @param change {@code newGap − baselineGap}
 * @param tolerance how far the gap may drop
 * @param pValue the one-sided Yuen (trimmed-means Welch) p-value for "the new gap is below baseline
 *     − tolerance"
 * @param adjustedP the Holm-adjusted p-value within the row's experiment and metric
 * @param smallestFlaggedDrop the smallest drop of the gap ({@code −change}) that this row would
 *     have been flagged for, given its observed spreads, n, tolerance and the other rows of its
 *     Holm family ({@link Gate}); NaN when the row is not tested
 * @param verdict the conclusion
 */
public record GateRow(
    ComparisonKey key,
    double baselineGap,
    double baselineCiLow,
    double baselineCiHigh,
    int baselineN,
    double newGap,
    double newCiLow,
    double newCiHigh,
    int newN,
    double change,
    double tolerance,
    double pValue,
    double adjustedP,
    double smallestFlaggedDrop,
    Verdict verdict) {}
