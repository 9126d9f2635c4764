package io.github.trustregion.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link Comparison}s of two groups and applies Holm's correction over a family of them.
 *
 * <p>Typical use, for one experiment: compare every pair of methods on every setting and metric
 * with {@link #compare}, then pass the whole list to {@link #holm} so that the adjusted p-values
 * and verdicts account for the number of comparisons made.
 */
public final class Comparisons {

  private final ComparisonSettings settings;

  /** Creates a comparer with the given settings. */
  public Comparisons(ComparisonSettings settings) {
    this.settings = settings;
  }

  /** Returns the settings. */
  public ComparisonSettings settings() {
    return settings;
  }

  /**
   * Compares group {@code a} with group {@code b}; each needs at least one finite value.
   *
   * <p>Welch's test and its interval ({@link WelchTTest#confidenceInterval}) need two values per
   * group and some variance; otherwise they are NaN and the verdict says "not tested". Hedges' g
   * needs {@code n_a + n_b ≥ 4} ({@link EffectSizes#hedgesG}); otherwise it is NaN. The adjusted
   * p-value equals the raw one until {@link #holm}.
   */
  public Comparison compare(String labelA, double[] a, String labelB, double[] b) {
    SampleSummary summaryA = SampleSummary.of(a);
    SampleSummary summaryB = SampleSummary.of(b);
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException(
          "Cannot compare '"
              + labelA
              + "' (n = "
              + a.length
              + ") with '"
              + labelB
              + "' (n = "
              + b.length
              + "): each group needs at least one value. List the missing trials instead.");
    }
    double difference = summaryA.mean() - summaryB.mean();
    WelchTTest.Result welch =
        a.length >= 2 && b.length >= 2
            ? WelchTTest.test(a, b)
            : new WelchTTest.Result(
                difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    MannWhitneyUTest.Result mwu = MannWhitneyUTest.test(a, b);
    Interval interval = WelchTTest.confidenceInterval(a, b, settings.confidenceLevel());
    double g = a.length + b.length >= 4 ? EffectSizes.hedgesG(a, b) : Double.NaN;
    double delta = EffectSizes.cliffsDelta(a, b);
    Comparison raw =
        new Comparison(
            labelA,
            labelB,
            summaryA,
            summaryB,
            difference,
            interval,
            welch,
            mwu,
            g,
            delta,
            welch.pTwoSided(),
            mwu.pTwoSided(),
            1,
            settings.alpha(),
            false,
            "");
    return raw.withAdjusted(welch.pTwoSided(), mwu.pTwoSided(), 1);
  }

  /**
   * Returns the comparisons with Holm-adjusted p-values (Welch and Mann–Whitney separately) over
   * the whole list as one family, and verdicts recomputed from the adjusted Welch p-values.
   */
  public static List<Comparison> holm(List<Comparison> family) {
    double[] welch = family.stream().mapToDouble(c -> c.welch().pTwoSided()).toArray();
    double[] mwu = family.stream().mapToDouble(c -> c.mannWhitney().pTwoSided()).toArray();
    double[] adjustedWelch = Holm.adjust(welch);
    double[] adjustedMwu = Holm.adjust(mwu);
    int size = (int) java.util.Arrays.stream(welch).filter(p -> !Double.isNaN(p)).count();
    List<Comparison> adjusted = new ArrayList<>(family.size());
    for (int i = 0; i < family.size(); i++) {
      adjusted.add(family.get(i).withAdjusted(adjustedWelch[i], adjustedMwu[i], size));
    }
    return adjusted;
  }
}
