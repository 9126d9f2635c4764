package io.github.trustregion.reports.stats;

import static io.github.trustregion.reports.stats.ReferenceData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Welch's t-test against SciPy's {@code ttest_ind(a, b, equal_var=False, alternative=…)}. */
class WelchTTestTest {

  @Test
  void matchesScipyOnTheHollanderWolfeSamples() {
    // scipy: t=2.0413830922100695 df=12.970538443257544, p two-sided 0.06210134378107847,
    // greater 0.031050671890539235, less 0.9689493281094608
    WelchTTest.Result r = WelchTTest.test(HOLLANDER_X, HOLLANDER_Y);
    assertThat(r.t()).isCloseTo(2.0413830922100695, within(1e-12));
    assertThat(r.degreesOfFreedom()).isCloseTo(12.970538443257544, within(1e-10));
    assertThat(r.pTwoSided()).isCloseTo(0.06210134378107847, within(1e-12));
    assertThat(r.pGreater()).isCloseTo(0.031050671890539235, within(1e-12));
    assertThat(r.pLess()).isCloseTo(0.9689493281094608, within(1e-12));
    assertThat(r.difference()).isCloseTo(1.313 - 0.976, within(1e-12));
  }

  @Test
  void matchesScipyOnSeparatedAccuracies() {
    // scipy: t=5.280649646507297 df=8.735320271892268 p=0.0005590483246522709, greater
    // 0.00027952416232613546
    WelchTTest.Result r = WelchTTest.test(ACCURACY_A, ACCURACY_B);
    assertThat(r.t()).isCloseTo(5.280649646507297, within(1e-10));
    assertThat(r.degreesOfFreedom()).isCloseTo(8.735320271892268, within(1e-9));
    assertThat(r.pTwoSided()).isCloseTo(0.0005590483246522709, within(1e-12));
    assertThat(r.pGreater()).isCloseTo(0.00027952416232613546, within(1e-12));
  }

  @Test
  void matchesScipyWithTwoObservationsPerGroup() {
    // scipy: t=2.121320343559648 df=2.0 p two-sided 0.16794970566215559, greater
    // 0.08397485283107779
    WelchTTest.Result r = WelchTTest.test(N2_A, N2_B);
    assertThat(r.t()).isCloseTo(2.121320343559648, within(1e-9));
    assertThat(r.degreesOfFreedom()).isCloseTo(2.0, within(1e-9));
    assertThat(r.pTwoSided()).isCloseTo(0.16794970566215559, within(1e-9));
    assertThat(r.pGreater()).isCloseTo(0.08397485283107779, within(1e-9));
  }

  @Test
  void matchesScipyWithTiesAndANegativeStatistic() {
    // scipy: t=-1.5021265144363938 df=8.983082460119594 p=0.16737345156594496, less
    // 0.08368672578297248
    WelchTTest.Result r = WelchTTest.test(TIES_A, TIES_B);
    assertThat(r.t()).isCloseTo(-1.5021265144363938, within(1e-12));
    assertThat(r.degreesOfFreedom()).isCloseTo(8.983082460119594, within(1e-10));
    assertThat(r.pTwoSided()).isCloseTo(0.16737345156594496, within(1e-12));
    assertThat(r.pLess()).isCloseTo(0.08368672578297248, within(1e-12));
  }

  @Test
  void shiftedNullEqualsTestingShiftedData() {
    double[] shifted = ACCURACY_B.clone();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += 0.01;
    }
    WelchTTest.Result withMu = WelchTTest.test(ACCURACY_A, ACCURACY_B, 0.01);
    WelchTTest.Result onShifted = WelchTTest.test(ACCURACY_A, shifted);
    assertThat(withMu.t()).isCloseTo(onShifted.t(), within(1e-9));
    assertThat(withMu.pGreater()).isCloseTo(onShifted.pGreater(), within(1e-9));
  }

  @Test
  void isUndefinedWhenBothGroupsHaveNoVariance() {
    WelchTTest.Result r = WelchTTest.test(new double[] {0.5, 0.5}, new double[] {0.4, 0.4});
    assertThat(r.defined()).isFalse();
    assertThat(r.pTwoSided()).isNaN();
    assertThat(r.difference()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void rejectsASingleObservationNamingTheSample() {
    assertThatThrownBy(() -> WelchTTest.test(new double[] {1.0}, N2_B))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("at least 2");
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThatThrownBy(() -> WelchTTest.test(N2_A, new double[] {1.0, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b'")
        .hasMessageContaining("index 1");
  }
}
