package io.github.trustregion.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.subproblem.SubproblemSolution;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs each benchmark method once outside JMH, so that a broken benchmark fails the build. */
class BenchmarkSetupTest {

  @Test
  void networkOracleBenchmarksRunAndCountWhatTheStepsUse() {
    NetworkOracleBenchmark benchmark = new NetworkOracleBenchmark();
    benchmark.model = "mlp";
    benchmark.batchSize = 16;
    benchmark.setUp();
    NetworkOracleBenchmark.Samples counters = new NetworkOracleBenchmark.Samples();
    counters.clear();

    INDArray gradient = benchmark.gradient(counters);
    INDArray forward = benchmark.forwardDifferenceHv(counters);
    INDArray central = benchmark.centralDifferenceHv(counters);
    StepReport sgd = benchmark.sgdStep(counters);
    StepReport tr = benchmark.trustRegionStep(counters);

    assertThat(gradient.length()).isEqualTo(269_322);
    assertThat(forward.length()).isEqualTo(269_322);
    // Both approximate the same product: they agree to float32 finite-difference accuracy.
    assertThat(forward.distance2(central) / central.norm2Number().doubleValue()).isLessThan(0.05);
    assertThat(sgd.gradientEvaluations()).isEqualTo(1);
    assertThat(sgd.hessianVectorProducts()).isZero();
    assertThat(tr.gradientEvaluations()).isEqualTo(1);
    assertThat(tr.hessianVectorProducts()).isPositive();
    assertThat(counters.samples).isEqualTo(5 * 16);
    assertThat(counters.hessianVectorProducts).isEqualTo(tr.hessianVectorProducts());
  }

  @Test
  void subproblemSolverBenchmarkSolvesEachSolversProblem() {
    for (String solver : new String[] {"paper", "steihaug-cg", "lanczos"}) {
      SubproblemSolverBenchmark benchmark = new SubproblemSolverBenchmark();
      benchmark.n = 40;
      benchmark.lambda = 10;
      benchmark.solver = solver;
      benchmark.setUp();
      SubproblemSolverBenchmark.Products counters = new SubproblemSolverBenchmark.Products();
      counters.clear();

      SubproblemSolution solution = benchmark.solve(counters);

      assertThat(solution.step().norm2Number().doubleValue()).as(solver)
          .isLessThanOrEqualTo(1 + 1e-9);
      assertThat(counters.hessianVectorProducts).as(solver)
          .isEqualTo(solution.diagnostics().hessianVectorProducts())
          .isPositive();
    }
  }
}
