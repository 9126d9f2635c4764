package io.github.trustregion.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The paired t-test and the Wilcoxon signed-rank test against R's published results on textbook
 * data, and the exact distribution with ties against a brute-force enumeration.
 */
class PairedTestsTest {

  /** R's {@code sleep} data: extra hours of sleep of 10 patients under drug 1 and drug 2. */
  private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};

  private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  /** Hollander &amp; Wolfe (1973), p. 29: depression scores at the first and second visit. */
  private static final double[] DEPRESSION_X = {
    1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30
  };

  private static final double[] DEPRESSION_Y = {
    0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29
  };

  @Test
  void pairedTTestMatchesRsTTestPairedOnTheSleepData() {
    // R: t.test(extra ~ group, data = sleep, paired = TRUE):
    // t = -4.0621, df = 9, p-value = 0.002833; 95 percent CI -2.4598858 -0.7001142;
    // mean difference -1.58
    PairedTTest.Result r = PairedTTest.test(SLEEP_1, SLEEP_2, 0.95);
    assertThat(r.n()).isEqualTo(10);
    assertThat(r.t()).isCloseTo(-4.0621, within(5e-5));
    assertThat(r.degreesOfFreedom()).isEqualTo(9);
    assertThat(r.pTwoSided()).isCloseTo(0.002833, within(5e-7));
    assertThat(r.meanDifference()).isCloseTo(-1.58, within(1e-12));
    assertThat(r.interval().lower()).isCloseTo(-2.4598858, within(5e-8));
    assertThat(r.interval().upper()).isCloseTo(-0.7001142, within(5e-8));
  }

  @Test
  void pairedTTestIsUndefinedWithOnePairOrConstantDifferences() {
    assertThat(PairedTTest.test(new double[] {1}, new double[] {0}, 0.95).defined()).isFalse();
    assertThat(PairedTTest.test(new double[] {1, 2}, new double[] {0, 1}, 0.95).defined())
        .isFalse();
    assertThatThrownBy(() -> PairedTTest.test(new double[] {1, 2}, new double[] {1}, 0.95))
        .hasMessageContaining("equal length");
  }

  @Test
  void signedRankTestMatchesRsExactWilcoxTestOnTheDepressionData() {
    // R: wilcox.test(x, y, paired = TRUE, alternative = "greater"): V = 40, p-value = 0.01953
    // (exactly 10/512); two-sided p-value = 0.03906
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.test(DEPRESSION_X, DEPRESSION_Y);
    assertThat(r.v()).isEqualTo(40);
    assertThat(r.exact()).isTrue();
    assertThat(r.ties()).isFalse();
    assertThat(r.pGreater()).isCloseTo(10.0 / 512, within(1e-12));
    assertThat(r.pGreater()).isCloseTo(0.01953, within(5e-6));
    assertThat(r.pTwoSided()).isCloseTo(20.0 / 512, within(1e-12));
    // P(V ≤ 40) = 1 − P(V ≥ 41) = 1 − P(V ≤ 4) = 1 − 7/512
    assertThat(r.pLess()).isCloseTo(1 - 7.0 / 512, within(1e-12));
  }

  @Test
  void signedRankTestMatchesRsNormalApproximationOnTheSleepDataWithATieAndAZero() {
    // R: wilcox.test(extra ~ group, data = sleep, paired = TRUE) (ties and a zero, so R uses the
    // normal approximation with continuity correction): V = 0, p-value = 0.009091
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.asymptoticTest(SLEEP_1, SLEEP_2);
    assertThat(r.v()).isEqualTo(0);
    assertThat(r.zeros()).isEqualTo(1);
    assertThat(r.nonZero()).isEqualTo(9);
    assertThat(r.ties()).isTrue();
    assertThat(r.pTwoSided()).isCloseTo(0.009091, within(5e-7));
  }

  @Test
  void signedRankTestIsExactWithTiesAsTheEnumerationOfAllSignsGives() {
    // the sleep data at small n with a tie: exact conditional p, by brute force below
    double[] a = {0.7, -1.6, -0.2, -1.2, 3.4, 3.7, 0.8, 2.0, 1.5, 2.5};
    double[] b = {1.9, 0.8, 1.1, 0.1, 4.4, 5.5, 1.6, 0.7, 1.5, 0.0};
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.test(a, b);
    assertThat(r.exact()).isTrue();
    assertThat(r.ties()).isTrue();
    assertThat(r.zeros()).isEqualTo(1);
    double[] brute = bruteForce(a, b);
    assertThat(r.v()).isEqualTo(brute[0]);
    assertThat(r.pGreater()).isCloseTo(brute[1], within(1e-12));
    assertThat(r.pLess()).isCloseTo(brute[2], within(1e-12));
    assertThat(r.pTwoSided())
        .isCloseTo(Math.min(1, 2 * Math.min(brute[1], brute[2])), within(1e-12));
  }

  /**
   * Returns {V, P(V' ≥ V), P(V' ≤ V)} by enumerating every sign assignment of the non-zero
   * differences, with midranks computed by counting (an implementation independent of the test's).
   */
  private static double[] bruteForce(double[] a, double[] b) {
    double[] d = new double[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        d[n++] = a[i] - b[i];
      }
    }
    double[] ranks = new double[n];
    for (int i = 0; i < n; i++) {
      int below = 0;
      int equal = 0;
      for (int j = 0; j < n; j++) {
        if (Math.abs(d[j]) < Math.abs(d[i])) {
          below++;
        } else if (Math.abs(d[j]) == Math.abs(d[i])) {
          equal++;
        }
      }
      ranks[i] = below + (equal + 1) / 2.0;
    }
    double v = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        v += ranks[i];
      }
    }
    int greater = 0;
    int less = 0;
    for (int mask = 0; mask < 1 << n; mask++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          s += ranks[i];
        }
      }
      if (s >= v - 1e-9) {
        greater++;
      }
      if (s <= v + 1e-9) {
        less++;
      }
    }
    return new double[] {v, greater / (double) (1 << n), less / (double) (1 << n)};
  }

  @Test
  void signedRankTestAgreesWithCommonsStatisticsWithoutTies() {
    double[] a = {0.1, 0.5, 0.9, 1.3, 2.2, 3.1, -0.4};
    double[] b = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    // V = 1+3+4+5+6+7 = 26 of 28 (ranks of |d|: 0.1→1, 0.4→2, 0.5→3, 0.9→4, 1.3→5, 2.2→6, 3.1→7)
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.test(a, b);
    assertThat(r.v()).isEqualTo(26);
    // P(V ≥ 26) = #{subsets of 1..7 with sum ≥ 26}/128 = #{sum ≤ 2}/128 = 3/128
    assertThat(r.pGreater()).isCloseTo(3.0 / 128, within(1e-12));
  }
}
