package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What every {@link SubproblemSolver} promises, checked on each implementation. */
class SubproblemSolverContractTest {

  static Stream<Arguments> solvers() {
    return Stream.of(
        Arguments.of(new GradientTrustRegionSolver(GradientSolverSettings.accurateDefaults())),
        Arguments.of(GradientTrustRegionSolver.paperDeepNetworkDefaults()),
        Arguments.of(new SteihaugCgSolver(50, 1e-10)),
        Arguments.of(new LanczosTrustRegionSolver(50, 1e-10)),
        Arguments.of(ExactDenseSolver.DEFAULT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void returnsTheZeroStepAndNanModelValueWhenAProductIsNotFinite(SubproblemSolver solver) {
    INDArray g = Nd4j.createFromArray(1.0, -2.0, 0.5);
    SubproblemSolution solution =
        solver.solve(g, v -> Nd4j.valueArrayOf(v.shape(), Double.NaN, DataType.DOUBLE), 1);
    assertThat(solution.modelValue()).isNaN();
    assertThat(solution.step().toDoubleVector()).containsOnly(0.0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void keepsTheStepInsideTheBallAndReportsItsModelValueAndShape(SubproblemSolver solver) {
    double[][] h = DenseMath.diagonal(-1, 2, 5);
    double[] g = {0.3, -1, 2};
    INDArray row = Nd4j.createFromArray(new double[][] {g});
    SubproblemSolution solution = solver.solve(row, DenseMath.operator(h), 0.8);
    double[] z = solution.step().toDoubleVector();
    assertThat(solution.step().shape()).isEqualTo(row.shape());
    assertThat(DenseMath.norm(z)).isLessThanOrEqualTo(0.8 * (1 + 1e-12));
    assertThat(solution.modelValue()).isCloseTo(DenseMath.model(h, g, z), within(1e-12));
    assertThat(solution.modelValue()).isNegative();
    assertThat(solution.diagnostics().hessianVectorProducts()).isPositive();
    assertThat(row.toDoubleVector()).containsExactly(g); // g is not modified
  }

  /**
   * In one dimension the answers are known by hand: f(z) = ½hz² + gz on [−r, r], r = 1.
   *
   * <p>Convex, h = 4, g = 1: the minimizer −g/h = −0.25 is interior (f = 2·0.0625 − 0.25 = −0.125),
   * away from the paper's start z₀ = −α r g/|g| = −0.5 (α = ½), so a solver that took no step, or
   * only some, is caught.
   *
   * <p>Concave, h = −1, g = 5: f decreases towards −r·sign(g), so the minimizer is the boundary
   * point −1 (f = −½ − 5 = −5.5). The paper's solver starts at −0.5 and gets there by one phase-I
   * step leaving the ball (−0.5 − η(0.5 + 5) &lt; −1 for η ≥ 0.1) and its projection onto the
   * sphere.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void solvesOneDimensionalProblemsExactly(SubproblemSolver solver) {
    SubproblemSolution convex =
        solver.solve(Nd4j.createFromArray(1.0), DenseMath.operator(new double[][] {{4}}), 1);
    SubproblemSolution concave =
        solver.solve(Nd4j.createFromArray(5.0), DenseMath.operator(new double[][] {{-1}}), 1);

    assertThat(concave.step().getDouble(0)).isCloseTo(-1, within(1e-12));
    assertThat(concave.modelValue()).isCloseTo(-5.5, within(1e-12));
    assertThat(concave.diagnostics().onBoundary()).isTrue();
    if (solver instanceof GradientTrustRegionSolver paper
        && paper.settings().phaseOneLimit() < 10) {
      // The paper's defaults (N1 = 1, eta = 0.1) take exactly two gradient steps from z0 = -0.5
      // and stop there, before the minimizer -0.25: z_{t+1} = z_t - 0.1 (4 z_t + 1).
      double z0 = -0.5;
      double z1 = z0 - 0.1 * (4 * z0 + 1); // -0.4
      double z2 = z1 - 0.1 * (4 * z1 + 1); // -0.34
      assertThat(convex.step().getDouble(0)).isCloseTo(z2, within(1e-12));
      assertThat(convex.modelValue()).isCloseTo(2 * z2 * z2 + z2, within(1e-12));
      assertThat(convex.diagnostics().phaseOneIterations()).isEqualTo(2);
      return;
    }
    assertThat(convex.step().getDouble(0)).isCloseTo(-0.25, within(1e-8));
    assertThat(convex.modelValue()).isCloseTo(-0.125, within(1e-12));
    assertThat(convex.diagnostics().onBoundary()).isFalse();
  }
}
