package io.github.trustregion.reports.analysis.claims;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.TTest;

/**
 * The t-tests of a claim's quantity against its threshold, one-sided in both directions, with the
 * interval and the smallest detectable effect: the one-sample (paired) t-test of per-unit values
 * through Apache Commons Statistics, and Welch's test of a linear combination of independent
 * groups.
 *
 * <p>For the one-sample case, with per-unit values d₁ … dₙ (differences of paired trials, or one
 * derived value per trial or repeat), mean d̄ and sample sd s: {@code t = (d̄ − θ)/(s/√n)} with n −
 * 1 degrees of freedom. For k independent groups with means mᵢ, variances sᵢ² and sizes nᵢ, and
 * coefficients cᵢ (such as +1, −1 for a difference of two groups): {@code effect = Σ cᵢ mᵢ}, {@code
 * se² = Σ cᵢ² sᵢ²/nᵢ} and the Welch–Satterthwaite {@code ν = se⁴ / Σ (cᵢ² sᵢ²/nᵢ)²/(nᵢ − 1)}. The
 * interval is {@code effect ± t_{1−α/2, df} · se}; the smallest detectable effect at one-sided
 * level α and power 1 − β is {@code (t_{1−α, df} + t_{1−β, df}) · se} (the usual approximation to
 * the noncentral t, with the observed sd standing in for the true one).
 */
public final class ClaimTest {

  /** The power at which the smallest detectable effect is computed. */
  public static final double POWER = 0.8;

  private ClaimTest() {}

  /**
   * The outcome of one test.
   *
   * @param kind "paired t" or "Welch"
   * @param n the units (pairs or trials) of a paired test, the trials of all groups of a Welch one
   * @param effect the estimated quantity
   * @param standardError its standard error (NaN when it cannot be estimated)
   * @param degreesOfFreedom the t distribution's degrees of freedom
   * @param lower the interval's lower bound (NaN without a standard error)
   * @param upper the interval's upper bound
   * @param pGreater the one-sided p-value of "the quantity exceeds the threshold"
   * @param pLess the one-sided p-value of "the quantity lies below the threshold"
   * @param detectable the smallest distance from the threshold this n could have detected
   */
  public record Result(
      String kind,
      int n,
      double effect,
      double standardError,
      double degreesOfFreedom,
      double lower,
      double upper,
      double pGreater,
      double pLess,
      double detectable) {

    /** Returns whether the test is defined (at least 2 units per group and a positive spread). */
    public boolean defined() {
      return Double.isFinite(standardError) && standardError > 0;
    }
  }

  /**
   * Tests paired samples: {@code a[i]} and {@code b[i]} come from the same repeat; the quantity is
   * the mean of {@code a − b}.
   *
   * @param level the interval's confidence level, also 1 − the detectable effect's one-sided α
   */
  public static Result paired(double[] a, double[] b, double threshold, double level) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Paired samples must have equal lengths, not " + a.length + " and " + b.length + ".");
    }
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    Result r = oneSample(d, threshold, level);
    if (!r.defined()) {
      return r;
    }
    TTest test = TTest.withDefaults().withMu(threshold);
    return new Result(
        r.kind(),
        r.n(),
        r.effect(),
        r.standardError(),
        r.degreesOfFreedom(),
        r.lower(),
        r.upper(),
        test.with(AlternativeHypothesis.GREATER_THAN).pairedTest(a, b).getPValue(),
        test.with(AlternativeHypothesis.LESS_THAN).pairedTest(a, b).getPValue(),
        r.detectable());
  }

  /**
   * Tests per-unit values (one per pair, trial or repeat) against the threshold: the one-sample t
   * test, which is the paired t-test of the units' differences.
   */
  public static Result oneSample(double[] d, double threshold, double level) {
    int n = d.length;
    double mean = Arrays.stream(d).average().orElse(Double.NaN);
    if (n < 2) {
      return undefined("paired t", n, mean);
    }
    double var = 0;
    for (double x : d) {
      var += (x - mean) * (x - mean);
    }
    var /= n - 1;
    double se = Math.sqrt(var / n);
    if (!(se > 0)) {
      return undefined("paired t", n, mean);
    }
    TTest test = TTest.withDefaults().withMu(threshold);
    double df = n - 1;
    return finish(
        "paired t",
        n,
        mean,
        se,
        df,
        level,
        test.with(AlternativeHypothesis.GREATER_THAN).test(d).getPValue(),
        test.with(AlternativeHypothesis.LESS_THAN).test(d).getPValue());
  }

  /**
   * Welch's test of {@code Σ coefficients[i] · mean(groups[i])} against the threshold, the groups
   * independent.
   */
  public static Result welch(
      double[][] groups, double[] coefficients, double threshold, double level) {
    if (groups.length != coefficients.length) {
      throw new IllegalArgumentException("One coefficient per group is needed.");
    }
    double effect = 0;
    double se2 = 0;
    double dfDenominator = 0;
    int n = 0;
    boolean small = false;
    for (int i = 0; i < groups.length; i++) {
      double[] g = groups[i];
      n += g.length;
      double mean = Arrays.stream(g).average().orElse(Double.NaN);
      effect += coefficients[i] * mean;
      if (g.length < 2) {
        small = true;
        continue;
      }
      double var = 0;
      for (double x : g) {
        var += (x - mean) * (x - mean);
      }
      var /= g.length - 1;
      double term = coefficients[i] * coefficients[i] * var / g.length;
      se2 += term;
      dfDenominator += term * term / (g.length - 1);
    }
    if (small || !(se2 > 0)) {
      return undefined("Welch", n, effect);
    }
    double se = Math.sqrt(se2);
    double df = se2 * se2 / dfDenominator;
    TDistribution t = TDistribution.of(df);
    double statistic = (effect - threshold) / se;
    return finish(
        "Welch",
        n,
        effect,
        se,
        df,
        level,
        t.survivalProbability(statistic),
        t.cumulativeProbability(statistic));
  }

  private static Result finish(
      String kind,
      int n,
      double effect,
      double se,
      double df,
      double level,
      double pGreater,
      double pLess) {
    TDistribution t = TDistribution.of(df);
    double half = t.inverseSurvivalProbability((1 - level) / 2) * se;
    double detectable =
        (t.inverseSurvivalProbability(1 - level) + t.inverseSurvivalProbability(1 - POWER)) * se;
    return new Result(
        kind, n, effect, se, df, effect - half, effect + half, pGreater, pLess, detectable);
  }

  private static Result undefined(String kind, int n, double effect) {
    return new Result(
        kind,
        n,
        effect,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }
}
