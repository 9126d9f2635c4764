package io.github.trustregion.reports.stats;

import static io.github.trustregion.reports.stats.ReferenceData.TIES_A;
import static io.github.trustregion.reports.stats.ReferenceData.TIES_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Welch confidence interval of a difference of means against published and table values. */
class WelchIntervalTest {

  /**
   * Student's (1908) sleep data, as R's {@code sleep} data set: extra hours of sleep, drug 1 and
   * drug 2.
   */
  private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};

  private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void matchesRsPublishedWelchIntervalForTheSleepData() {
    // R's documented example t.test(extra ~ group, data = sleep) prints "Welch Two Sample t-test:
    // t = -1.8608, df = 17.776, p-value = 0.07939; 95 percent confidence interval: -3.3654832
    // 0.2054832".
    Interval interval = WelchTTest.confidenceInterval(SLEEP_1, SLEEP_2, 0.95);

    assertThat(interval.lower()).isCloseTo(-3.3654832, within(1e-7));
    assertThat(interval.upper()).isCloseTo(0.2054832, within(1e-7));
    assertThat(interval.level()).isEqualTo(0.95);
  }

  @Test
  void equalsTheHandComputedIntervalWithTheTablesQuantile() {
    // a = {1, 2, 3}, b = {4, 5, 6}: difference −3, s_a² = s_b² = 1, se = √(1/3 + 1/3) = 0.8164966,
    // ν = (2/3)² / ((1/3)²/2 + (1/3)²/2) = 4 exactly. Student's t table (e.g. NIST/SEMATECH
    // e-Handbook §1.3.6.7.2): t_{0.975,4} = 2.776, t_{0.95,4} = 2.132 (3 decimals, hence the
    // tolerance 0.0005 × se).
    double[] a = {1, 2, 3};
    double[] b = {4, 5, 6};
    double se = Math.sqrt(2.0 / 3.0);

    Interval ninetyFive = WelchTTest.confidenceInterval(a, b, 0.95);
    Interval ninety = WelchTTest.confidenceInterval(a, b, 0.90);

    assertThat(ninetyFive.lower()).isCloseTo(-3 - 2.776 * se, within(0.0005 * se));
    assertThat(ninetyFive.upper()).isCloseTo(-3 + 2.776 * se, within(0.0005 * se));
    assertThat(ninety.lower()).isCloseTo(-3 - 2.132 * se, within(0.0005 * se));
    assertThat(ninety.upper()).isCloseTo(-3 + 2.132 * se, within(0.0005 * se));
    assertThat(WelchTTest.margin(a, b, 0.025)).isCloseTo(2.776 * se, within(0.0005 * se));
  }

  @Test
  void touchesZeroAtTheLevelOneMinusTheTwoSidedPValue() {
    // SciPy (stats_reference.py, "ties"): two-sided Welch p = 0.16737345156594496; the interval at
    // level 1 − p has an end exactly at 0 (the interval inverts the test).
    Interval interval = WelchTTest.confidenceInterval(TIES_A, TIES_B, 1 - 0.16737345156594496);

    assertThat(interval.upper()).isCloseTo(0.0, within(1e-12));
    assertThat(interval.lower()).isNegative();
  }

  @Test
  void hasNoIntervalWithASingleRepeatOrWithoutVariance() {
    Interval single =
        WelchTTest.confidenceInterval(new double[] {0.9}, new double[] {0.8, 0.82}, 0.95);
    Interval constant =
        WelchTTest.confidenceInterval(new double[] {0.9, 0.9}, new double[] {0.8, 0.8, 0.8}, 0.95);

    assertThat(single.lower()).isNaN();
    assertThat(single.upper()).isNaN();
    assertThat(constant.lower()).isNaN();
    assertThat(constant.upper()).isNaN();
    assertThat(WelchTTest.margin(new double[] {0.9, 0.9}, new double[] {0.8, 0.8}, 0.05)).isNaN();
  }

  @Test
  void rejectsALevelOutsideTheUnitIntervalAndAnEmptySample() {
    assertThatThrownBy(() -> WelchTTest.confidenceInterval(SLEEP_1, SLEEP_2, 95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence level");
    assertThatThrownBy(() -> WelchTTest.confidenceInterval(new double[0], SLEEP_2, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
  }
}
