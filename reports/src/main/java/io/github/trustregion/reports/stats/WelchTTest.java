package io.github.trustregion.reports.stats;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Welch's unequal-variance two-sample t-test.
 *
 * <p>For samples {@code a} and {@code b} with means {@code m_a, m_b}, sample variances {@code s_a²,
 * s_b²} and sizes {@code n_a, n_b}, and a hypothesised difference {@code μ₀}:
 *
 * <pre>
 *   t  = (m_a − m_b − μ₀) / √(s_a²/n_a + s_b²/n_b)
 *   ν  = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1))   (Welch–Satterthwaite)
 * </pre>
 *
 * and the p-values come from Student's t distribution with {@code ν} (real) degrees of freedom:
 * two-sided {@code 2·P(T ≥ |t|)}, "greater" (alternative {@code m_a − m_b > μ₀}) {@code P(T ≥ t)},
 * "less" {@code P(T ≤ t)}. This is R's {@code t.test(a, b)} default and SciPy's {@code ttest_ind(a,
 * b, equal_var=False)}. Reference: B. L. Welch, Biometrika 34 (1947) 28–35. The statistic, ν and
 * the p-values are Apache Commons Statistics' heteroscedastic {@link TTest} (equal to this module's
 * former own computation to 1.4e-15 relative on the tests' samples); this class keeps the result
 * type with all three p-values, the zero-variance rule and the interval, which Commons does not
 * offer.
 *
 * <p>When both samples have zero variance the statistic is undefined and every field of the result
 * except the difference is NaN.
 *
 * <p>The confidence interval that inverts the two-sided test is {@code (m_a − m_b) ± t_{1−α/2, ν} ·
 * √(s_a²/n_a + s_b²/n_b)} ({@link #confidenceInterval}, R's {@code t.test(a, b)$conf.int}); {@link
 * #margin} gives its half-width for any tail probability.
 */
public final class WelchTTest {

  private WelchTTest() {}

  /**
   * The outcome of one Welch test (and of {@link YuenTTest}, its trimmed-means form).
   *
   * @param difference {@code m_a − m_b} (of the trimmed means, for Yuen's test)
   * @param t the t statistic (against {@code μ₀})
   * @param degreesOfFreedom the Welch–Satterthwaite degrees of freedom
   * @param pTwoSided the two-sided p-value
   * @param pGreater the one-sided p-value for the alternative {@code m_a − m_b > μ₀}
   * @param pLess the one-sided p-value for the alternative {@code m_a − m_b < μ₀}
   */
  public record Result(
      double difference,
      double t,
      double degreesOfFreedom,
      double pTwoSided,
      double pGreater,
      double pLess) {

    /** Returns whether the statistic is defined (not both variances zero). */
    public boolean defined() {
      return !Double.isNaN(t);
    }
  }

  /** Tests the null hypothesis {@code m_a = m_b}; each sample needs at least 2 finite values. */
  public static Result test(double[] a, double[] b) {
    return test(a, b, 0.0);
  }

  /**
   * Tests the null hypothesis {@code m_a − m_b = mu}.
   *
   * @param a the first sample, at least 2 finite values
   * @param b the second sample, at least 2 finite values
   * @param mu the hypothesised difference of means
   */
  public static Result test(double[] a, double[] b, double mu) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    Samples.requireSize(a, 2, "a", "Welch's t-test");
    Samples.requireSize(b, 2, "b", "Welch's t-test");
    double difference = Samples.mean(a) - Samples.mean(b);
    if (!(Samples.variance(a) / a.length + Samples.variance(b) / b.length > 0)) {
      return new Result(difference, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    TTest welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).withMu(mu);
    TTest.Result twoSided = welch.test(a, b);
    return new Result(
        difference,
        twoSided.getStatistic(),
        twoSided.getDegreesOfFreedom(),
        twoSided.getPValue(),
        welch.with(AlternativeHypothesis.GREATER_THAN).test(a, b).getPValue(),
        welch.with(AlternativeHypothesis.LESS_THAN).test(a, b).getPValue());
  }

  /**
   * Returns the Welch confidence interval for {@code m_a − m_b} at the two-sided {@code level}:
   * {@code (m_a − m_b) ± t_{1−α/2, ν} · √(s_a²/n_a + s_b²/n_b)} with {@code α = 1 − level} and the
   * Welch–Satterthwaite {@code ν}; it excludes 0 exactly when the two-sided p-value is below α.
   *
   * <p>With fewer than 2 values in either sample, or zero variance in both, the spread cannot be
   * estimated and both bounds are NaN (no interval).
   *
   * @param a the first sample, at least 1 finite value
   * @param b the second sample, at least 1 finite value
   * @param level the confidence level, in (0, 1), e.g. 0.95
   */
  public static Interval confidenceInterval(double[] a, double[] b, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException(
          "The confidence level must lie in (0, 1) but was " + level + ".");
    }
    double halfWidth = margin(a, b, (1 - level) / 2);
    double difference = Samples.mean(a) - Samples.mean(b);
    return new Interval(difference - halfWidth, difference + halfWidth, level);
  }

  /**
   * Returns {@code t_{1−q, ν} · √(s_a²/n_a + s_b²/n_b)}: how far {@code m_a − m_b} must lie above
   * {@code μ₀} for the one-sided p-value {@code P(T ≥ t)} to equal {@code q} (and, by symmetry,
   * below it for {@code P(T ≤ t) = q}), with the Welch–Satterthwaite {@code ν} of the samples. NaN
   * when either sample has fewer than 2 values or both have zero variance.
   *
   * @param a the first sample, at least 1 finite value
   * @param b the second sample, at least 1 finite value
   * @param q the upper-tail probability, in (0, 1)
   */
  public static double margin(double[] a, double[] b, double q) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    Samples.requireSize(a, 1, "a", "The Welch interval");
    Samples.requireSize(b, 1, "b", "The Welch interval");
    if (!(q > 0 && q < 1)) {
      throw new IllegalArgumentException(
          "The tail probability must lie in (0, 1) but was " + q + ".");
    }
    if (a.length < 2 || b.length < 2) {
      return Double.NaN;
    }
    double va = Samples.variance(a) / a.length;
    double vb = Samples.variance(b) / b.length;
    double se2 = va + vb;
    if (!(se2 > 0)) {
      return Double.NaN;
    }
    double df = degreesOfFreedom(va, a.length, vb, b.length);
    return TDistribution.of(df).inverseSurvivalProbability(q) * Math.sqrt(se2);
  }

  /**
   * Returns the Welch–Satterthwaite ν from the squared standard errors {@code s²/n} of each sample.
   */
  private static double degreesOfFreedom(double va, int nA, double vb, int nB) {
    double se2 = va + vb;
    return se2 * se2 / (va * va / (nA - 1) + vb * vb / (nB - 1));
  }
}
