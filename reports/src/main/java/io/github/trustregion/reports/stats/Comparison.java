package io.github.trustregion.reports.stats;

/**
 * Everything said about one pair of groups (method A against method B on one metric at one
 * setting): sizes, means, spreads, the difference with its Welch interval, both tests, effect
 * sizes, the Holm-adjusted p-value and a verdict in words.
 *
 * <p>The verdict is "&lt;A&gt; higher than &lt;B&gt;" or "&lt;A&gt; lower than &lt;B&gt;" only when
 * the Holm-adjusted Welch p-value is below α <em>and</em> the Welch interval excludes 0; otherwise
 * it is "not significant", or "not tested: …" when a test cannot be made (n &lt; 2, no variance).
 *
 * @param labelA the first group's label (e.g. "TR")
 * @param labelB the second group's label (e.g. "SGD")
 * @param a the first group's n, mean and sd
 * @param b the second group's n, mean and sd
 * @param difference {@code mean(A) − mean(B)}
 * @param interval the Welch confidence interval of the difference (NaN bounds when n &lt; 2 or no
 *     variance)
 * @param welch Welch's t-test (NaN fields when n &lt; 2 or no variance)
 * @param mannWhitney the Mann–Whitney U test
 * @param hedgesG Hedges' g (NaN when undefined)
 * @param cliffsDelta Cliff's delta
 * @param adjustedP the Holm-adjusted two-sided Welch p-value over the comparison's family (equal to
 *     the raw p until {@link Comparisons#holm} adjusts it)
 * @param adjustedMannWhitneyP the Holm-adjusted two-sided Mann–Whitney p-value
 * @param familySize the number of comparisons in the Holm family (1 before adjustment)
 * @param alpha the significance level
 * @param significant whether the verdict is a difference
 * @param verdict the verdict in words
 */
public record Comparison(
    String labelA,
    String labelB,
    SampleSummary a,
    SampleSummary b,
    double difference,
    Interval interval,
    WelchTTest.Result welch,
    MannWhitneyUTest.Result mannWhitney,
    double hedgesG,
    double cliffsDelta,
    double adjustedP,
    double adjustedMannWhitneyP,
    int familySize,
    double alpha,
    boolean significant,
    String verdict) {

  /**
   * Returns a copy with Holm-adjusted p-values over a family of {@code size}, and a new verdict.
   */
  public Comparison withAdjusted(double adjustedWelchP, double adjustedMwuP, int size) {
    Verdict v =
        Verdict.of(labelA, labelB, a, b, difference, interval, welch, adjustedWelchP, alpha);
    return new Comparison(
        labelA,
        labelB,
        a,
        b,
        difference,
        interval,
        welch,
        mannWhitney,
        hedgesG,
        cliffsDelta,
        adjustedWelchP,
        adjustedMwuP,
        size,
        alpha,
        v.significant(),
        v.words());
  }

  /** The verdict and whether it claims a difference. */
  record Verdict(boolean significant, String words) {

    static Verdict of(
        String labelA,
        String labelB,
        SampleSummary a,
        SampleSummary b,
        double difference,
        Interval interval,
        WelchTTest.Result welch,
        double adjustedP,
        double alpha) {
      if (a.n() < 2 || b.n() < 2) {
        String which = a.n() < 2 ? labelA : labelB;
        return new Verdict(false, "not tested: n < 2 for " + which);
      }
      if (!welch.defined()) {
        return new Verdict(false, "not tested: no variance in either group");
      }
      if (adjustedP < alpha && !interval.contains(0.0)) {
        return new Verdict(
            true, labelA + (difference > 0 ? " higher than " : " lower than ") + labelB);
      }
      return new Verdict(false, "not significant");
    }
  }
}
