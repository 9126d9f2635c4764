package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.framework.result.Series;
import io.github.trustregion.optimizers.subproblem.ExactSolution;
import io.github.trustregion.optimizers.subproblem.IterationRecord;
import io.github.trustregion.optimizers.subproblem.RandomIndefiniteProblem;
import io.github.trustregion.optimizers.subproblem.SolverDiagnostics;
import io.github.trustregion.optimizers.subproblem.TracedSolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One E1 measurement: a solver on one random indefinite problem, compared with its exact solution.
 *
 * @param rows the gap series rows {@code [iteration, f(z_t) − f(s), phase]}
 * @param metrics the scalar results
 */
record SubproblemRun(List<List<Double>> rows, Map<String, Double> metrics) {

  /** The phase I step size as a fraction of 1/‖H‖ (Assumption 1 needs η &lt; 1/‖H‖). */
  static final double STEP_FRACTION = 0.5;

  /**
   * Draws the problem (float64), solves it exactly and with {@code kind}, and records the gaps.
   */
  static SubproblemRun solve(
      SubproblemSolvers.Kind kind, int n, double lambda, long seed, double radius) {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(n, lambda, seed,
        DataType.DOUBLE);
    ExactSolution exact = problem.solveExactly(radius);
    double optimum = exact.modelValue();
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("lambda", lambda);
    metrics.put("n", (double) n);
    metrics.put("optimalValue", optimum);
    metrics.put("lowestEigenvalue", exact.lowestEigenvalue());
    metrics.put("operatorNorm", exact.operatorNorm());
    List<List<Double>> rows = new ArrayList<>();
    SolverDiagnostics diagnostics;
    double finalValue;
    switch (kind) {
      case PAPER -> {
        double eta = STEP_FRACTION / exact.operatorNorm();
        TracedSolution traced = SubproblemSolvers.paper(eta)
            .solveWithTrace(problem.gradient(), problem.hessian(), radius);
        for (IterationRecord record : traced.trace()) {
          rows.add(List.of((double) record.iteration(), record.modelValue() - optimum,
              record.phase() == SolverDiagnostics.Phase.BOUNDARY ? 2.0 : 1.0));
        }
        diagnostics = traced.solution().diagnostics();
        finalValue = traced.solution().modelValue();
        double alpha = SubproblemSolvers.paper(eta).settings().alpha();
        metrics.put("eta", eta);
        metrics.put("lemma6Bound", lemma6Bound(exact, problem, eta, alpha, radius));
      }
      default -> throw new IllegalStateException("No E1 procedure for solver " + kind + ".");
    }
    metrics.put("iterationsToBoundary", diagnostics.onBoundary()
        || diagnostics.phaseReached() == SolverDiagnostics.Phase.BOUNDARY
        ? (double) diagnostics.phaseOneIterations() : Double.NaN);
    metrics.put("iterations", (double) diagnostics.iterations());
    metrics.put("hessianVectorProducts", (double) diagnostics.hessianVectorProducts());
    metrics.put("hardCase", diagnostics.hardCase() ? 1.0 : 0.0);
    metrics.put("finalGap", finalValue - optimum);
    metrics.put("relativeGap", (finalValue - optimum) / Math.abs(optimum));
    return new SubproblemRun(rows, metrics);
  }

  /** Returns the gap series {@code "gap"} with columns iteration, gap, phase. */
  Series gapSeries() {
    return new Series(List.of("iteration", "gap", "phase"), rows);
  }

  /**
   * Lemma 6's bound on the phase-I iterations, as the number of phase-I steps ⌈t*⌉ + 1 (the step
   * that leaves the ball included), on the ball of radius r scaled to the unit ball (H' = r²H,
   * g' = rg, η' = η/r²): t* ≤ [log(1/(η|g⁽¹⁾|) − 1/(ηλ₁)) − log(w₀ − 1/(ηλ₁))]/log(1 − ηλ₁) with
   * w₀ = α/(η‖g‖). NaN when λ₁ ≥ 0 or g⁽¹⁾ = 0 (no bound).
   */
  static double lemma6Bound(
      ExactSolution exact, RandomIndefiniteProblem problem, double eta, double alpha,
      double radius) {
    double lambda1 = exact.lowestEigenvalue() * radius * radius;
    double g1 = Math.abs(exact.gradientCoefficients()[0]) * radius;
    double gNorm = 0;
    for (double gi : problem.gradientAsDoubles()) {
      gNorm += gi * gi;
    }
    gNorm = Math.sqrt(gNorm) * radius;
    double scaledEta = eta / (radius * radius);
    if (!(lambda1 < 0) || !(g1 > 0)) {
      return Double.NaN;
    }
    double shift = 1.0 / (scaledEta * lambda1);
    double w0 = alpha / (scaledEta * gNorm);
    double tStar = (Math.log(1.0 / (scaledEta * g1) - shift) - Math.log(w0 - shift))
        / Math.log(1.0 - scaledEta * lambda1);
    return Math.ceil(tStar) + 1;
  }
}
