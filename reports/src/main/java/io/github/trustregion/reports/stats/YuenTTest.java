package io.github.trustregion.reports.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Yuen's two-sample test of trimmed means with unequal variances: Welch's test made robust to a few
 * outlying observations.
 *
 * <p>For a sample of size {@code n} and a trimming fraction {@code γ ∈ [0, 0.5)}, let {@code g =
 * ⌊γn⌋} and {@code h = n − 2g}. The {@code γ}-trimmed mean averages the {@code h} middle order
 * statistics; the winsorized variance {@code s_w²} is the sample variance (divisor {@code n − 1})
 * after the {@code g} lowest values are replaced by the lowest kept one and the {@code g} highest
 * by the highest kept one. With {@code d = (n − 1) s_w² / (h (h − 1))} for each sample and a
 * hypothesised difference {@code μ₀}:
 *
 * <pre>
 *   t = (m_t,a − m_t,b − μ₀) / √(d_a + d_b)
 *   ν = (d_a + d_b)² / (d_a²/(h_a − 1) + d_b²/(h_b − 1))
 * </pre>
 *
 * and the p-values come from Student's t with ν degrees of freedom. With {@code γ = 0} (or samples
 * too small for {@code g ≥ 1}) this is exactly {@link WelchTTest}. Reference: K. K. Yuen,
 * Biometrika 61 (1974) 165–170; R. R. Wilcox, <i>Introduction to Robust Estimation and Hypothesis
 * Testing</i>, §5.3 (20 % trimming is his recommended default). SciPy's {@code ttest_ind(a, b,
 * equal_var=False, trim=γ)}.
 *
 * <p>Why trimmed means: when a few runs of a method collapse (an accuracy far below the rest, as a
 * switching method does when it switches in its last epoch), they dominate the sample variance and
 * Welch's test loses its power against shifts of the typical run; the trimmed mean and the
 * winsorized variance are insensitive to them. The price: a change that only makes such collapses
 * more frequent, while they stay fewer than {@code γn}, is not seen.
 *
 * <p>When both winsorized variances are zero the statistic is undefined and every field of the
 * result except the difference is NaN.
 */
public final class YuenTTest {

  /** Wilcox's recommended trimming fraction: 20 % from each end. */
  public static final double DEFAULT_TRIM = 0.2;

  private YuenTTest() {}

  /**
   * Tests the null hypothesis {@code m_t,a − m_t,b = mu}; the result's difference is that of the
   * trimmed means, and it is undefined (NaN but for the difference) when both winsorized variances
   * are zero.
   *
   * @param a the first sample; at least 2 finite values kept after trimming
   * @param b the second sample; at least 2 finite values kept after trimming
   * @param mu the hypothesised difference of the trimmed means
   * @param trim the fraction {@code γ} trimmed from each end, in [0, 0.5)
   */
  public static WelchTTest.Result test(double[] a, double[] b, double mu, double trim) {
    Trimmed ta = Trimmed.of(a, "a", trim);
    Trimmed tb = Trimmed.of(b, "b", trim);
    double difference = ta.mean - tb.mean;
    double se2 = ta.d + tb.d;
    if (!(se2 > 0)) {
      return new WelchTTest.Result(
          difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double t = (difference - mu) / Math.sqrt(se2);
    TDistribution distribution = TDistribution.of(degreesOfFreedom(ta, tb));
    double pLess = distribution.cumulativeProbability(t);
    double pGreater = distribution.survivalProbability(t);
    return new WelchTTest.Result(
        difference,
        t,
        distribution.getDegreesOfFreedom(),
        Math.min(1.0, 2 * Math.min(pLess, pGreater)),
        pGreater,
        pLess);
  }

  /**
   * Returns {@code t_{1−q, ν} · √(d_a + d_b)}: how far {@code m_t,a − m_t,b} must lie from {@code
   * μ₀} for a one-sided p-value to equal {@code q}. Shifting a sample moves its trimmed mean and
   * leaves {@code d} and ν unchanged, so this is the smallest detectable shift at level {@code q}.
   * NaN when both winsorized variances are zero.
   *
   * @param a the first sample; at least 2 values kept after trimming
   * @param b the second sample; at least 2 values kept after trimming
   * @param q the tail probability, in (0, 1)
   * @param trim the fraction {@code γ} trimmed from each end, in [0, 0.5)
   */
  public static double margin(double[] a, double[] b, double q, double trim) {
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException(
          "The tail probability must lie in (0, 1) but was " + q + ".");
    }
    Trimmed ta = Trimmed.of(a, "a", trim);
    Trimmed tb = Trimmed.of(b, "b", trim);
    double se2 = ta.d + tb.d;
    if (!(se2 > 0)) {
      return Double.NaN;
    }
    return TDistribution.of(degreesOfFreedom(ta, tb)).inverseSurvivalProbability(q)
        * Math.sqrt(se2);
  }

  /**
   * Returns the {@code γ}-trimmed mean of a sample: the mean of its middle {@code n − 2⌊γn⌋} order
   * statistics.
   *
   * @param values the sample; at least 1 value kept after trimming
   * @param trim the fraction {@code γ} trimmed from each end, in [0, 0.5)
   */
  public static double trimmedMean(double[] values, double trim) {
    requireTrim(trim);
    Samples.requireFinite(values, "values");
    Samples.requireSize(values, 1, "values", "A trimmed mean");
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int g = (int) Math.floor(trim * sorted.length);
    return Samples.mean(Arrays.copyOfRange(sorted, g, sorted.length - g));
  }

  private static double degreesOfFreedom(Trimmed a, Trimmed b) {
    double se2 = a.d + b.d;
    return se2 * se2 / (a.d * a.d / (a.kept - 1) + b.d * b.d / (b.kept - 1));
  }

  private static void requireTrim(double trim) {
    if (!(trim >= 0 && trim < 0.5)) {
      throw new IllegalArgumentException(
          "The trimming fraction must lie in [0, 0.5) but was " + trim + ".");
    }
  }

  /** A sample's trimmed mean, the number of values kept and its squared standard error d. */
  private record Trimmed(double mean, int kept, double d) {

    static Trimmed of(double[] values, String argument, double trim) {
      requireTrim(trim);
      Samples.requireFinite(values, argument);
      int n = values.length;
      int g = (int) Math.floor(trim * n);
      int kept = n - 2 * g;
      if (kept < 2) {
        throw new IllegalArgumentException(
            "Yuen's test needs at least 2 observations in '"
                + argument
                + "' after trimming "
                + g
                + " from each end, but got "
                + n
                + " in all.");
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double low = sorted[g];
      double high = sorted[n - 1 - g];
      double[] winsorized = new double[n];
      for (int i = 0; i < n; i++) {
        winsorized[i] = Math.min(Math.max(sorted[i], low), high);
      }
      double mean = Samples.mean(Arrays.copyOfRange(sorted, g, n - g));
      double d = (n - 1) * Samples.variance(winsorized) / ((double) kept * (kept - 1));
      return new Trimmed(mean, kept, d);
    }
  }
}
