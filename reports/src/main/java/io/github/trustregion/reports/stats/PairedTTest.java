package io.github.trustregion.reports.stats;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;

/**
 * The paired t-test of two samples matched by index, and the t interval of their mean difference.
 *
 * <p>With differences {@code d_i = a_i − b_i}, {@code t = mean(d) / (sd(d)/√n)} on {@code n − 1}
 * degrees of freedom, and the interval {@code mean(d) ± t_{n−1, (1+level)/2} · sd(d)/√n}: R's
 * {@code t.test(a, b, paired = TRUE)}. The statistic and p-value come from Apache Commons
 * Statistics ({@code TTest.pairedTest}); see docs/method.md, "Statistics".
 */
public final class PairedTTest {

  private PairedTTest() {}

  /**
   * The outcome of one paired t-test.
   *
   * @param n the number of pairs
   * @param meanDifference {@code mean(a − b)}
   * @param t the t statistic (NaN when undefined)
   * @param degreesOfFreedom {@code n − 1}
   * @param pTwoSided the two-sided p-value (NaN when n &lt; 2 or the differences do not vary)
   * @param interval the confidence interval of the mean difference (NaN bounds when undefined)
   */
  public record Result(
      int n,
      double meanDifference,
      double t,
      double degreesOfFreedom,
      double pTwoSided,
      Interval interval) {

    /** Returns whether the test could be made. */
    public boolean defined() {
      return !Double.isNaN(pTwoSided);
    }
  }

  /**
   * Tests the pairs {@code (a_i, b_i)}; NaN statistics when {@code n < 2} or every difference is
   * the same.
   *
   * @throws IllegalArgumentException when the lengths differ, a value is not finite or there are no
   *     pairs
   */
  public static Result test(double[] a, double[] b, double level) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "A paired test needs samples of equal length, got "
              + a.length
              + " and "
              + b.length
              + ".");
    }
    Samples.requireSize(a, 1, "a", "The paired t-test");
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
    }
    double mean = Samples.mean(d);
    double nan = Double.NaN;
    if (n < 2 || Samples.variance(d) == 0) {
      return new Result(n, mean, nan, n - 1, nan, new Interval(nan, nan, level));
    }
    TTest.Result r = TTest.withDefaults().pairedTest(a, b);
    double se = Math.sqrt(Samples.variance(d) / n);
    double q = TDistribution.of(n - 1).inverseCumulativeProbability((1 + level) / 2);
    return new Result(
        n,
        mean,
        r.getStatistic(),
        r.getDegreesOfFreedom(),
        r.getPValue(),
        new Interval(mean - q * se, mean + q * se, level));
  }
}
