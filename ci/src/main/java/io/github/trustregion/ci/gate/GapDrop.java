package io.github.trustregion.ci.gate;

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
 * and returns its lower-tail p-value {@code P(T_ν ≤ t)}, {@code t = (x̄ − ȳ + τ)/se}, {@code se =
 * √(s_x²/n_x + s_y²/n_y)}, ν by Welch–Satterthwaite. When both samples have zero variance there is
 * no estimate of the noise, the test is undefined and the p-value is NaN (the gate reports the row
 * as not testable). Reference: B. L. Welch, Biometrika 34 (1947) 28–35.
 */
public final class GapDrop {

  private GapDrop() {}

  /**
   * Returns the one-sided p-value that the new gaps are lower than the baseline gaps minus the
   * tolerance; NaN when neither sample varies.
   *
   * @param newGaps the new run's per-repeat gaps, at least 2
   * @param baselineGaps the baseline's per-repeat gaps, at least 2
   * @param tolerance the tolerance τ ≥ 0
   */
  public static double pValue(double[] newGaps, double[] baselineGaps, double tolerance) {
    return WelchTTest.test(newGaps, baselineGaps, -tolerance).pLess();
  }

  /**
   * Returns the smallest drop {@code D} of the mean gap ({@code ȳ − x̄}) whose p-value reaches
   * {@code level}: {@code D = τ + t_{1−level, ν} · se}, with {@code se} and ν from the observed
   * spreads and sizes of both samples. Shifting {@code x} leaves se and ν unchanged, and at {@code
   * x̄ − ȳ = −D} the statistic is {@code t = −t_{1−level, ν}}, so {@link #pValue} equals {@code
   * level} there and is below it for any larger drop. NaN when neither sample varies.
   *
   * @param newGaps the new run's per-repeat gaps, at least 2
   * @param baselineGaps the baseline's per-repeat gaps, at least 2
   * @param tolerance the tolerance τ ≥ 0
   * @param level the raw p-value the row must reach, in (0, 1) (for the gate, its Holm level)
   */
  public static double smallestFlaggedDrop(
      double[] newGaps, double[] baselineGaps, double tolerance, double level) {
    return tolerance + WelchTTest.margin(newGaps, baselineGaps, level);
  }
}
