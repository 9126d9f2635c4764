package io.github.trustregion.benchmarks.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubproblemRunTest {

  @Test
  void lemmaSixBoundMatchesTheHandComputedValue() {
    // λ₁ = −1, g⁽¹⁾ = 0.1, ‖g‖ = √1.01, η = 0.25, α = 0.5: w₀ = 1.99007, 1/(ηλ₁) = −4,
    // t* ≤ (ln 44 − ln 5.99007)/ln 1.25 = 8.936, so ⌈t*⌉ + 1 = 10.
    assertThat(SubproblemRun.lemma6Bound(-1, 0.1, Math.sqrt(1.01), 0.25, 0.5)).isEqualTo(10.0);
  }

  @Test
  void lemmaSixBoundIsTheFirstStepOfTheRecurrenceThatLeavesTheBall() {
    // Iterate Lemma 6's recurrence w_{t+1} = (1 − ηλ₁)w_t + 1 for z⁽¹⁾ = −ηg⁽¹⁾w directly.
    double[][] cases = {
      {-1, 0.1, 1.2, 0.25, 0.5},
      {-30, 0.3, 10, 0.005, 0.5},
      {-110, 0.05, 20, 0.001, 0.9},
      {-10, 1e-3, 15, 0.01, 0.1}
    };
    for (double[] c : cases) {
      double lambda1 = c[0];
      double g1 = c[1];
      double eta = c[3];
      double w = c[4] / (eta * c[2]);
      int steps = 0;
      while (eta * g1 * w < 1) {
        w = (1 - eta * lambda1) * w + 1;
        steps++;
      }
      // t* counts the steps inside the ball; the bound adds the step that leaves it.
      assertThat(SubproblemRun.lemma6Bound(c[0], c[1], c[2], c[3], c[4]))
          .isGreaterThanOrEqualTo(steps)
          .isLessThanOrEqualTo(steps + 1);
    }
  }

  @Test
  void lemmaSixHasNoBoundWithoutNegativeCurvatureOrInTheHardCase() {
    assertThat(SubproblemRun.lemma6Bound(2, 0.1, 1, 0.1, 0.5)).isNaN();
    assertThat(SubproblemRun.lemma6Bound(-2, 0, 1, 0.1, 0.5)).isNaN();
  }

  @Test
  void samplesKrylovTracesDenselyAtFirstThenGeometricallyEndingAtTheTotal() {
    assertThat(SubproblemRun.traceIterations(5)).containsExactly(1, 2, 3, 4, 5);
    assertThat(SubproblemRun.traceIterations(40))
        .startsWith(1, 2, 3, 4, 5, 6, 7, 8, 11, 16, 23, 32)
        .endsWith(40)
        .isSorted()
        .doesNotHaveDuplicates();
  }
}
