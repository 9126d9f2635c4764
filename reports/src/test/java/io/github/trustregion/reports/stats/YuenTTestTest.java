package io.github.trustregion.reports.stats;

import static io.github.trustregion.reports.stats.ReferenceData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Yuen's trimmed-means test against SciPy's {@code ttest_ind(a, b, equal_var=False, trim=γ)}. */
class YuenTTestTest {

  /** SciPy's documentation example of {@code trim}: one huge outlier in the first sample. */
  private static final double[] SCIPY_A = {56, 128.6, 12, 123.8, 64.34, 78, 763.3};

  private static final double[] SCIPY_B = {1.1, 2.9, 4.2};

  /** Per-seed accuracy gaps of a method that collapses on a few seeds (20 values). */
  private static final double[] COLLAPSING = {
    -0.011, 0.025, -0.013, -0.009, 0.015, 0.001, 0.030, -0.066, -0.212, 0.004, -0.024, 0.011,
    -0.118, 0.016, 0.020, -0.003, 0.007, 0.019, -0.046, 0.008
  };

  /** Per-seed gaps of the same comparison without collapses (12 values). */
  private static final double[] STEADY = {
    0.006, -0.017, 0.012, 0.002, -0.004, 0.021, -0.010, 0.003, 0.015, -0.008, 0.000, 0.009
  };

  @Test
  void matchesScipyOnItsDocumentationExample() {
    // scipy: t=4.591598691181999 df=4.017849270599219, p two-sided 0.009989092520784214,
    // greater 0.004994546260392107, less 0.9950054537396079
    WelchTTest.Result r = YuenTTest.test(SCIPY_A, SCIPY_B, 0, 0.2);
    assertThat(r.t()).isCloseTo(4.591598691181999, within(1e-12));
    assertThat(r.degreesOfFreedom()).isCloseTo(4.017849270599219, within(1e-10));
    assertThat(r.pTwoSided()).isCloseTo(0.009989092520784214, within(1e-12));
    assertThat(r.pGreater()).isCloseTo(0.004994546260392107, within(1e-12));
    assertThat(r.pLess()).isCloseTo(0.9950054537396079, within(1e-12));
  }

  @Test
  void matchesScipyOnCollapsingGapsAtThreeTrimmingFractions() {
    // scipy (t, df, p less): trim 0.1: -0.7680356648711761 18.995578821310474 0.2259543926198472;
    // 0.2: -0.3291861026057655 16.656781040004834 0.37305899517157065;
    // 0.25: -0.2539429185236665 13.611553315377726 0.4016677083769509
    double[][] expected = {
      {0.1, -0.7680356648711761, 18.995578821310474, 0.2259543926198472, 0.4519087852396944},
      {0.2, -0.3291861026057655, 16.656781040004834, 0.37305899517157065, 0.7461179903431413},
      {0.25, -0.2539429185236665, 13.611553315377726, 0.4016677083769509, 0.8033354167539019}
    };
    for (double[] e : expected) {
      WelchTTest.Result r = YuenTTest.test(COLLAPSING, STEADY, 0, e[0]);
      assertThat(r.t()).as("t at trim %s", e[0]).isCloseTo(e[1], within(1e-12));
      assertThat(r.degreesOfFreedom()).as("df at trim %s", e[0]).isCloseTo(e[2], within(1e-9));
      assertThat(r.pLess()).as("p less at trim %s", e[0]).isCloseTo(e[3], within(1e-12));
      assertThat(r.pTwoSided()).as("p at trim %s", e[0]).isCloseTo(e[4], within(1e-12));
    }
  }

  @Test
  void trimmedMeansMatchScipy() {
    // scipy.stats.trim_mean: 0.0001666666666666671 and 0.0024999999999999996
    assertThat(YuenTTest.trimmedMean(COLLAPSING, 0.2))
        .isCloseTo(1.666666666666671e-4, within(1e-15));
    assertThat(YuenTTest.trimmedMean(STEADY, 0.2)).isCloseTo(0.0025, within(1e-15));
    assertThat(YuenTTest.test(COLLAPSING, STEADY, 0, 0.2).difference())
        .isCloseTo(1.666666666666671e-4 - 0.0025, within(1e-15));
  }

