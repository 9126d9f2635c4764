package io.github.trustregion.reports.stats;

/**
 * The paired analysis of two methods on one metric at one setting: the trials of the two methods
 * with the same repeat index (same initial parameters and data order) as pairs.
 *
 * @param pairs the number of pairs (repeats with a value in both methods)
 * @param t the paired t-test with the mean difference {@code A − B} and its interval
 * @param wilcoxon the Wilcoxon signed-rank test of the differences
 * @param adjustedT the Holm-adjusted paired-t p-value over the comparisons' family
 * @param adjustedWilcoxon the Holm-adjusted signed-rank p-value over the comparisons' family
 */
public record PairedComparison(
    int pairs,
    PairedTTest.Result t,
    WilcoxonSignedRankTest.Result wilcoxon,
    double adjustedT,
    double adjustedWilcoxon) {

  /** Returns the analysis of no pairs: every statistic NaN. */
  public static PairedComparison none(double level) {
    double nan = Double.NaN;
    return new PairedComparison(
        0,
        new PairedTTest.Result(0, nan, nan, nan, nan, new Interval(nan, nan, level)),
        new WilcoxonSignedRankTest.Result(nan, 0, nan, nan, nan, false, false, 0),
        nan,
        nan);
  }

  /** Tests the pairs {@code (a_i, b_i)}; unadjusted until {@link #withAdjusted}. */
  public static PairedComparison of(double[] a, double[] b, double level) {
    if (a.length == 0) {
      return none(level);
    }
    PairedTTest.Result t = PairedTTest.test(a, b, level);
    WilcoxonSignedRankTest.Result w = WilcoxonSignedRankTest.test(a, b);
    return new PairedComparison(a.length, t, w, t.pTwoSided(), w.pTwoSided());
  }

  /** Returns a copy with Holm-adjusted p-values. */
  public PairedComparison withAdjusted(double adjustedTP, double adjustedWilcoxonP) {
    return new PairedComparison(pairs, t, wilcoxon, adjustedTP, adjustedWilcoxonP);
  }
}
