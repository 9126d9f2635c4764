package io.github.trustregion.reports.stats;

import static io.github.trustregion.reports.stats.ReferenceData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled comparison: its numbers come from the tested parts, its verdict from the rules. */
class ComparisonsTest {

  private final Comparisons comparisons = new Comparisons(ComparisonSettings.defaults());

  @Test
  void bundlesSizesMeansTestsAndAPositiveVerdictForSeparatedGroups() {
    Comparison c = comparisons.compare("TR", ACCURACY_A, "SGD", ACCURACY_B);
    assertThat(c.a().n()).isEqualTo(5);
    assertThat(c.b().n()).isEqualTo(6);
    assertThat(c.a().mean()).isCloseTo(0.8652, within(1e-12));
    assertThat(c.b().sd()).isCloseTo(0.005887840577551903, within(1e-12));
    assertThat(c.difference()).isCloseTo(0.8652 - 0.8466666666666666, within(1e-12));
    assertThat(c.welch().pTwoSided()).isCloseTo(0.0005590483246522709, within(1e-12));
    assertThat(c.mannWhitney().pTwoSided()).isCloseTo(2.0 / 462.0, within(1e-15));
    assertThat(c.interval().lower()).isPositive();
    assertThat(c.interval().contains(c.difference())).isTrue();
    assertThat(c.significant()).isTrue();
    assertThat(c.verdict()).isEqualTo("TR higher than SGD");
  }

  @Test
  void saysNotSignificantWhenTheIntervalContainsZero() {
    Comparison c = comparisons.compare("TR", TIES_A, "SGD", TIES_B);
    assertThat(c.interval().contains(0.0)).isTrue();
    assertThat(c.significant()).isFalse();
    assertThat(c.verdict()).isEqualTo("not significant");
  }

  @Test
  void holmAdjustmentCanTurnASignificantComparisonInsignificant() {
    // raw Welch p = 0.0490 for this pair (SciPy), the smallest of the family, so Holm multiplies it
    // by 3.
    double[] a = {0.80, 0.84, 0.82, 0.86};
    double[] b = {0.78, 0.80, 0.77, 0.81};
    Comparison alone = comparisons.compare("TR", a, "SGD", b);
    assertThat(alone.welch().pTwoSided()).isLessThan(0.05);
    assertThat(alone.significant()).isTrue();
    List<Comparison> family =
        Comparisons.holm(
            List.of(
                alone,
                comparisons.compare("Hybrid", TIES_A, "SGD", TIES_B),
                comparisons.compare("Hybrid", HOLLANDER_X, "TR", HOLLANDER_Y)));
    Comparison adjusted = family.get(0);
    assertThat(adjusted.familySize()).isEqualTo(3);
    assertThat(adjusted.adjustedP())
        .isCloseTo(Math.min(1.0, 3 * alone.welch().pTwoSided()), within(1e-12));
    assertThat(adjusted.adjustedP()).isGreaterThanOrEqualTo(0.05);
    assertThat(adjusted.significant()).isFalse();
    assertThat(adjusted.verdict()).isEqualTo("not significant");
  }

  @Test
  void statesTheWelchIntervalOfTheDifference() {
    // a = {1, 2, 3}, b = {4, 5, 6}: −3 ± t_{0.975,4} · √(2/3), t_{0.975,4} = 2.776 (Student's t
    // table).
    Comparison c = comparisons.compare("TR", new double[] {1, 2, 3}, "SGD", new double[] {4, 5, 6});
    double se = Math.sqrt(2.0 / 3.0);
    assertThat(c.interval().lower()).isCloseTo(-3 - 2.776 * se, within(0.0005 * se));
    assertThat(c.interval().upper()).isCloseTo(-3 + 2.776 * se, within(0.0005 * se));
    assertThat(c.interval().level()).isEqualTo(0.95);
  }

  @Test
  void reportsSingleRepeatsAsNotTestedRatherThanFailing() {
    Comparison c = comparisons.compare("TR", new double[] {0.9}, "SGD", new double[] {0.8, 0.82});
    assertThat(c.a().n()).isEqualTo(1);
    assertThat(c.welch().pTwoSided()).isNaN();
    assertThat(c.interval().lower()).isNaN();
    assertThat(c.interval().upper()).isNaN();
    assertThat(c.significant()).isFalse();
    assertThat(c.verdict()).isEqualTo("not tested: n < 2 for TR");
  }

  @Test
  void refusesAnEmptyGroupNamingIt() {
    assertThatThrownBy(() -> comparisons.compare("TR", new double[0], "SGD", N2_B))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'TR' (n = 0)");
  }
}
