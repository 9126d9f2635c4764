package io.github.trustregion.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

/**
 * On many random small samples, Welch's test agrees with its defining formulas, and this module's
 * exact Mann–Whitney test agrees with Apache Commons Statistics 1.2, an independent implementation
 * (no ties, where Commons' exact distribution applies).
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
  void welchAgreesWithItsDefinitionOnRandomSamples() {
    // WelchTTest delegates to Commons; here it is checked against the formulas themselves.
    SplittableRandom random = new SplittableRandom(2024);
    for (int k = 0; k < 200; k++) {
      double[] a = sample(random, 2 + random.nextInt(9), 0.5);
      double[] b = sample(random, 2 + random.nextInt(9), 0);
      double va = variance(a) / a.length;
      double vb = variance(b) / b.length;
      double t = (mean(a) - mean(b)) / Math.sqrt(va + vb);
      double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
      TDistribution student = TDistribution.of(df);
      WelchTTest.Result ours = WelchTTest.test(a, b);
      assertThat(ours.t()).isCloseTo(t, within(1e-9 * Math.max(1, Math.abs(t))));
      assertThat(ours.degreesOfFreedom()).isCloseTo(df, within(1e-9 * df));
      assertThat(ours.pTwoSided())
          .isCloseTo(2 * student.survivalProbability(Math.abs(t)), within(1e-9));
      assertThat(ours.pGreater()).isCloseTo(student.survivalProbability(t), within(1e-9));
      assertThat(ours.pLess()).isCloseTo(student.cumulativeProbability(t), within(1e-9));
    }
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double sum = 0;
    for (double v : x) {
      sum += (v - m) * (v - m);
    }
    return sum / (x.length - 1);
  }

  @Test
  void exactMannWhitneyAgreesWithCommonsWithoutTies() {
    SplittableRandom random = new SplittableRandom(99);
    var commons =
        org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults()
            .with(PValueMethod.EXACT);
    for (int k = 0; k < 200; k++) {
      double[] a = sample(random, 1 + random.nextInt(10), 0.7);
      double[] b = sample(random, 1 + random.nextInt(10), 0);
      MannWhitneyUTest.Result ours = MannWhitneyUTest.test(a, b);
      assertThat(ours.exact()).isTrue();
      assertThat(ours.u()).isEqualTo(commons.test(a, b).getStatistic());
      assertThat(ours.pTwoSided()).isCloseTo(commons.test(a, b).getPValue(), within(1e-12));
      assertThat(ours.pLess())
          .isCloseTo(
              commons.with(AlternativeHypothesis.LESS_THAN).test(a, b).getPValue(), within(1e-12));
    }
  }
}
