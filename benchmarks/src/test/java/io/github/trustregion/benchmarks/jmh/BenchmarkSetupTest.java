package io.github.trustregion.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.subproblem.ExactSolution;
import io.github.trustregion.optimizers.subproblem.RandomIndefiniteProblem;
import io.github.trustregion.optimizers.subproblem.SolverDiagnostics;
import io.github.trustregion.optimizers.subproblem.SubproblemSolution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs each benchmark method once outside JMH, so that a broken benchmark fails the build. */
class BenchmarkSetupTest {

  @Test
  void networkOracleBenchmarksRunAndCountWhatTheStepsUse() {
    NetworkOracleBenchmark benchmark = oracleBenchmark(1);
    NetworkOracleBenchmark.Samples counters = new NetworkOracleBenchmark.Samples();
    counters.clear();

    INDArray gradient = benchmark.gradient(counters);
    double value = benchmark.lossValue(counters);
    INDArray forward = benchmark.forwardDifferenceHv(counters);
    INDArray central = benchmark.centralDifferenceHv(counters);
    StepReport sgd = benchmark.sgdStep(counters);
    StepReport tr = benchmark.trustRegionStep(counters);

    assertThat(gradient.length()).isEqualTo(269_322);
    assertThat(forward.length()).isEqualTo(269_322);
    // Both approximate the same product: they agree to float32 finite-difference accuracy.
    assertThat(forward.distance2(central) / central.norm2Number().doubleValue()).isLessThan(0.05);
    // The untrained 10-class network starts near the loss of a uniform guess, ln 10.
    assertThat(value).isBetween(0.5 * Math.log(10), 2 * Math.log(10));
    assertThat(sgd.gradientEvaluations()).isEqualTo(1);
    assertThat(sgd.hessianVectorProducts()).isZero();
    assertThat(tr.gradientEvaluations()).isEqualTo(1);
    assertThat(tr.functionEvaluations()).isEqualTo(1);
    assertThat(tr.hessianVectorProducts())
        .as("N1 = N2 = 1: for z0, z1 and z2 (or one phase-II step)")
        .isEqualTo(3);
    assertThat(counters.samples).isEqualTo(6 * 16);
    assertThat(counters.hessianVectorProducts).isEqualTo(tr.hessianVectorProducts());
  }

  @Test
  void aSingleStepSubproblemCostsTwoProducts() {
    NetworkOracleBenchmark benchmark = oracleBenchmark(0);
    NetworkOracleBenchmark.Samples counters = new NetworkOracleBenchmark.Samples();
    counters.clear();

    StepReport tr = benchmark.trustRegionStep(counters);

    assertThat(tr.hessianVectorProducts()).as("N1 = N2 = 0: for z0 and z1").isEqualTo(2);
    assertThat(tr.trustRegion().orElseThrow().solver().iterations()).isEqualTo(1);
  }

  @Test
  void stepCostBreakdownTimesThePapersThreeProductsInsideTheStep() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    StepCostBreakdown.Breakdown b = StepCostBreakdown.measure("mlp", 1, 3);

