package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientTrustRegionSolverTest {

  private static final GradientTrustRegionSolver ACCURATE =
      new GradientTrustRegionSolver(GradientSolverSettings.accurateDefaults());

  @ParameterizedTest(name = "n={0}, lambda={1}, seed={2}, radius={3}")
  @CsvSource({
    "20, 10, 1, 1",
    "50, 30, 2, 1",
    "50, 110, 3, 2",
    "100, 50, 4, 1",
    "200, 110, 5, 1",
    "500, 110, 6, 0.3"
  })
  void reachesTheExactMinimumOfRandomIndefiniteProblems(
      int n, double lambda, long seed, double radius) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, seed, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(radius);

    SubproblemSolution solution = ACCURATE.solve(problem.gradient(), problem.hessian(), radius);

    assertThat(solution.modelValue() - exact.modelValue())
        .isLessThanOrEqualTo(1e-8 * Math.abs(exact.modelValue()));
    double[] z = solution.step().toDoubleVector();
    assertThat(DenseMath.norm(z)).isCloseTo(radius, within(1e-12 * radius));
    assertThat(solution.modelValue())
        .isCloseTo(
            DenseMath.model(problem.denseHessian(), problem.gradientAsDoubles(), z),
            within(1e-10 * Math.abs(exact.modelValue())));
    SolverDiagnostics diagnostics = solution.diagnostics();
    assertThat(diagnostics.phaseReached()).isEqualTo(SolverDiagnostics.Phase.BOUNDARY);
    assertThat(diagnostics.onBoundary()).isTrue();
    assertThat(diagnostics.hardCase()).isFalse();
    assertThat(diagnostics.iterations())
        .isEqualTo(diagnostics.phaseOneIterations() + diagnostics.phaseTwoIterations());
    // z₀, one per step, 30 power iterations, at most min(30, n) Lanczos steps of the hard-case
    // check, and at most one product for a final Riemannian gradient whose line search stalled
    assertThat(diagnostics.hessianVectorProducts())
        .isBetween(
            1 + diagnostics.iterations() + 30 + 1,
            1 + diagnostics.iterations() + 30 + Math.min(30, n) + 1);
  }

  @ParameterizedTest(name = "n={0}, lambda={1}, seed={2}, radius={3}")
  @CsvSource({"30, 10, 11, 1", "60, 50, 12, 1", "60, 110, 13, 3", "120, 30, 14, 0.5"})
  void normGrowsInPhaseOneWhenTheStartPointsDownhillAndTheModelNeverIncreases(
      int n, double lambda, long seed, double radius) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, seed, DataType.DOUBLE);
    // Theorem 5 needs z₀ᵀ∇f(z₀) = α²r²R − αr‖g‖ ≤ 0 (R = gᵀHg/‖g‖²): choose α below ‖g‖/(rR).
    double[] g = problem.gradientAsDoubles();
    double gNorm = DenseMath.norm(g);
    double rayleigh =
        DenseMath.dot(g, DenseMath.multiply(problem.denseHessian(), g)) / (gNorm * gNorm);
    double alpha = rayleigh > 0 ? Math.min(0.5, 0.9 * gNorm / (radius * rayleigh)) : 0.5;
    GradientTrustRegionSolver solver =
        new GradientTrustRegionSolver(GradientSolverSettings.accurateDefaults().withAlpha(alpha));

    TracedSolution traced = solver.solveWithTrace(problem.gradient(), problem.hessian(), radius);

    List<IterationRecord> trace = traced.trace();
    assertThat(trace.get(0).iteration()).isZero();
    assertThat(trace.get(0).stepNorm()).isCloseTo(alpha * radius, within(1e-14 * radius));
    int phaseOne = 0;
    for (int t = 1; t < trace.size(); t++) {
      IterationRecord previous = trace.get(t - 1);
      IterationRecord current = trace.get(t);
      assertThat(current.iteration()).isEqualTo(t);
      if (current.phase() == SolverDiagnostics.Phase.INTERIOR) {
        phaseOne++;
        assertThat(current.stepNorm()).isGreaterThan(previous.stepNorm()); // Theorem 5
      } else {
        assertThat(current.stepNorm()).isCloseTo(radius, within(1e-12 * radius));
      }
      assertThat(current.modelValue())
          .isLessThanOrEqualTo(previous.modelValue() + 1e-13 * Math.abs(previous.modelValue()));
    }
    assertThat(phaseOne).isEqualTo(traced.solution().diagnostics().phaseOneIterations());
    assertThat(trace.get(trace.size() - 1).modelValue()).isEqualTo(traced.solution().modelValue());
  }

  @Test
  void normShrinksAtTheFirstStepWhenTheStartPointsUphillAlongTheRadius() {
    // With α = 0.5 here z₀ᵀ∇f(z₀) > 0, outside Theorem 5's reach: ‖z₁‖² − ‖z₀‖² equals
    // −2η z₀ᵀ∇f(z₀) + η²‖∇f(z₀)‖² < 0, so the paper's claim needs that hypothesis.
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(30, 10, 11, DataType.DOUBLE);
    double[][] h = problem.denseHessian();
    double[] g = problem.gradientAsDoubles();
    double beta = problem.solveExactly(1).operatorNorm();
    double eta = 0.5 / beta;
    GradientTrustRegionSolver solver =
        new GradientTrustRegionSolver(
            GradientSolverSettings.accurateDefaults().withStepSize(StepSizeRule.fixed(eta, beta)));
    double[] z0 = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      z0[i] = -0.5 * g[i] / DenseMath.norm(g);
    }
    double[] gradient = DenseMath.multiply(h, z0);
    for (int i = 0; i < g.length; i++) {
      gradient[i] += g[i];
    }
    double predicted =
        0.25
            - 2 * eta * DenseMath.dot(z0, gradient)
            + eta * eta * DenseMath.dot(gradient, gradient);

    List<IterationRecord> trace =
        solver.solveWithTrace(problem.gradient(), problem.hessian(), 1).trace();

    assertThat(DenseMath.dot(z0, gradient)).isPositive();
    assertThat(trace.get(1).stepNorm())
        .isCloseTo(Math.sqrt(predicted), within(1e-14))
        .isLessThan(trace.get(0).stepNorm());
  }

  @ParameterizedTest(name = "n={0}, lambda={1}, seed={2}, radius={3}, fraction={4}")
  @CsvSource({
    "40, 10, 21, 1, 0.5",
    "40, 70, 22, 1, 0.9",
    "80, 30, 23, 2, 0.5",
    "80, 90, 24, 0.5, 0.99",
    "150, 10, 25, 1, 0.9",
    "150, 110, 26, 1, 0.5"
  })
  void phaseOneEndsWithinTheBoundOfLemmaSix(
      int n, double lambda, long seed, double radius, double fraction) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, seed, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(radius);
    double beta = exact.operatorNorm();
    double eta = fraction / beta;
    GradientTrustRegionSolver solver =
        new GradientTrustRegionSolver(
            GradientSolverSettings.accurateDefaults().withStepSize(StepSizeRule.fixed(eta, beta)));

    SubproblemSolution solution = solver.solve(problem.gradient(), problem.hessian(), radius);

    double lambdaOne = exact.lowestEigenvalue();
    assertThat(lambdaOne).isCloseTo(-lambda, within(1e-9 * beta));
    double gOne = Math.abs(exact.gradientCoefficients()[0]);
    double gNorm = DenseMath.norm(problem.gradientAsDoubles());
    double alpha = solver.settings().alpha();
    double shift = 1 / (eta * lambdaOne);
    double w0 = alpha * radius / (eta * gNorm);
    double bound =
        (Math.log(radius / (eta * gOne) - shift) - Math.log(w0 - shift))
            / Math.log(1 - eta * lambdaOne);
    assertThat(solution.diagnostics().phaseOneIterations())
        .isLessThanOrEqualTo((int) Math.ceil(bound) + 1)
        .isPositive();
    assertThat(solution.modelValue() - exact.modelValue())
        .isLessThanOrEqualTo(1e-8 * Math.abs(exact.modelValue()));
  }

  @Test
  void keepsTheSignOfEveryEigencomponentOppositeToTheGradientsInPhaseOne() {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(60, 30, 31, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(1);
    SymmetricEigen.Eigensystem eigen = exact.eigensystem();
    double[] gCoefficients = exact.gradientCoefficients();
    double tolerance = 1e-12 * DenseMath.norm(gCoefficients);
    List<double[]> products = new ArrayList<>();

    ACCURATE.solve(
        problem.gradient(),
        problem.hessian(),
        1,
        (entry, iterate) -> {
          if (entry.phase() == SolverDiagnostics.Phase.INTERIOR) {
            double[] z = eigen.toEigenbasis(iterate.toDoubleVector());
            double[] signs = new double[z.length];
            for (int i = 0; i < z.length; i++) {
              signs[i] = z[i] * gCoefficients[i];
            }
            products.add(signs);
          }
        });

    assertThat(products).hasSizeGreaterThan(3);
    for (double[] signs : products) {
      for (double value : signs) {
        assertThat(value).isLessThanOrEqualTo(tolerance); // Theorem 3: z⁽ⁱ⁾g⁽ⁱ⁾ ≤ 0
      }
    }
  }

  @ParameterizedTest(name = "radius={0}, stalls in {1}")
  @CsvSource({"2, INTERIOR", "1, BOUNDARY"})
  void findsTheGlobalMinimizerInTheHardCaseByPerturbingTheGradient(
      double radius, SolverDiagnostics.Phase stall) {
    // Diagonal H with g₁ = 0 exactly: without the perturbation z⁽¹⁾ stays 0 forever. With
    // radius 2 phase I stalls at the interior saddle −H⁻¹g; with radius 1 phase II stalls at a
    // stationary point on the sphere whose multiplier is below −λ₁ = 3.
    double[] spectrum = {-3, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8};
    double[] g = {0, 0.4, 0.5, -0.5, 0.5, 0.3, -0.5, 0.5, 0.2, 0.5};
    double[][] h = DenseMath.diagonal(spectrum);
    ExactSolution exact = ExactDenseSolver.solveDense(h, g, radius);
    assertThat(exact.hardCase()).isTrue();
    double allowance = 2e-6 * DenseMath.norm(g) * radius + 1e-8 * Math.abs(exact.modelValue());

    for (HardCaseHandling handling :
        List.of(HardCaseHandling.DETECT_AND_PERTURB, HardCaseHandling.ALWAYS_PERTURB)) {
      GradientTrustRegionSolver solver =
          new GradientTrustRegionSolver(
              GradientSolverSettings.accurateDefaults().withHardCase(handling, 1e-6));
      TracedSolution traced =
          solver.solveWithTrace(Nd4j.createFromArray(g), DenseMath.operator(h), radius);
      SubproblemSolution solution = traced.solution();

      assertThat(solution.modelValue() - exact.modelValue())
          .as("%s", handling)
          .isLessThanOrEqualTo(allowance);
      assertThat(solution.diagnostics().hardCase()).as("%s", handling).isTrue();
      assertThat(Math.abs(solution.step().getDouble(0)))
          .isGreaterThan(0.5 * Math.abs(exact.step()[0]));
      if (handling == HardCaseHandling.DETECT_AND_PERTURB) {
        List<IterationRecord> unperturbed =
            traced.trace().stream().filter(entry -> !entry.perturbed()).toList();
        assertThat(unperturbed).isNotEmpty().hasSizeLessThan(traced.trace().size());
        assertThat(unperturbed.get(unperturbed.size() - 1).phase()).isEqualTo(stall);
        // the stalled point is a stationary point with a worse value than the minimizer
        assertThat(unperturbed.get(unperturbed.size() - 1).modelValue())
            .isGreaterThan(exact.modelValue() + 100 * allowance);
      } else {
        assertThat(traced.trace()).allMatch(IterationRecord::perturbed);
      }
    }
  }

  @Test
  void ignoringTheHardCaseAsThePaperDoesEndsAtAStationaryPointThatIsNotTheMinimizer() {
    double[][] h = DenseMath.diagonal(-3, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8);
    double[] g = {0, 0.4, 0.5, -0.5, 0.5, 0.3, -0.5, 0.5, 0.2, 0.5};
    ExactSolution exact = ExactDenseSolver.solveDense(h, g, 2);
    GradientTrustRegionSolver solver =
        new GradientTrustRegionSolver(
            GradientSolverSettings.accurateDefaults().withHardCase(HardCaseHandling.IGNORE, 1e-6));

    SubproblemSolution solution = solver.solve(Nd4j.createFromArray(g), DenseMath.operator(h), 2);

    assertThat(solution.diagnostics().hardCase()).isFalse();
    assertThat(solution.step().getDouble(0)).isZero();
    assertThat(solution.modelValue()).isGreaterThan(exact.modelValue() + 1);
  }

  @Test
  void detectsNoHardCaseWhenTheInteriorStationaryPointIsTheMinimizer() {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(40, -5, 41, DataType.DOUBLE);
    SubproblemSolution solution = ACCURATE.solve(problem.gradient(), problem.hessian(), 100);
    assertThat(solution.diagnostics().hardCase()).isFalse();
  }

  @ParameterizedTest(name = "n={0}, mu={1}, seed={2}")
  @CsvSource({"30, 5, 51", "80, 20, 52", "200, 50, 53"})
  void returnsInteriorSolutionsFromPhaseOneAlone(int n, double mu, long seed) {
    // H = BBᵀ + μI is positive definite; ‖H⁻¹g‖ ≤ ‖g‖/μ < r.
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, -mu, seed, DataType.DOUBLE);
    double radius = 2 * DenseMath.norm(problem.gradientAsDoubles()) / mu;
    ExactSolution exact = problem.solveExactly(radius);
    assertThat(exact.onBoundary()).isFalse();

    SubproblemSolution solution = ACCURATE.solve(problem.gradient(), problem.hessian(), radius);

    assertThat(solution.diagnostics().phaseReached()).isEqualTo(SolverDiagnostics.Phase.INTERIOR);
    assertThat(solution.diagnostics().phaseTwoIterations()).isZero();
    assertThat(solution.diagnostics().onBoundary()).isFalse();
    assertThat(solution.modelValue() - exact.modelValue())
        .isLessThanOrEqualTo(1e-8 * Math.abs(exact.modelValue()));
  }

  @Test
  void startsFromARandomDirectionWhenTheGradientIsZero() {
    double[][] indefinite = DenseMath.diagonal(-2, 1, 3, 4);
    INDArray zero = Nd4j.zeros(DataType.DOUBLE, 4);
    SubproblemSolution escape = ACCURATE.solve(zero, DenseMath.operator(indefinite), 1.5);
    // the global minimum of ½zᵀHz on the ball of radius 1.5 is ½λ₁r² at z = ±r v₁
    assertThat(escape.modelValue()).isCloseTo(0.5 * -2 * 1.5 * 1.5, within(1e-9));
    assertThat(escape.diagnostics().onBoundary()).isTrue();

    SubproblemSolution rest =
        ACCURATE.solve(zero, DenseMath.operator(DenseMath.diagonal(1, 2, 3, 4)), 1.5);
    assertThat(rest.diagnostics().phaseReached()).isEqualTo(SolverDiagnostics.Phase.INTERIOR);
    assertThat(Vectors.norm(rest.step())).isLessThan(1e-9);
  }

  @Test
  void neitherPerturbsNorReportsTheHardCaseAtZeroGradientAndStillFindsTheGlobalMinimizer() {
    // A rotated indefinite H with g = 0: the random start already has a component along v₁.
    int n = 12;
    double[] spectrum = {-2.5, -1, 0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7};
    double[][] q = DenseMath.randomOrthogonal(n, new java.util.Random(61));
    double[][] h = DenseMath.withEigenvalues(q, spectrum);
    double radius = 1.3;
    ExactSolution exact = ExactDenseSolver.solveDense(h, new double[n], radius);
    assertThat(exact.modelValue()).isCloseTo(0.5 * -2.5 * radius * radius, within(1e-12));
    INDArray zero = Nd4j.zeros(DataType.DOUBLE, n);
    SubproblemSolution ignoring =
        new GradientTrustRegionSolver(
                GradientSolverSettings.accurateDefaults()
                    .withHardCase(HardCaseHandling.IGNORE, 1e-6))
            .solve(zero, DenseMath.operator(h), radius);

    for (HardCaseHandling handling :
        List.of(HardCaseHandling.ALWAYS_PERTURB, HardCaseHandling.DETECT_AND_PERTURB)) {
      GradientTrustRegionSolver solver =
          new GradientTrustRegionSolver(
              GradientSolverSettings.accurateDefaults().withHardCase(handling, 1e-6));
      TracedSolution traced = solver.solveWithTrace(zero, DenseMath.operator(h), radius);
      SubproblemSolution solution = traced.solution();
      double[] z = solution.step().toDoubleVector();

      assertThat(solution.diagnostics().hardCase()).as("%s", handling).isFalse();
      assertThat(traced.trace()).as("%s", handling).noneMatch(IterationRecord::perturbed);
      assertThat(solution.modelValue() - exact.modelValue())
          .as("%s", handling)
          .isLessThanOrEqualTo(1e-8 * Math.abs(exact.modelValue()));
      assertThat(DenseMath.model(h, new double[n], z))
          .isCloseTo(exact.modelValue(), within(1e-8 * Math.abs(exact.modelValue())));
      assertThat(DenseMath.norm(z)).isCloseTo(radius, within(1e-12 * radius));
      // one run, no hard-case check and no second solve: the same work and step as IGNORE
      assertThat(solution.diagnostics().hessianVectorProducts())
          .as("%s", handling)
          .isEqualTo(ignoring.diagnostics().hessianVectorProducts());
      assertThat(z).containsExactly(ignoring.step().toDoubleVector());
    }
  }

  @Test
  void paperDefaultsTakeTwoGradientStepsInsideTheBallAsAlgorithmTwoPrescribes() {
    double[][] h = DenseMath.diagonal(1, 2, 3);
    double[] g = {1, 1, 1};
    List<double[]> iterates = new ArrayList<>();
    SubproblemSolution solution =
        GradientTrustRegionSolver.paperDeepNetworkDefaults()
            .solve(
                Nd4j.createFromArray(g),
                DenseMath.operator(h),
                1,
                (entry, iterate) -> iterates.add(iterate.toDoubleVector()));

    // by hand: z₀ = −½g/‖g‖, z_{t+1} = z_t − 0.1(Hz_t + g), both steps stay inside the ball
    double[] z = new double[3];
    for (int i = 0; i < 3; i++) {
      z[i] = -0.5 / Math.sqrt(3);
    }
    for (int step = 0; step < 2; step++) {
      double[] hz = DenseMath.multiply(h, z);
      for (int i = 0; i < 3; i++) {
        z[i] -= 0.1 * (hz[i] + g[i]);
      }
    }
    assertThat(iterates).hasSize(3);
    assertThat(solution.step().toDoubleVector()).containsExactly(z, within(1e-15));
    assertThat(solution.diagnostics())
        .isEqualTo(
            new SolverDiagnostics(2, 2, 0, 3, false, SolverDiagnostics.Phase.INTERIOR, false));
  }

  @Test
  void paperDefaultsTakeOneSphereStepWhenTheFirstStepLeavesTheBall() {
    double[][] h = DenseMath.diagonal(1, 2, 3);
    double[] g = {10, 10, 10};
    List<IterationRecord> trace =
        GradientTrustRegionSolver.paperDeepNetworkDefaults()
            .solveWithTrace(Nd4j.createFromArray(g), DenseMath.operator(h), 1)
            .trace();

    assertThat(trace).hasSize(3);
    assertThat(trace.get(1).phase()).isEqualTo(SolverDiagnostics.Phase.INTERIOR);
    assertThat(trace.get(1).stepNorm()).isCloseTo(1, within(1e-15));
    assertThat(trace.get(2).phase()).isEqualTo(SolverDiagnostics.Phase.BOUNDARY);
    assertThat(trace.get(2).stepNorm()).isCloseTo(1, within(1e-15));
    assertThat(trace.get(2).modelValue()).isLessThan(trace.get(1).modelValue());
  }

  @Test
  void solvesFloat32ProblemsInFloat32() {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(60, 30, 61, DataType.FLOAT);
    ExactSolution exact = problem.solveExactly(1);
    SubproblemSolution solution = ACCURATE.solve(problem.gradient(), problem.hessian(), 1);
    assertThat(solution.step().dataType()).isEqualTo(DataType.FLOAT);
    assertThat(solution.modelValue() - exact.modelValue())
        .isLessThanOrEqualTo(1e-4 * Math.abs(exact.modelValue()));
  }

  @Test
  void rejectsANegativeRadius() {
    assertThatThrownBy(
            () ->
                ACCURATE.solve(
                    Nd4j.createFromArray(1.0, 2.0),
                    DenseMath.operator(DenseMath.diagonal(1, 2)),
                    -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("radius must be positive")
        .hasMessageContaining("radius = -1.0");
  }

  @Test
  void rejectsAStepSizeAboveTheReciprocalOfAGivenBound() {
    assertThatThrownBy(() -> StepSizeRule.fixed(0.1, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eta = 0.1")
        .hasMessageContaining("1/beta = 0.05");
  }

  @Test
  void rejectsAHessianProductOfTheWrongLength() {
    assertThatThrownBy(
            () ->
                ACCURATE.solve(
                    Nd4j.createFromArray(1.0, 2.0, 3.0), v -> Nd4j.zeros(DataType.DOUBLE, 4), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vector of length 4 for an input of length 3");
  }

  @Test
  void rejectsNanInTheGradient() {
    assertThatThrownBy(
            () ->
                ACCURATE.solve(
                    Nd4j.createFromArray(1.0, Double.NaN),
                    DenseMath.operator(DenseMath.diagonal(1, 2)),
                    1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gradient g must be finite")
        .hasMessageContaining("NaN");
  }

  @Test
  void rejectsAnAlphaOutsideTheOpenUnitInterval() {
    assertThatThrownBy(() -> GradientSolverSettings.accurateDefaults().withAlpha(1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha must lie in (0, 1)");
  }
}
