package io.github.trustregion.reports.stats;

import static io.github.trustregion.reports.stats.ReferenceData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Mann–Whitney U test against R's published example, SciPy's exact test (no ties) and a
 * brute-force enumeration of all splits (ties), all computed outside this module.
 */
class MannWhitneyUTestTest {

  @Test
  void reproducesTheHollanderWolfeExampleOfRsWilcoxTest() {
    // R: wilcox.test(x, y, alternative = "g") -> W = 35, p-value = 0.1272 (SciPy exact:
    // 0.1272061272061272)
    MannWhitneyUTest.Result r = MannWhitneyUTest.test(HOLLANDER_X, HOLLANDER_Y);
    assertThat(r.u()).isEqualTo(35.0);
    assertThat(r.exact()).isTrue();
    assertThat(r.ties()).isFalse();
    assertThat(r.pGreater()).isCloseTo(0.1272061272061272, within(1e-12));
    assertThat(r.pTwoSided()).isCloseTo(0.2544122544122544, within(1e-12));
    assertThat(r.pLess()).isCloseTo(0.8967698967698967, within(1e-12));
  }

  @Test
  void matchesScipyExactForCompletelySeparatedGroups() {
    // scipy mannwhitneyu(method="exact"): U=30, two-sided 0.004329004329004329 (= 2/C(11,5)),
    // greater 0.0021645021645021645
    MannWhitneyUTest.Result r = MannWhitneyUTest.test(ACCURACY_A, ACCURACY_B);
    assertThat(r.u()).isEqualTo(30.0);
    assertThat(r.pTwoSided()).isCloseTo(2.0 / 462.0, within(1e-15));
    assertThat(r.pGreater()).isCloseTo(0.0021645021645021645, within(1e-15));
    assertThat(r.pLess()).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void givesTheSmallestPossiblePValuesWithTwoObservationsPerGroup() {
    // scipy exact: U=4, two-sided 1/3, greater 1/6 (the most extreme of C(4,2) = 6 splits)
    MannWhitneyUTest.Result r = MannWhitneyUTest.test(N2_A, N2_B);
    assertThat(r.u()).isEqualTo(4.0);
    assertThat(r.pTwoSided()).isCloseTo(1.0 / 3.0, within(1e-15));
    assertThat(r.pGreater()).isCloseTo(1.0 / 6.0, within(1e-15));
    assertThat(r.pLess()).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void isExactWithTiesByThePermutationDistributionOfMidranks() {
    // Enumeration of all C(11,5) = 462 splits of the pooled midranks (stats_reference.py):
    // U=7, two-sided 0.17316017316017315, greater 0.9393939393939394, less 0.08658008658008658
    MannWhitneyUTest.Result r = MannWhitneyUTest.test(TIES_A, TIES_B);
    assertThat(r.ties()).isTrue();
    assertThat(r.exact()).isTrue();
    assertThat(r.u()).isEqualTo(7.0);
    assertThat(r.pTwoSided()).isCloseTo(0.17316017316017315, within(1e-14));
    assertThat(r.pGreater()).isCloseTo(0.9393939393939394, within(1e-14));
    assertThat(r.pLess()).isCloseTo(0.08658008658008658, within(1e-14));
  }

  @Test
  void handlesTiesBetweenTwoObservationsPerGroup() {
    // a = {1, 2}, b = {2, 3}: midranks 1, 2.5 | 2.5, 4; U_a = 3.5 − 3 = 0.5. The 6 splits give
    // doubled rank sums of a: {1,2.5}→7, {1,2.5}→7, {1,4}→10, {2.5,2.5}→10, {2.5,4}→13, {2.5,4}→13;
    // P(U ≤ 0.5) = 2/6, P(U ≥ 0.5) = 6/6, two-sided 2/3 (counted by hand).
    MannWhitneyUTest.Result r = MannWhitneyUTest.test(new double[] {1, 2}, new double[] {2, 3});
    assertThat(r.u()).isEqualTo(0.5);
    assertThat(r.pLess()).isCloseTo(2.0 / 6.0, within(1e-15));
    assertThat(r.pGreater()).isCloseTo(1.0, within(1e-15));
    assertThat(r.pTwoSided()).isCloseTo(2.0 / 3.0, within(1e-15));
  }

  @Test
  void asymptoticBranchMatchesScipyOnTheHollanderWolfeSamplesScaledUp() {
    // Repeating each sample 9 times (N = 135 > limit) keeps the data tied; SciPy
    // mannwhitneyu(x*9, y*9, method="asymptotic") (tie-corrected, continuity) gives the reference.
    double[] x = repeat(HOLLANDER_X, 9);
    double[] y = repeat(HOLLANDER_Y, 9);
    MannWhitneyUTest.Result r = MannWhitneyUTest.test(x, y);
    assertThat(r.exact()).isFalse();
    assertThat(r.u()).isEqualTo(35.0 * 81 + 0.5 * tiedPairs(x, y));
    assertThat(r.ties()).isTrue();
    // scipy.stats.mannwhitneyu(x*9, y*9, alternative=…, method="asymptotic"), stats_reference.py
    assertThat(r.pTwoSided()).isCloseTo(0.00015263474952597394, within(1e-15));
    assertThat(r.pGreater()).isCloseTo(7.631737476298697e-05, within(1e-16));
    assertThat(r.pLess()).isCloseTo(0.999925106102018, within(1e-12));
  }

  private static double[] repeat(double[] values, int times) {
    double[] out = new double[values.length * times];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i % values.length];
    }
    return out;
  }

  private static long tiedPairs(double[] a, double[] b) {
    long ties = 0;
    for (double x : a) {
      for (double y : b) {
        if (x == y) {
          ties++;
        }
      }
    }
    return ties;
  }
}
