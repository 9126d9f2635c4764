package io.github.trustregion.reports.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Nelder–Mead on functions with known minimisers. */
class NelderMeadTest {

  @Test
  void findsTheMinimumOfRosenbrocksFunction() {
    // f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1).
    NelderMead.Result r =
        new NelderMead(1e-12, 10_000)
            .minimize(
                p -> Math.pow(1 - p[0], 2) + 100 * Math.pow(p[1] - p[0] * p[0], 2),
                new double[] {-1.2, 1.0},
                0.5);
    assertThat(r.converged()).isTrue();
    assertThat(r.point()[0]).isCloseTo(1.0, within(1e-5));
    assertThat(r.point()[1]).isCloseTo(1.0, within(1e-5));
    assertThat(r.value()).isLessThan(1e-10);
  }

  @Test
  void findsTheCentreOfAShiftedQuadraticInThreeDimensions() {
    NelderMead.Result r =
        new NelderMead(1e-12, 10_000)
            .minimize(
                p ->
                    Math.pow(p[0] - 3, 2)
                        + 2 * Math.pow(p[1] + 1, 2)
                        + 0.5 * Math.pow(p[2] - 0.25, 2),
                new double[] {0, 0, 0},
                1.0);
    assertThat(r.point()).containsExactly(new double[] {3, -1, 0.25}, within(1e-5));
  }

  @Test
  void stopsAtTheEvaluationBudgetAndSaysSo() {
    NelderMead.Result r =
        new NelderMead(1e-15, 20)
            .minimize(
                p -> Math.pow(1 - p[0], 2) + 100 * Math.pow(p[1] - p[0] * p[0], 2),
                new double[] {-1.2, 1.0},
                0.5);
    assertThat(r.converged()).isFalse();
    assertThat(r.evaluations()).isBetween(20, 24);
  }
}
