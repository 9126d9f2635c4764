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
    SubproblemSolution solution = solver.solve(
        g, v -> Nd4j.valueArrayOf(v.shape(), Double.NaN, DataType.DOUBLE), 1);
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
   * In one dimension the answers are known by hand: f(z) = ½hz² + gz on [−r, r]. With h = 2,
   * g = 1 the minimizer −g/h = −0.5 is interior for r = 1 (f = −0.25); with h = −1 the minimum is
   * at the boundary −r·sign(g) = −1 (f = −0.5 − 1 = −1.5).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void solvesOneDimensionalProblemsExactly(SubproblemSolver solver) {
    INDArray g = Nd4j.createFromArray(1.0);
    SubproblemSolution convex = solver.solve(g, DenseMath.operator(new double[][] {{2}}), 1);
    SubproblemSolution concave = solver.solve(g, DenseMath.operator(new double[][] {{-1}}), 1);
    if (solver instanceof GradientTrustRegionSolver paper
        && paper.settings().phaseOneLimit() < 10) {
      // Two gradient steps (N1 = 1, eta = 0.1) from z0 = -0.5 do not converge: only the model
      // value of the point reached is checked, z2 = z1 - 0.1(h z1 + 1) from z1 = z0 - 0.1(h z0 + 1).
      double z1 = -0.5 - 0.1 * (-0.5 * 2 + 1);
      double z2 = z1 - 0.1 * (2 * z1 + 1);
      assertThat(convex.step().getDouble(0)).isCloseTo(z2, within(1e-12));
      assertThat(convex.modelValue()).isCloseTo(z2 * z2 + z2, within(1e-12));
      return;
    }
    assertThat(convex.step().getDouble(0)).isCloseTo(-0.5, within(1e-8));
    assertThat(convex.modelValue()).isCloseTo(-0.25, within(1e-12));
    assertThat(concave.step().getDouble(0)).isCloseTo(-1, within(1e-12));
    assertThat(concave.modelValue()).isCloseTo(-1.5, within(1e-12));
  }
}
