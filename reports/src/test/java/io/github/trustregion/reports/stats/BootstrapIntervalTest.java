package io.github.trustregion.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The percentile bootstrap against the exactly enumerated bootstrap distribution. */
class BootstrapIntervalTest {

  private static final double[] A = {0.70, 0.74, 0.90};
  private static final double[] B = {0.60, 0.66, 0.71};

  @Test
  void boundsLieWithinTheExactBootstrapDistributionsQuantileBrackets() {
    // All 27 × 27 = 729 equally likely resample pairs enumerated in stats_reference.py: the exact
    // 0.015/0.035 quantiles of mean(a*) − mean(b*) are 0.0200/0.0316 and the 0.965/0.985
    // quantiles 0.2267/0.2467. With 20,000 replicates the Monte Carlo 2.5% point lies between
    // the 1.5% and 3.5% points with overwhelming probability (±9 standard errors).
    Interval interval = BootstrapInterval.differenceOfMeans(A, B, 0.95, 20_000, 42L);
    assertThat(interval.lower()).isBetween(0.0199999, 0.0316001);
    assertThat(interval.upper()).isBetween(0.2266666, 0.2466667);
    assertThat(interval.level()).isEqualTo(0.95);
  }

  @Test
  void isReproducibleForTheSameSeedAndDiffersForAnother() {
    Interval first = BootstrapInterval.differenceOfMeans(A, B, 0.95, 1_000, 1L);
    Interval again = BootstrapInterval.differenceOfMeans(A, B, 0.95, 1_000, 1L);
    Interval other = BootstrapInterval.differenceOfMeans(A, B, 0.90, 1_000, 1L);
    assertThat(again).isEqualTo(first);
    assertThat(other.upper() - other.lower()).isLessThan(first.upper() - first.lower());
  }

  @Test
  void collapsesToThePointDifferenceForConstantSamples() {
    Interval interval = BootstrapInterval.differenceOfMeans(new double[] {2, 2}, new double[] {0.5}, 0.95, 500, 3L);
    assertThat(interval.lower()).isEqualTo(1.5);
    assertThat(interval.upper()).isEqualTo(1.5);
    assertThat(interval.contains(0.0)).isFalse();
  }

  @Test
  void rejectsALevelOutsideTheUnitInterval() {
    assertThatThrownBy(() -> BootstrapInterval.differenceOfMeans(A, B, 95, 1_000, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("confidence level");
  }
}
