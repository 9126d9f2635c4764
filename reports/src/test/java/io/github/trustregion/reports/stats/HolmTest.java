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
    assertThat(adjusted).containsExactly(new double[] {0.04, 0.09, 0.09, 0.025, 0.20}, within(1e-15));
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
