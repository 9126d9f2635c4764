package io.github.trustregion.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Holm's correction against R's {@code p.adjust(…, "holm")} computed by hand. */
class HolmTest {

  @Test
  void matchesRsPAdjustHolm() {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.20), "holm") = 0.04 0.09 0.09 0.025 0.20:
    // sorted 0.005·5 = 0.025, 0.01·4 = 0.04, 0.03·3 = 0.09, 0.04·2 = 0.08 → max 0.09, 0.20·1.
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.20});
    assertThat(adjusted)
        .containsExactly(new double[] {0.04, 0.09, 0.09, 0.025, 0.20}, within(1e-15));
  }

  @Test
  void rejectionLevelIsWhereTheEntrysAdjustedPValueReachesAlpha() {
    double[] p = {0.01, 0.04, 0.03, 0.005, 0.20, Double.NaN};
    // Entry 4 (0.20), α = 0.05, k = 5 finite: others sorted 0.005, 0.01, 0.03, 0.04; by hand
    // 5·0.005 = 0.025 ≤ 0.05, 4·0.01 = 0.04 ≤ 0.05, 3·0.03 = 0.09 > 0.05, so m = 2 and the level is
    // 0.05/3.
    assertThat(Holm.rejectionLevel(p, 4, 0.05)).isCloseTo(0.05 / 3, within(1e-15));
    // Entry 3 (0.005): others 0.01, 0.03, 0.04, 0.20: 5·0.01 = 0.05 ≤ 0.05, 4·0.03 > 0.05: m = 1,
    // level 0.05/4.
    assertThat(Holm.rejectionLevel(p, 3, 0.05)).isCloseTo(0.05 / 4, within(1e-15));
    // No other entry rejected: Bonferroni's α/k.
    assertThat(Holm.rejectionLevel(new double[] {0.5, 0.9, 0.3, 0.7}, 1, 0.05))
        .isCloseTo(0.0125, within(1e-15));
    // Checked against the adjustment itself: just below the level entry 4 is rejected, just above
    // it is not.
    double level = 0.05 / 3;
    p[4] = level * (1 - 1e-9);
    assertThat(Holm.adjust(p)[4]).isLessThanOrEqualTo(0.05);
    p[4] = level * (1 + 1e-9);
    assertThat(Holm.adjust(p)[4]).isGreaterThan(0.05);
  }

  @Test
  void capsAtOneAndIgnoresUndefinedTests() {
    // {0.7, 0.6}: 0.6·2 = 1.2 → 1, then max(1, 0.7) = 1.
    double[] capped = Holm.adjust(new double[] {0.7, Double.NaN, 0.6});
    assertThat(capped[0]).isEqualTo(1.0);
    assertThat(capped[1]).isNaN();
    assertThat(capped[2]).isEqualTo(1.0);
    // k = 2 finite tests: 0.01·2 = 0.02, max(0.02, 0.02·1) = 0.02 (k = 3 would give 0.03).
    double[] family = Holm.adjust(new double[] {0.02, Double.NaN, 0.01});
    assertThat(family[0]).isCloseTo(0.02, within(1e-15));
    assertThat(family[2]).isCloseTo(0.02, within(1e-15));
  }
}