    assertThat(b.steps()).isEqualTo(3);
    assertThat(b.productsPerStep()).isEqualTo(3.0);
    assertThat(b.gradient()).isPositive();
    assertThat(b.hessianVectorProducts()).isPositive();
    assertThat(b.value()).isPositive();
    // The oracles are timed inside the step, so they cannot take longer than it.
    assertThat(b.gradient() + b.hessianVectorProducts() + b.value()).isLessThan(b.step());
  }

  @Test
  void variantStepBenchmarksCountEachVariantsWorkAsItsDefinitionSays() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    // Per step at B = 128: SGD 1 gradient; TR 1 + 3 products + 1 value; products on 16 of 128
    // examples with their subset gradient: 1 + (1 + 3)/8 + 1; TR-code 1 + 1 product.
    java.util.Map<String, Double> expected =
        java.util.Map.of("sgd", 1.0, "tr", 5.0, "tr-sub8", 2.5, "tr-lanczos3", 5.0, "tr-code", 2.0);
    expected.forEach(
        (method, work) -> {
          VariantStepBenchmark benchmark = new VariantStepBenchmark();
          benchmark.model = "mlp";
          benchmark.method = method;
          benchmark.batchSize = 128;
          benchmark.setUp();
          benchmark.restart();
          VariantStepBenchmark.Work counters = new VariantStepBenchmark.Work();
          counters.clear();
          benchmark.step(counters);
          benchmark.step(counters);
          assertThat(counters.gradientEquivalents).as(method).isEqualTo(2 * work);
        });
  }

  @Test
  void stepCostBreakdownTimesTheSubsetGradientOfASubSampledHessianApart() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
    StepCostBreakdown.Breakdown sub = StepCostBreakdown.measure("mlp", "tr-sub8", 1, 2);
    StepCostBreakdown.Breakdown code = StepCostBreakdown.measure("mlp", "tr-code", 1, 2);

    assertThat(sub.productsPerStep()).isEqualTo(3.0);
    assertThat(sub.subsetGradient()).isPositive();
    assertThat(sub.gradient() + sub.subsetGradient() + sub.hessianVectorProducts() + sub.value())
        .isLessThan(sub.step());
    assertThat(code.productsPerStep()).isEqualTo(1.0);
    assertThat(code.value()).isZero();
  }

  /** The oracle benchmark on the MLP at B = 16, set up as JMH would with these parameters. */
  private static NetworkOracleBenchmark oracleBenchmark(int subproblemLimit) {
    NetworkOracleBenchmark benchmark = new NetworkOracleBenchmark();
    benchmark.model = "mlp";
    benchmark.batchSize = 16;
    benchmark.subproblemLimit = subproblemLimit;
    benchmark.setUp();
    return benchmark;
  }

  /**
   * The benchmark's problem is E1's with n = 40, λ = 10, seed 1 on the unit ball; λ₁ = −10 &lt; 0,
   * so the global minimizer s lies on the sphere. The global solvers (the paper's at its accurate
   * settings, Lanczos) must reach f(s), Steihaug-CG must stop on the sphere no lower than f(s).
   * Products per solve, from the solvers' definitions: one per Krylov iteration; for the paper's
   * solver 30 power iterations, one for z₀, one per phase-I or phase-II step (and at most one more
   * for a last phase-II direction that gives no decrease), and the 30 Lanczos steps of its
   * hard-case check after converging (no perturbation: g is not orthogonal to v₁).
   */
  @Test
  void subproblemSolverBenchmarkSolvesEachSolversProblem() {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(40, 10, 1L, DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(1.0);
    assertThat(Math.sqrt(java.util.Arrays.stream(exact.step()).map(x -> x * x).sum()))
        .as("‖s‖ of the exact minimizer")
        .isCloseTo(1, within(1e-12));
    double optimum = exact.modelValue();
    for (String solver : new String[] {"paper", "steihaug-cg", "lanczos"}) {
      SubproblemSolverBenchmark benchmark = new SubproblemSolverBenchmark();
      benchmark.n = 40;
      benchmark.lambda = 10;
      benchmark.solver = solver;
      benchmark.setUp();
      SubproblemSolverBenchmark.Products counters = new SubproblemSolverBenchmark.Products();
      counters.clear();

      SubproblemSolution solution = benchmark.solve(counters);
      benchmark.solve(counters);

      SolverDiagnostics diagnostics = solution.diagnostics();
      assertThat(solution.step().norm2Number().doubleValue()).as(solver).isCloseTo(1, within(1e-9));
      assertThat(diagnostics.hardCase()).as(solver).isFalse();
      if (solver.equals("steihaug-cg")) {
        assertThat(solution.modelValue()).as(solver).isGreaterThanOrEqualTo(optimum - 1e-12);
      } else {
        assertThat(solution.modelValue())
            .as(solver)
            .isCloseTo(optimum, within(1e-8 * Math.abs(optimum)));
      }
      int products = diagnostics.hessianVectorProducts();
      if (solver.equals("paper")) {
        int steps = diagnostics.phaseOneIterations() + diagnostics.phaseTwoIterations();
        assertThat(diagnostics.phaseReached()).isEqualTo(SolverDiagnostics.Phase.BOUNDARY);
        // The last phase-II direction may cost a product without a step: its Armijo search finds
        // no decrease left at rounding level, which is how the solve can end.
        assertThat(products).as(solver).isBetween(30 + 1 + steps + 30, 30 + 1 + steps + 30 + 1);
      } else {
        assertThat(products).as(solver).isEqualTo(diagnostics.iterations());
        assertThat(diagnostics.iterations()).as(solver + ": at most n iterations").isBetween(1, 40);
      }
      assertThat(counters.hessianVectorProducts)
          .as(solver + ": two solves counted")
          .isEqualTo(2L * products);
    }
  }
}