  @Test
  void aShiftedNullEqualsTestingShiftedData() {
    // scipy on COLLAPSING + 0.02 against STEADY, trim 0.2: t=2.492409062586511, p less
    // 0.988226327634414
    WelchTTest.Result r = YuenTTest.test(COLLAPSING, STEADY, -0.02, 0.2);
    assertThat(r.t()).isCloseTo(2.492409062586511, within(1e-10));
    assertThat(r.pLess()).isCloseTo(0.988226327634414, within(1e-10));
  }

  @Test
  void withoutTrimmingItIsWelchsTest() {
    for (double[][] pair :
        new double[][][] {
          {HOLLANDER_X, HOLLANDER_Y}, {ACCURACY_A, ACCURACY_B}, {TIES_A, TIES_B}, {N2_A, N2_B}
        }) {
      WelchTTest.Result welch = WelchTTest.test(pair[0], pair[1], 0.01);
      WelchTTest.Result yuen = YuenTTest.test(pair[0], pair[1], 0.01, 0.0);
      assertThat(yuen.t()).isCloseTo(welch.t(), within(1e-12));
      assertThat(yuen.degreesOfFreedom()).isCloseTo(welch.degreesOfFreedom(), within(1e-9));
      assertThat(yuen.pLess()).isCloseTo(welch.pLess(), within(1e-12));
      assertThat(yuen.pTwoSided()).isCloseTo(welch.pTwoSided(), within(1e-12));
      assertThat(YuenTTest.margin(pair[0], pair[1], 0.0125, 0.0))
          .isCloseTo(WelchTTest.margin(pair[0], pair[1], 0.0125), within(1e-12));
    }
  }

  @Test
  void aSampleTooSmallToLoseAnObservationIsNotTrimmed() {
    // ⌊0.2 · 3⌋ = 0 and ⌊0.2 · 4⌋ = 0: three repeats per method are tested as by Welch
    double[] a = {0.81, 0.79, 0.84};
    double[] b = {0.78, 0.80, 0.77, 0.75};
    assertThat(YuenTTest.test(a, b, 0, 0.2).pLess())
        .isCloseTo(WelchTTest.test(a, b).pLess(), within(1e-12));
  }

  @Test
  void theMarginIsTheShiftAtWhichThePValueReachesTheLevel() {
    double margin = YuenTTest.margin(COLLAPSING, STEADY, 0.0125, 0.2);
    double observed = YuenTTest.test(COLLAPSING, STEADY, 0, 0.2).difference();
    // H1 "a lower than b by more than mu": at mu = observed + margin the lower-tail p is the level
    assertThat(YuenTTest.test(COLLAPSING, STEADY, observed + margin, 0.2).pLess())
        .isCloseTo(0.0125, within(1e-10));
  }

  @Test
  void isUndefinedWhenNeitherWinsorizedSampleVaries() {
    double[] a = {0.5, 0.5, 0.5, 0.5, 0.9};
    double[] b = {0.4, 0.4, 0.4, 0.4, 0.4};
    WelchTTest.Result r = YuenTTest.test(a, b, 0, 0.2);
    assertThat(r.defined()).isFalse();
    assertThat(r.difference()).isCloseTo(0.1, within(1e-12));
    assertThat(YuenTTest.margin(a, b, 0.05, 0.2)).isNaN();
  }

  @Test
  void rejectsABadTrimAndTooFewKeptObservations() {
    assertThatThrownBy(() -> YuenTTest.test(ACCURACY_A, ACCURACY_B, 0, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 0.5)");
    assertThatThrownBy(() -> YuenTTest.test(new double[] {0.8}, ACCURACY_B, 0, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("at least 2");
  }
}
