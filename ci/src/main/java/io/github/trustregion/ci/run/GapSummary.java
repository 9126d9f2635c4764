package io.github.trustregion.ci.run;

import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.Comparisons;

/**
 * A gap as the report states it: the difference of the two methods' mean metric, with the Welch
 * t-interval of the HTML report ({@link Comparisons#compare}; NaN bounds when neither method
 * varies), so that the gate, the baselines and the report quote the same numbers for the same run.
 *
 * @param gap {@code mean(method) − mean(reference)} over the paired repeats
 * @param ciLow the interval's lower bound
 * @param ciHigh the interval's upper bound
 * @param confidenceLevel the interval's nominal coverage, e.g. 0.95
 * @param methodMean the method's mean
 * @param referenceMean the reference method's mean
 * @param n the number of paired repeats
 */
public record GapSummary(
    double gap,
    double ciLow,
    double ciHigh,
    double confidenceLevel,
    double methodMean,
    double referenceMean,
    int n) {

  /** Summarises a paired sample with the report's comparison (at least one pair). */
  public static GapSummary of(PairedSample sample, Comparisons comparisons) {
    if (sample.size() == 0) {
      throw new IllegalArgumentException(
          "The comparison " + sample.key() + " has no paired repeats to summarise.");
    }
    Comparison comparison =
        comparisons.compare(
            sample.key().method(),
            sample.methodArray(),
            sample.key().reference(),
            sample.referenceArray());
    return new GapSummary(
        comparison.difference(),
        comparison.interval().lower(),
        comparison.interval().upper(),
        comparison.interval().level(),
        comparison.a().mean(),
        comparison.b().mean(),
        sample.size());
  }
}
