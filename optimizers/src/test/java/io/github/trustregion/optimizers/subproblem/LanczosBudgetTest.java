package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.HessianVectorProduct;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lanczos at a fixed budget of k products against the best point of K_k(H, g) in the ball, computed
 * independently: an orthonormal basis of K_k by Gram–Schmidt in float64 and the exact dense solver
 * on the projected problem QᵀHQ, Qᵀg.
 */
class LanczosBudgetTest {

  @ParameterizedTest(name = "n={0}, k={1}, radius={2}, seed={3}")
  @CsvSource({
    "12, 1, 0.5, 1",
    "12, 2, 0.5, 2",
    "12, 3, 0.5, 3",
    "12, 5, 2.0, 4",
    "20, 4, 100, 5",
    "20, 8, 1.0, 6",
    "30, 3, 0.1, 7"
  })
  void returnsTheMinimizerOverTheKrylovSpaceWithExactlyKProducts(
      int n, int k, double radius, long seed) {
    Random random = new Random(seed);
    double[][] h = DenseMath.randomSymmetric(n, random);
    double[] g = DenseMath.gaussian(n, random);
    int[] products = new int[1];
    HessianVectorProduct counted =
        v -> {
          products[0]++;
          return DenseMath.operator(h).multiply(v);
        };

    SubproblemSolution solution =
        LanczosTrustRegionSolver.withBudget(k).solve(Nd4j.createFromArray(g), counted, radius);

    double[][] q = krylovBasis(h, g, k);
    double[][] projected = new double[k][k];
    double[] projectedGradient = new double[k];
    for (int i = 0; i < k; i++) {
      double[] hq = DenseMath.multiply(h, q[i]);
      for (int j = 0; j < k; j++) {
        projected[j][i] = DenseMath.dot(q[j], hq);
      }
      projectedGradient[i] = DenseMath.dot(q[i], g);
    }
    ExactSolution small = ExactDenseSolver.solveDense(projected, projectedGradient, radius);
    double[] expected = new double[n];
    for (int i = 0; i < k; i++) {
      for (int p = 0; p < n; p++) {
        expected[p] += small.step()[i] * q[i][p];
      }
    }

    double[] z = solution.step().toDoubleVector();
    double scale = Math.max(1, DenseMath.norm(expected));
    for (int p = 0; p < n; p++) {
      assertThat(z[p]).isCloseTo(expected[p], within(1e-9 * scale));
    }
    double model = DenseMath.model(h, g, expected);
    assertThat(solution.modelValue()).isCloseTo(model, within(1e-9 * Math.max(1, Math.abs(model))));
    assertThat(products[0]).isEqualTo(k);
    assertThat(solution.diagnostics().hessianVectorProducts()).isEqualTo(k);
  }

  @ParameterizedTest(name = "k={0}")
  @CsvSource({"1", "2", "4", "9"})
  void steihaugAtABudgetStopsAfterKProductsWhileInsideTheBall(int k) {
    // H positive definite and a radius no iterate reaches: CG runs exactly k iterations.
    Random random = new Random(40 + k);
    int n = 15;
    double[][] q = DenseMath.randomOrthogonal(n, random);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 1 + i;
    }
    double[][] h = DenseMath.withEigenvalues(q, values);
    double[] g = DenseMath.gaussian(n, random);
    int[] products = new int[1];
    HessianVectorProduct counted =
        v -> {
          products[0]++;
          return DenseMath.operator(h).multiply(v);
        };

    SubproblemSolution solution =
        SteihaugCgSolver.withBudget(k).solve(Nd4j.createFromArray(g), counted, 1e6);

    assertThat(products[0]).isEqualTo(k);
    assertThat(solution.diagnostics().hessianVectorProducts()).isEqualTo(k);
    assertThat(solution.diagnostics().onBoundary()).isFalse();
    assertThat(solution.modelValue())
        .isCloseTo(DenseMath.model(h, g, solution.step().toDoubleVector()), within(1e-10));
  }

  /** Returns the rows q₀ … q_{k−1}: g, Hg, … orthonormalized by Gram–Schmidt, twice per vector. */
  private static double[][] krylovBasis(double[][] h, double[] g, int k) {
    double[][] q = new double[k][];
    double[] next = g.clone();
    for (int i = 0; i < k; i++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < i; j++) {
          double c = DenseMath.dot(q[j], next);
          for (int p = 0; p < next.length; p++) {
            next[p] -= c * q[j][p];
          }
        }
      }
      double norm = DenseMath.norm(next);
      q[i] = new double[next.length];
      for (int p = 0; p < next.length; p++) {
        q[i][p] = next[p] / norm;
      }
      next = DenseMath.multiply(h, q[i]);
    }
    return q;
  }
}
