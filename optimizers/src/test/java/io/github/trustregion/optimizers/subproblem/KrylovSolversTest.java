package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class KrylovSolversTest {

  private static final LanczosTrustRegionSolver LANCZOS = new LanczosTrustRegionSolver(1000, 1e-12);
  private static final SteihaugCgSolver STEIHAUG = new SteihaugCgSolver(1000, 1e-12);

  @ParameterizedTest(name = "n={0}, lambda={1}, seed={2}, radius={3}")
  @CsvSource({
    "20, 10, 1, 1",
    "50, 30, 2, 1",
    "100, 50, 3, 2",
    "200, 110, 4, 1",
    "500, 10, 5, 1",
    "500, 110, 6, 0.5"
  })
  void lanczosReachesTheExactMinimumOfRandomIndefiniteProblems(
      int n, double lambda, long seed, double radius) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, seed, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(radius);

    SubproblemSolution solution = LANCZOS.solve(problem.gradient(), problem.hessian(), radius);

    double[] z = solution.step().toDoubleVector();
    assertThat(solution.modelValue() - exact.modelValue())
        .isLessThanOrEqualTo(1e-8 * Math.abs(exact.modelValue()));
    assertThat(DenseMath.model(problem.denseHessian(), problem.gradientAsDoubles(), z))
        .isCloseTo(solution.modelValue(), within(1e-9 * Math.abs(exact.modelValue())));
    assertThat(DenseMath.norm(z)).isCloseTo(radius, within(1e-10 * radius));
    assertThat(solution.diagnostics().onBoundary()).isTrue();
    assertThat(solution.diagnostics().hessianVectorProducts())
        .isEqualTo(solution.diagnostics().iterations())
        .isLessThanOrEqualTo(n);
  }

  static Stream<Arguments> solvers() {
    return Stream.of(Arguments.of(LANCZOS), Arguments.of(STEIHAUG));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void bothSolversReturnInteriorSolutionsOfPositiveDefiniteProblemsExactly(
      SubproblemSolver solver) {
    for (long seed = 1; seed <= 3; seed++) {
      RandomIndefiniteProblem problem =
          RandomIndefiniteProblem.generate(80, -10, seed, DataType.DOUBLE);
      double radius = 2 * DenseMath.norm(problem.gradientAsDoubles()) / 10;
      ExactSolution exact = problem.solveExactly(radius);
      assertThat(exact.onBoundary()).isFalse();

      SubproblemSolution solution = solver.solve(problem.gradient(), problem.hessian(), radius);

      assertThat(solution.modelValue() - exact.modelValue())
          .isLessThanOrEqualTo(1e-8 * Math.abs(exact.modelValue()));
      assertThat(solution.step().toDoubleVector())
          .containsExactly(exact.step(), within(1e-8 * DenseMath.norm(exact.step())));
      assertThat(solution.diagnostics().phaseReached()).isEqualTo(SolverDiagnostics.Phase.INTERIOR);
    }
  }

  @ParameterizedTest(name = "n={0}, lambda={1}, seed={2}, radius={3}")
  @CsvSource({"20, 10, 1, 1", "100, 50, 3, 2", "300, 110, 7, 0.5", "60, -5, 8, 5"})
  void steihaugDoesAtLeastAsWellAsTheCauchyPointAndNoBetterThanTheOptimum(
      int n, double lambda, long seed, double radius) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, seed, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(radius);
    double[][] h = problem.denseHessian();
    double[] g = problem.gradientAsDoubles();
    double gNorm = DenseMath.norm(g);
    double curvature = DenseMath.dot(g, DenseMath.multiply(h, g));
    double tau = curvature <= 0 ? 1 : Math.min(1, gNorm * gNorm * gNorm / (radius * curvature));
    double[] cauchy = new double[n];
    for (int i = 0; i < n; i++) {
      cauchy[i] = -tau * radius * g[i] / gNorm;
    }

    SubproblemSolution solution = STEIHAUG.solve(problem.gradient(), problem.hessian(), radius);

    double[] z = solution.step().toDoubleVector();
    double scale = Math.abs(exact.modelValue());
    assertThat(DenseMath.model(h, g, z)).isCloseTo(solution.modelValue(), within(1e-10 * scale));
    assertThat(solution.modelValue())
        .isLessThanOrEqualTo(DenseMath.model(h, g, cauchy) + 1e-12 * scale)
        .isGreaterThanOrEqualTo(exact.modelValue() - 1e-12 * scale);
    assertThat(DenseMath.norm(z)).isLessThanOrEqualTo(radius * (1 + 1e-12));
  }

  @ParameterizedTest(name = "seed={0}")
  @CsvSource({"1", "2", "3", "4"})
  void steihaugAttainsHalfTheOptimalDecreaseOnPositiveDefiniteBoundaryProblems(long seed) {
    // Yuan (2000): for positive definite H, f(z_CG) ≤ ½ f(s).
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(100, -1, seed, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(0.3);
    assertThat(exact.onBoundary()).isTrue();

    SubproblemSolution solution = STEIHAUG.solve(problem.gradient(), problem.hessian(), 0.3);

    assertThat(solution.modelValue()).isLessThanOrEqualTo(0.5 * exact.modelValue());
    assertThat(solution.diagnostics().onBoundary()).isTrue();
  }

  @Test
  void steihaugFollowsNegativeCurvatureOfTheGradientToTheBoundary() {
    // gᵀHg < 0 on the first direction: the answer is the Cauchy point −r g/‖g‖, one product.
    SubproblemSolution solution =
        STEIHAUG.solve(
            Nd4j.createFromArray(3.0, 4.0), DenseMath.operator(DenseMath.diagonal(-1, -2)), 2);
    assertThat(solution.step().toDoubleVector())
        .containsExactly(new double[] {-1.2, -1.6}, within(1e-15));
    assertThat(solution.diagnostics().hessianVectorProducts()).isEqualTo(1);
    // f = ½(−1·1.44 − 2·2.56) + (−3.6 − 6.4)
    assertThat(solution.modelValue()).isCloseTo(-3.28 - 10, within(1e-14));
  }

  static Stream<Arguments> float32Solvers() {
    return Stream.of(
        Arguments.of(new LanczosTrustRegionSolver(200, 1e-5)),
        Arguments.of(new SteihaugCgSolver(200, 1e-5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("float32Solvers")
  void bothSolversWorkInFloat32(SubproblemSolver solver) {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(60, -5, 9, DataType.FLOAT);
    double radius = DenseMath.norm(problem.gradientAsDoubles()) / 5;
    ExactSolution exact = problem.solveExactly(radius);
    SubproblemSolution solution = solver.solve(problem.gradient(), problem.hessian(), radius);
    assertThat(solution.step().dataType()).isEqualTo(DataType.FLOAT);
    assertThat(solution.modelValue() - exact.modelValue())
        .isLessThanOrEqualTo(1e-4 * Math.abs(exact.modelValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void bothSolversRejectInvalidInputWithAMessage(SubproblemSolver solver) {
    var operator = DenseMath.operator(DenseMath.diagonal(1, 2));
    assertThatThrownBy(() -> solver.solve(Nd4j.createFromArray(1.0, 2.0), operator, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("radius = -1.0");
    assertThatThrownBy(() -> solver.solve(Nd4j.createFromArray(1.0, Double.NaN), operator, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(
            () ->
                solver.solve(
                    Nd4j.createFromArray(1.0, 2.0), v -> Nd4j.zeros(DataType.DOUBLE, 3), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vector of length 3 for an input of length 2");
  }
}
