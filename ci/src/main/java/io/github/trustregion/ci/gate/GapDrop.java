package io.github.trustregion.ci.gate;

import io.github.trustregion.reports.stats.SampleSummary;
import io.github.trustregion.reports.stats.WelchTTest;

/**
 * The gate's test of one gap: has it dropped by more than the tolerance?
 *
 * <p>With the new run's per-repeat gaps {@code x} (method − reference, paired by repeat), the
 * baseline's per-repeat gaps {@code y} and the tolerance {@code τ}, it tests
 *
 * <pre>
 *   H₀: μ_x − μ_y ≥ −τ   (the gap kept within the tolerance)
 *   H₁: μ_x − μ_y &lt; −τ   (the gap dropped by more than the tolerance)
 * </pre>
 *
 * with Welch's unequal-variance t-test ({@link WelchTTest}, hypothesised difference {@code −τ}),
 * and returns its lower-tail p-value {@code P(T_ν ≤ t)}, {@code t = (x̄ − ȳ + τ)/√(s_x²/n_x +
 * s_y²/n_y)}, ν by Welch–Satterthwaite. When both samples have zero variance the statistic is
 * undefined and the difference is exact: the p-value is 0 if {@code x̄ − ȳ < −τ}, else 1.
 * Reference: B. L. Welch, Biometrika 34 (1947) 28–35.
 */
public final class GapDrop {

  private GapDrop() {}

  /**
   * Returns the one-sided p-value that the new gaps are lower than the baseline gaps minus the
   * tolerance.
   *
   * @param newGaps the new run's per-repeat gaps, at least 2
   * @param baselineGaps the baseline's per-repeat gaps, at least 2
   * @param tolerance the tolerance τ ≥ 0
   */
  public static double pValue(double[] newGaps, double[] baselineGaps, double tolerance) {
    WelchTTest.Result welch = WelchTTest.test(newGaps, baselineGaps, -tolerance);
    if (welch.defined()) {
      return welch.pLess();
    }
    double change = SampleSummary.of(newGaps).mean() - SampleSummary.of(baselineGaps).mean();
    return change < -tolerance ? 0.0 : 1.0;
  }
}
