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

    assertThat(GapDrop.pValue(x, y, 0.02)).isCloseTo(0.12070320883017178, within(1e-9));
  }

  @Test
  void matchesSciPyForUnequalSizesAndZeroTolerance() {
    // SciPy 1.17.1: stats.ttest_ind([0.01, 0.04], [0.05, 0.051, 0.049], equal_var=False,
    // alternative='less') gives p = 0.17185503665269128 (df = 1.0029640571039153).
    assertThat(GapDrop.pValue(new double[] {0.01, 0.04}, new double[] {0.05, 0.051, 0.049}, 0.0))
        .isCloseTo(0.17185503665269128, within(1e-9));
  }

  @Test
  void givesZeroWhenConstantGapsDroppedBeyondTheTolerance() {
    assertThat(GapDrop.pValue(new double[] {0.01, 0.01}, new double[] {0.05, 0.05}, 0.02)).isZero();
  }

  @Test
  void givesOneWhenConstantGapsStayedWithinTheTolerance() {
    assertThat(GapDrop.pValue(new double[] {0.04, 0.04}, new double[] {0.05, 0.05}, 0.02)).isEqualTo(1.0);
  }

  @Test
  void givesAboveOneHalfWhenTheGapGrew() {
    assertThat(GapDrop.pValue(new double[] {0.07, 0.08, 0.06}, new double[] {0.05, 0.052, 0.048}, 0.0))
        .isGreaterThan(0.5);
  }
}
