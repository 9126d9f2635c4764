package io.github.trustregion.ci.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GapDropTest {

  @Test
  void matchesSciPysOneSidedWelchTestShiftedByTheTolerance() {
    // SciPy 1.17.1: stats.ttest_ind([a + 0.02 for a in x], y, equal_var=False, alternative='less')
    // gives t = -1.286082594088952, p = 0.12070320883017178 (df = 6.645449436540561).
    double[] x = {0.031, 0.024, 0.029, 0.035, 0.027};
    double[] y = {0.052, 0.049, 0.055, 0.050, 0.054};

    assertThat(GapDrop.pValue(x, y, 0.02, 0.2)).isCloseTo(0.12070320883017178, within(1e-9));
  }

  @Test
  void matchesSciPyForUnequalSizesAndZeroTolerance() {
    // SciPy 1.17.1: stats.ttest_ind([0.01, 0.04], [0.05, 0.051, 0.049], equal_var=False,
    // alternative='less') gives p = 0.17185503665269128 (df = 1.0029640571039153).
    assertThat(
            GapDrop.pValue(new double[] {0.01, 0.04}, new double[] {0.05, 0.051, 0.049}, 0.0, 0.2))
        .isCloseTo(0.17185503665269128, within(1e-9));
  }

  @Test
  void hasNoPValueWhenNeitherSampleVariesHoweverFarTheGapDropped() {
    assertThat(GapDrop.pValue(new double[] {0.01, 0.01}, new double[] {0.05, 0.05}, 0.02, 0.2))
        .isNaN();
    assertThat(GapDrop.pValue(new double[] {0.04, 0.04}, new double[] {0.05, 0.05}, 0.02, 0.2))
        .isNaN();
    assertThat(
            GapDrop.smallestFlaggedDrop(
                new double[] {0.01, 0.01}, new double[] {0.05, 0.05}, 0.02, 0.0125, 0.2))
        .isNaN();
  }

  @Test
  void smallestFlaggedDropIsTheTolerancePlusTheTablesQuantileTimesTheStandardError() {
    // x = {0.01, 0.02, 0.03}, y = {0.04, 0.05, 0.06}: s_x² = s_y² = 1e-4, se = √(2e-4/3) =
    // 0.0081650,
    // ν = 4 exactly; Student's t table: t_{0.975,4} = 2.776, so for level 0.025 and τ = 0.02:
    // D = 0.02 + 2.776 · 0.0081650 = 0.042666 (table precision ±0.0005 · se).
    double[] x = {0.01, 0.02, 0.03};
    double[] y = {0.04, 0.05, 0.06};
    double se = Math.sqrt(2e-4 / 3);

    double drop = GapDrop.smallestFlaggedDrop(x, y, 0.02, 0.025, 0.2);

    assertThat(drop).isCloseTo(0.02 + 2.776 * se, within(0.0005 * se));
    // Shift x so that its mean gap is D below y's: the one-sided p-value is the level, and below it
    // for a drop 0.01 points larger.
    double shift = mean(y) - drop - mean(x);
    assertThat(GapDrop.pValue(shifted(x, shift), y, 0.02, 0.2)).isCloseTo(0.025, within(1e-12));
    assertThat(GapDrop.pValue(shifted(x, shift - 0.0001), y, 0.02, 0.2)).isLessThan(0.025);
  }

  private static double mean(double[] v) {
    return java.util.Arrays.stream(v).sum() / v.length;
  }

  private static double[] shifted(double[] v, double shift) {
    return java.util.Arrays.stream(v).map(x -> x + shift).toArray();
  }

  @Test
  void trimsTheCollapsedSeedsOfTwentyRepeatsAsSciPyDoes() {
    // SciPy 1.17.1: stats.ttest_ind([a - 0.005 for a in x], y, equal_var=False, trim=γ,
    // alternative='less') gives p = 0.11250559404013195 for γ = 0.2 (df 15.968677689490109) and
    // 0.045174271465657494 for γ = 0 (df 20.42718457452293): x has two collapsed seeds (-0.15,
    // -0.21), y none; Welch's test lets them decide, Yuen's leaves them out.
    double[] x = {
      -0.011, 0.025, -0.013, -0.009, 0.015, 0.001, 0.030, -0.150, -0.212, 0.004, -0.024, 0.011,
      -0.018, 0.016, 0.020, -0.003, 0.007, 0.019, -0.046, 0.008
    };
    double[] y = {
      0.006, -0.017, 0.012, 0.002, -0.004, 0.021, -0.010, 0.003, 0.015, -0.008, 0.000, 0.009, 0.004,
      -0.002, 0.011
    };
    assertThat(GapDrop.pValue(shifted(x, -0.005), y, 0.0, 0.2))
        .isCloseTo(0.11250559404013195, within(1e-10));
    assertThat(GapDrop.pValue(shifted(x, -0.005), y, 0.0, 0.0))
        .isCloseTo(0.045174271465657494, within(1e-10));
  }

  @Test
  void givesAboveOneHalfWhenTheGapGrew() {
    assertThat(
            GapDrop.pValue(
                new double[] {0.07, 0.08, 0.06}, new double[] {0.05, 0.052, 0.048}, 0.0, 0.2))
        .isGreaterThan(0.5);
  }
}
