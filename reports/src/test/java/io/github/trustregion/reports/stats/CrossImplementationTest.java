package io.github.trustregion.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * This module's tests agree with Apache Commons Statistics 1.2, an independent implementation,
 * on many random small samples (no ties, where Commons' exact Mann–Whitney distribution applies).
 */
class CrossImplementationTest {

  private static double[] sample(SplittableRandom random, int n, double shift) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian() + shift;
    }
    return x;
  }

  @Test
  void welchAgreesWithCommonsHeteroscedasticTTest() {
    SplittableRandom random = new SplittableRandom(2024);
    TTest commons = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);
    for (int k = 0; k < 200; k++) {
      double[] a = sample(random, 2 + random.nextInt(9), 0.5);
      double[] b = sample(random, 2 + random.nextInt(9), 0);
      WelchTTest.Result ours = WelchTTest.test(a, b);
      assertThat(ours.t()).isCloseTo(commons.test(a, b).getStatistic(), within(1e-9));
      assertThat(ours.pTwoSided()).isCloseTo(commons.test(a, b).getPValue(), within(1e-9));
      assertThat(ours.pGreater()).isCloseTo(
          commons.with(AlternativeHypothesis.GREATER_THAN).test(a, b).getPValue(), within(1e-9));
    }
  }

  @Test
  void exactMannWhitneyAgreesWithCommonsWithoutTies() {
    SplittableRandom random = new SplittableRandom(99);
    var commons = org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults().with(PValueMethod.EXACT);
    for (int k = 0; k < 200; k++) {
      double[] a = sample(random, 1 + random.nextInt(10), 0.7);
      double[] b = sample(random, 1 + random.nextInt(10), 0);
      MannWhitneyUTest.Result ours = MannWhitneyUTest.test(a, b);
      assertThat(ours.exact()).isTrue();
      assertThat(ours.u()).isEqualTo(commons.test(a, b).getStatistic());
      assertThat(ours.pTwoSided()).isCloseTo(commons.test(a, b).getPValue(), within(1e-12));
      assertThat(ours.pLess()).isCloseTo(
          commons.with(AlternativeHypothesis.LESS_THAN).test(a, b).getPValue(), within(1e-12));
    }
  }
}
