package io.github.trustregion.benchmarks.jmh;

import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.subproblem.GradientSolverSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.LanczosTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.RandomIndefiniteProblem;
import io.github.trustregion.optimizers.subproblem.SteihaugCgSolver;
import io.github.trustregion.optimizers.subproblem.SubproblemSolution;
import io.github.trustregion.optimizers.subproblem.SubproblemSolver;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The paper's subproblem solver against the Krylov solvers on E1's random indefinite problems H =
 * BBᵀ − λI (float64), each solving to a relative tolerance of 10⁻¹⁰ on the unit ball.
 *
 * <p>Throughput mode: the primary score is solves per second; the auxiliary counters are
 * Hessian-vector products per second ({@code hessianVectorProducts}; divided by the solves per
 * second it gives the products per solve). Accuracy is not measured here: E1 compares every
 * solver's answer with the exact minimizer. The paper's solver uses η = ½/β̂ with β̂ from 30 power
 * iterations (counted). n = 10000 needs about 3 GB and minutes per solve (one product costs about
 * 0.15 s there): run it single-shot, {@code -Djmh.extraArgs="-p n=10000 -bm ss"}; JMH reports no
 * auxiliary counters in that mode.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
@State(Scope.Benchmark)
public class SubproblemSolverBenchmark {

  /** The dimension n. */
  @Param({"1000"})
  public int n;

  /** The shift λ (the smallest eigenvalue of H is −λ). */
  @Param({"10", "110"})
  public double lambda;

  /** The solver: {@code paper}, {@code steihaug-cg} or {@code lanczos}. */
  @Param({"paper", "steihaug-cg", "lanczos"})
  public String solver;

  private INDArray gradient;
  private HessianVectorProduct hessian;
  private SubproblemSolver subproblemSolver;

  /** Counts Hessian-vector products, reported by JMH as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Products {
    /** Hessian-vector products used; JMH divides by time. */
    public long hessianVectorProducts;

    /** Clears the counter before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      hessianVectorProducts = 0;
    }
  }

  /** Draws the problem (seed 1) and builds the solver. */
  @Setup(Level.Trial)
  public void setUp() {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, 1L, DataType.DOUBLE);
    gradient = problem.gradient();
    hessian = problem.hessian();
    subproblemSolver =
        switch (solver) {
          case "paper" -> new GradientTrustRegionSolver(GradientSolverSettings.accurateDefaults());
          case "steihaug-cg" -> new SteihaugCgSolver(n, 1e-10);
          case "lanczos" -> new LanczosTrustRegionSolver(n, 1e-10);
          default ->
              throw new IllegalArgumentException(
                  "SubproblemSolverBenchmark: unknown solver '"
                      + solver
                      + "'; use paper, steihaug-cg or lanczos.");
        };
  }

  /** One solve on the unit ball. */
  @Benchmark
  public SubproblemSolution solve(Products counters) {
    SubproblemSolution solution = subproblemSolver.solve(gradient, hessian, 1.0);
    counters.hessianVectorProducts += solution.diagnostics().hessianVectorProducts();
    return solution;
  }
}
