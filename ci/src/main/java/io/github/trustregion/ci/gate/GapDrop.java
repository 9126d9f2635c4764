package io.github.trustregion.ci.gate;

import io.github.trustregion.reports.stats.YuenTTest;

/**
 * The gate's test of one gap: has it dropped by more than the tolerance?
 *
 * <p>With the new run's per-repeat gaps {@code x} (method − reference, paired by repeat), the
 * baseline's per-repeat gaps {@code y}, the tolerance {@code τ} and the trimming fraction {@code
 * γ}, it tests the {@code γ}-trimmed means {@code μ_t}
 *
 * <pre>
 *   H₀: μ_t,x − μ_t,y ≥ −τ   (the gap kept within the tolerance)
 *   H₁: μ_t,x − μ_t,y &lt; −τ   (the gap dropped by more than the tolerance)
 * </pre>
 *
 * with Yuen's unequal-variance test of trimmed means ({@link YuenTTest}, hypothesised difference
 * {@code −τ}), and returns its lower-tail p-value {@code P(T_ν ≤ t)}, {@code t = (m_t,x − m_t,y +
 * τ)/se}, {@code se = √(d_x + d_y)} from the winsorized variances, ν by Welch–Satterthwaite on the
 * kept counts. With {@code γ = 0}, and whenever either sample has fewer than {@link
 * #MIN_TRIMMED_SIZE} repeats, this is Welch's t-test of the means: with so few kept values the
 * winsorized variance underestimates the spread (measured: 5 repeats against 20 at γ = 0.2 raised
 * false alarms to three times α), and both samples must be trimmed alike for their trimmed means to
 * estimate the same quantity. Trimming keeps the few seeds on which a method collapses (Hybrid
 * switching to SGD in its last epoch at a large batch) from swamping the spread, at the price of
 * not seeing a change that only makes such collapses more frequent. When both winsorized samples
 * have zero variance there is no estimate of the noise, the test is undefined and the p-value is
 * NaN (the gate reports the row as not testable). References: K. K. Yuen, Biometrika 61 (1974)
 * 165–170; B. L. Welch, Biometrika 34 (1947) 28–35.
 */
public final class GapDrop {

  /** The fewest repeats each sample needs to be trimmed; smaller samples are tested by Welch. */
  public static final int MIN_TRIMMED_SIZE = 10;

  private GapDrop() {}

  /** Returns the trimming fraction applied to these two samples: γ, or 0 if either is small. */
  public static double effectiveTrim(double[] newGaps, double[] baselineGaps, double trim) {
    return Math.min(newGaps.length, baselineGaps.length) >= MIN_TRIMMED_SIZE ? trim : 0.0;
  }

  /**
   * Returns the one-sided p-value that the new gaps are lower than the baseline gaps minus the
   * tolerance; NaN when neither winsorized sample varies.
   *
   * @param newGaps the new run's per-repeat gaps, at least 2 kept after trimming
   * @param baselineGaps the baseline's per-repeat gaps, at least 2 kept after trimming
   * @param tolerance the tolerance τ ≥ 0
   * @param trim the fraction γ trimmed from each end of both samples when both have at least {@link
   *     #MIN_TRIMMED_SIZE} values, in [0, 0.5)
   */
  public static double pValue(
      double[] newGaps, double[] baselineGaps, double tolerance, double trim) {
    return YuenTTest.test(
            newGaps, baselineGaps, -tolerance, effectiveTrim(newGaps, baselineGaps, trim))
        .pLess();
  }

  /**
   * Returns the smallest drop {@code D} of the trimmed mean gap ({@code m_t,y − m_t,x}) whose
   * p-value reaches {@code level}: {@code D = τ + t_{1−level, ν} · se}, with {@code se} and ν from
   * the observed spreads and sizes of both samples. Shifting {@code x} leaves se and ν unchanged,
   * and at {@code m_t,x − m_t,y = −D} the statistic is {@code t = −t_{1−level, ν}}, so {@link
   * #pValue} equals {@code level} there and is below it for any larger drop. NaN when neither
   * winsorized sample varies.
   *
   * @param newGaps the new run's per-repeat gaps, at least 2 kept after trimming
   * @param baselineGaps the baseline's per-repeat gaps, at least 2 kept after trimming
   * @param tolerance the tolerance τ ≥ 0
   * @param level the raw p-value the row must reach, in (0, 1) (for the gate, its Holm level)
   * @param trim the fraction γ trimmed from each end of both samples, in [0, 0.5)
   */
  public static double smallestFlaggedDrop(
      double[] newGaps, double[] baselineGaps, double tolerance, double level, double trim) {
    return tolerance
        + YuenTTest.margin(
            newGaps, baselineGaps, level, effectiveTrim(newGaps, baselineGaps, trim));
  }
}
