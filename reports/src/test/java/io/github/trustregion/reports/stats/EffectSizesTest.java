package io.github.trustregion.reports.stats;

import static io.github.trustregion.reports.stats.ReferenceData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hedges' g and Cliff's delta against direct formulas evaluated in stats_reference.py. */
class EffectSizesTest {

  @Test
  void hedgesGMatchesTheReferenceWithTheExactBiasCorrection() {
    // stats_reference.py: Cohen d = 0.8797172792680098, Hedges g = 0.8277985361226169
    assertThat(EffectSizes.hedgesG(HOLLANDER_X, HOLLANDER_Y))
        .isCloseTo(0.8277985361226169, within(1e-12));
    // d = 3.188179615250205, g = 2.9135973009020026
    assertThat(EffectSizes.hedgesG(ACCURACY_A, ACCURACY_B))
        .isCloseTo(2.9135973009020026, within(1e-10));
    // d = -0.8876882828532002, g = -0.8112360334379851
    assertThat(EffectSizes.hedgesG(TIES_A, TIES_B)).isCloseTo(-0.8112360334379851, within(1e-12));
  }

  @Test
  void hedgesCorrectionForTwoDegreesOfFreedomIsOneOverRootPi() {
    // J(2) = Γ(1) / (√1 · Γ(½)) = 1/√π; n = 2 + 2: d = 2.1213203435596424, g = 1.1968268412043015
    assertThat(EffectSizes.biasCorrection(2)).isCloseTo(1 / Math.sqrt(Math.PI), within(1e-14));
    assertThat(EffectSizes.hedgesG(N2_A, N2_B)).isCloseTo(1.1968268412043015, within(1e-9));
  }

  @Test
  void cliffsDeltaCountsDominanceWithTiesAsNeither() {
    assertThat(EffectSizes.cliffsDelta(HOLLANDER_X, HOLLANDER_Y)).isCloseTo(0.4, within(1e-15));
    assertThat(EffectSizes.cliffsDelta(ACCURACY_A, ACCURACY_B)).isEqualTo(1.0);
    // 30 pairs: 6 greater, 22 less, 2 tied -> (6 − 22)/30 = −0.5333…
    assertThat(EffectSizes.cliffsDelta(TIES_A, TIES_B)).isCloseTo(-16.0 / 30.0, within(1e-15));
  }
}
