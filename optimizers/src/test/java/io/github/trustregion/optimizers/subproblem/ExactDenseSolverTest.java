package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class ExactDenseSolverTest {

  @Test
  void solvesAnInteriorDiagonalProblemByHand() {
    // H = diag(1, 2), g = (−1, −1): s = −H⁻¹g = (1, ½), ‖s‖ ≈ 1.118 < 2.
    ExactSolution solution =
        ExactDenseSolver.solveDense(DenseMath.diagonal(1, 2), new double[] {-1, -1}, 2);
    assertThat(solution.step()).containsExactly(new double[] {1, 0.5}, within(1e-15));
    assertThat(solution.multiplier()).isZero();
    assertThat(solution.onBoundary()).isFalse();
    assertThat(solution.modelValue()).isCloseTo(-0.75, within(1e-15));
  }

  @Test
  void solvesABoundaryProblemWithIdentityHessianByHand() {
    // (1 + λ)s = −(3, 4) with ‖s‖ = 1 gives λ = 4, s = (−0.6, −0.8).
    ExactSolution solution =
        ExactDenseSolver.solveDense(DenseMath.diagonal(1, 1), new double[] {3, 4}, 1);
    assertThat(solution.multiplier()).isCloseTo(4, within(1e-12));
    assertThat(solution.step()).containsExactly(new double[] {-0.6, -0.8}, within(1e-13));
    assertThat(solution.onBoundary()).isTrue();
  }

  @Test
  void solvesAnIndefiniteEasyCaseByHand() {
    // H = diag(−1, 2), λ = 3: s = (−g₁/2, −g₂/5) = (−0.6, −0.8) for g = (1.2, 4), r = 1.
    ExactSolution solution =
        ExactDenseSolver.solveDense(DenseMath.diagonal(-1, 2), new double[] {1.2, 4}, 1);
    assertThat(solution.multiplier()).isCloseTo(3, within(1e-12));
    assertThat(solution.step()).containsExactly(new double[] {-0.6, -0.8}, within(1e-13));
    assertThat(solution.modelValue()).isCloseTo(-3.46, within(1e-12));
    assertThat(solution.hardCase()).isFalse();
  }

  @Test
  void solvesTheHardCaseByHandWithAStepAlongTheLowestEigenvector() {
    // H = diag(−2, 1, 3), g = (0, 1, 3), r = 2: λ = 2, s = (±τ, −1/3, −3/5), τ² = 4 − 1/9 − 9/25.
    ExactSolution solution =
        ExactDenseSolver.solveDense(DenseMath.diagonal(-2, 1, 3), new double[] {0, 1, 3}, 2);
    double tau = Math.sqrt(4 - 1.0 / 9 - 9.0 / 25);
    assertThat(solution.hardCase()).isTrue();
    assertThat(solution.multiplier()).isCloseTo(2, within(1e-14));
    assertThat(Math.abs(solution.step()[0])).isCloseTo(tau, within(1e-13));
    assertThat(solution.step()[1]).isCloseTo(-1.0 / 3, within(1e-14));
    assertThat(solution.step()[2]).isCloseTo(-0.6, within(1e-14));
    assertThat(solution.modelValue())
        .isCloseTo(0.5 * (-2 * tau * tau + 1.0 / 9 + 3 * 0.36) - 1.0 / 3 - 1.8, within(1e-13));
  }

  @Test
  void treatsAnOrthogonalGradientWithALargeRemainderAsAnEasyCase() {
    // g ⟂ v₁ but ‖(H − λ₁I)⁺g‖ = ‖(0, 10/3, 3/5)‖ > 1: the solution has s₁ = 0 and λ > 2.
    ExactSolution solution =
        ExactDenseSolver.solveDense(DenseMath.diagonal(-2, 1, 3), new double[] {0, 10, 3}, 1);
    assertThat(solution.hardCase()).isFalse();
    assertThat(solution.multiplier()).isGreaterThan(2);
    assertThat(solution.step()[0]).isZero();
    assertThat(DenseMath.norm(solution.step())).isCloseTo(1, within(1e-13));
  }

  @ParameterizedTest(name = "n={0}, seed={1}, shift={2}, radius={3}, gradient ⟂ v1: {4}")
  @CsvSource({
    "2, 1, 0, 1, false",
    "5, 2, -1, 0.5, false",
    "20, 3, 0, 1, false",
    "20, 4, 3, 10, false",
    "60, 5, -2, 2, false",
    "60, 6, -2, 50, true",
    "30, 7, 0, 3, true",
    "120, 8, -1, 1, false"
  })
  void satisfiesTheGlobalOptimalityConditionsOfLemmaOne(
      int n, long seed, double shift, double radius, boolean orthogonalToLowest) {
    Random random = new Random(seed);
    double[][] q = DenseMath.randomOrthogonal(n, random);
    double[] spectrum = DenseMath.gaussian(n, random);
    java.util.Arrays.sort(spectrum);
    for (int i = 0; i < n; i++) {
      spectrum[i] += shift;
    }
    double[][] h = DenseMath.withEigenvalues(q, spectrum);
    double[] coefficients = DenseMath.gaussian(n, random);
    if (orthogonalToLowest) {
      coefficients[0] = 0;
    }
    double[] g = DenseMath.rotate(q, coefficients);
    ExactSolution solution = ExactDenseSolver.solveDense(h, g, radius);

    double[] s = solution.step();
    double lambda = solution.multiplier();
    double scale = DenseMath.frobenius(h) * radius + DenseMath.norm(g);
    double[] residual = DenseMath.multiply(h, s);
    for (int i = 0; i < n; i++) {
      residual[i] += lambda * s[i] + g[i];
    }
    assertThat(DenseMath.norm(residual)).isLessThanOrEqualTo(1e-11 * scale);
    assertThat(lambda).isGreaterThanOrEqualTo(0);
    assertThat(DenseMath.norm(s)).isLessThanOrEqualTo(radius * (1 + 1e-12));
    assertThat(lambda * (radius - DenseMath.norm(s))).isCloseTo(0, within(1e-11 * scale));
    assertThat(lambda + spectrum[0]).isGreaterThanOrEqualTo(-1e-12 * scale);
    assertThat(solution.modelValue()).isCloseTo(DenseMath.model(h, g, s), within(1e-11 * scale));
    // no random feasible point does better
    for (int trial = 0; trial < 200; trial++) {
      double[] x = DenseMath.gaussian(n, random);
      double length = radius * Math.pow(random.nextDouble(), 1.0 / n) / DenseMath.norm(x);
      for (int i = 0; i < n; i++) {
        x[i] *= length;
      }
      assertThat(DenseMath.model(h, g, x)).isGreaterThanOrEqualTo(solution.modelValue());
    }
  }

  @ParameterizedTest(name = "lambda={0}, radius={1}")
  @CsvSource({"10, 1", "110, 0.3"})
  void satisfiesLemmaOneOnTheLargestRandomIndefiniteProblemsOfTheTests(
      double lambda, double radius) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(500, lambda, 77, DataType.DOUBLE);
    double[][] h = problem.denseHessian();
    double[] g = problem.gradientAsDoubles();
    ExactSolution solution = problem.solveExactly(radius);
    double[] s = solution.step();
    double[] residual = DenseMath.multiply(h, s);
    for (int i = 0; i < s.length; i++) {
      residual[i] += solution.multiplier() * s[i] + g[i];
    }
    double scale = solution.operatorNorm() * radius + DenseMath.norm(g);
    assertThat(DenseMath.norm(residual)).isLessThanOrEqualTo(1e-11 * scale);
    assertThat(DenseMath.norm(s)).isCloseTo(radius, within(1e-13 * radius));
    assertThat(solution.multiplier() - lambda).isPositive();
    assertThat(solution.lowestEigenvalue()).isCloseTo(-lambda, within(1e-10 * scale));
  }

  @Test
  void givesTheSameAnswerThroughTheHessianVectorInterface() {
    Random random = new Random(11);
    int n = 12;
    double[][] h = DenseMath.randomSymmetric(n, random);
    double[] g = DenseMath.gaussian(n, random);
    ExactSolution direct = ExactDenseSolver.solveDense(h, g, 0.7);
    SubproblemSolution viaOperator =
        ExactDenseSolver.DEFAULT.solve(
            Nd4j.createFromArray(g),
            v -> Nd4j.createFromArray(DenseMath.multiply(h, v.toDoubleVector())),
            0.7);
    assertThat(viaOperator.step().toDoubleVector()).containsExactly(direct.step(), within(1e-12));
    assertThat(viaOperator.modelValue()).isCloseTo(direct.modelValue(), within(1e-12));
    assertThat(viaOperator.diagnostics().hessianVectorProducts()).isEqualTo(n);
    assertThat(viaOperator.diagnostics().onBoundary()).isEqualTo(direct.onBoundary());
  }

  @Test
  void rejectsANegativeRadiusAndMismatchedDimensions() {
    assertThatThrownBy(
            () -> ExactDenseSolver.solveDense(DenseMath.diagonal(1, 2), new double[] {1, 1}, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("radius = -1.0");
    assertThatThrownBy(
            () -> ExactDenseSolver.solveDense(DenseMath.diagonal(1, 2), new double[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("g has length 1");
  }
}
