package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.framework.result.Series;
import io.github.trustregion.optimizers.subproblem.ExactSolution;
import io.github.trustregion.optimizers.subproblem.IterationRecord;
import io.github.trustregion.optimizers.subproblem.RandomIndefiniteProblem;
import io.github.trustregion.optimizers.subproblem.SolverDiagnostics;
import io.github.trustregion.optimizers.subproblem.SubproblemSolution;
import io.github.trustregion.optimizers.subproblem.TracedSolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One E1 measurement: a solver on one random indefinite problem, compared with its exact solution.
 *
 * <p>The paper's solver reports every iterate through its trace (phase 1 inside the ball, 2 on the
 * sphere). A Krylov solver's k-th iterate is taken as its answer with an iteration limit of k
 * (deterministic, so the same as the k-th iterate of the full run), phase 2 when that answer lies
 * on the sphere, sampled at the k of {@link #traceIterations}; row 0 is z = 0. Its {@code
 * iterationsToBoundary} is the first sampled k on the sphere (exact up to k = 8).
 *
 * @param rows the gap series rows {@code [iteration, f(z_t) − f(s), phase]}
 * @param metrics the scalar results
 */
record SubproblemRun(List<List<Double>> rows, Map<String, Double> metrics) {

  /** The most iterations a Krylov solver gets (and the most re-solves its trace costs). */
  static final int MAX_KRYLOV_ITERATIONS = 400;

  /** The phase I step size as a fraction of 1/‖H‖ (Assumption 1 needs η &lt; 1/‖H‖). */
  static final double STEP_FRACTION = 0.5;

  /** Draws the problem (float64), solves it exactly and with {@code kind}, and records the gaps. */
  static SubproblemRun solve(
      SubproblemSolvers.Kind kind, int n, double lambda, long seed, double radius) {
    RandomIndefiniteProblem problem =
        RandomIndefiniteProblem.generate(n, lambda, seed, DataType.DOUBLE);
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
        TracedSolution traced =
            SubproblemSolvers.paper(eta)
                .solveWithTrace(problem.gradient(), problem.hessian(), radius);
        for (IterationRecord record : traced.trace()) {
          rows.add(
              List.of(
                  (double) record.iteration(),
                  record.modelValue() - optimum,
                  record.phase() == SolverDiagnostics.Phase.BOUNDARY ? 2.0 : 1.0));
        }
        diagnostics = traced.solution().diagnostics();
        finalValue = traced.solution().modelValue();
        double alpha = SubproblemSolvers.paper(eta).settings().alpha();
        metrics.put("eta", eta);
        metrics.put("lemma6Bound", lemma6Bound(exact, problem, eta, alpha, radius));
      }
      case STEIHAUG_CG, LANCZOS -> {
        SubproblemSolution solution =
            SubproblemSolvers.krylov(kind, Math.min(n, MAX_KRYLOV_ITERATIONS))
                .solve(problem.gradient(), problem.hessian(), radius);
        diagnostics = solution.diagnostics();
        finalValue = solution.modelValue();
        // The iterates of a Krylov solver are its answers with smaller iteration limits.
        rows.add(List.of(0.0, -optimum, 1.0));
        int boundary = -1;
        for (int k : traceIterations(diagnostics.iterations())) {
          SubproblemSolution partial =
              k == diagnostics.iterations()
                  ? solution
                  : SubproblemSolvers.krylov(kind, k)
                      .solve(problem.gradient(), problem.hessian(), radius);
          boolean onSphere = partial.diagnostics().onBoundary();
          if (onSphere && boundary < 0) {
            boundary = k;
          }
          rows.add(List.of((double) k, partial.modelValue() - optimum, onSphere ? 2.0 : 1.0));
        }
        metrics.put("firstBoundaryIterate", boundary < 0 ? Double.NaN : boundary);
      }
      default ->
          throw new IllegalStateException("E1 has no procedure for the solver " + kind + ".");
    }
    if (kind == SubproblemSolvers.Kind.PAPER) {
      metrics.put(
          "iterationsToBoundary",
          diagnostics.phaseReached() == SolverDiagnostics.Phase.BOUNDARY
              ? (double) diagnostics.phaseOneIterations()
              : Double.NaN);
    } else {
      metrics.put("iterationsToBoundary", metrics.get("firstBoundaryIterate"));
    }
    metrics.put("iterations", (double) diagnostics.iterations());
    metrics.put("hessianVectorProducts", (double) diagnostics.hessianVectorProducts());
    metrics.put("hardCase", diagnostics.hardCase() ? 1.0 : 0.0);
    metrics.put("finalGap", finalValue - optimum);
    metrics.put("relativeGap", (finalValue - optimum) / Math.abs(optimum));
    return new SubproblemRun(rows, metrics);
  }

  /**
   * Returns the iteration limits at which a Krylov solver's trace is sampled: every k up to 8, then
   * a geometric grid of ratio about √2, always ending with {@code total} (re-solving at every k
   * would cost O(total²) products).
   */
  static List<Integer> traceIterations(int total) {
    List<Integer> ks = new ArrayList<>();
    double k = 1;
    while (k < total) {
      int rounded = (int) Math.round(k);
      if (ks.isEmpty() || ks.get(ks.size() - 1) != rounded) {
        ks.add(rounded);
      }
      k = k < 8 ? k + 1 : k * Math.sqrt(2);
    }
    if (total >= 1) {
      ks.add(total);
    }
    return ks;
  }

  /** Returns the gap series {@code "gap"} with columns iteration, gap, phase. */
  Series gapSeries() {
    return new Series(List.of("iteration", "gap", "phase"), rows);
  }

  /**
   * Lemma 6's bound on the phase-I iterations, as the number of phase-I steps ⌈t*⌉ + 1 (the step
   * that leaves the ball included), on the ball of radius r scaled to the unit ball (H' = r²H, g' =
   * rg, η' = η/r²): t* ≤ [log(1/(η|g⁽¹⁾|) − 1/(ηλ₁)) − log(w₀ − 1/(ηλ₁))]/log(1 − ηλ₁) with w₀ =
   * α/(η‖g‖). NaN when λ₁ ≥ 0 or g⁽¹⁾ = 0 (no bound).
   */
  static double lemma6Bound(
      ExactSolution exact,
      RandomIndefiniteProblem problem,
      double eta,
      double alpha,
      double radius) {
    double gNorm = 0;
    for (double gi : problem.gradientAsDoubles()) {
      gNorm += gi * gi;
    }
    return lemma6Bound(
        exact.lowestEigenvalue() * radius * radius,
        Math.abs(exact.gradientCoefficients()[0]) * radius,
        Math.sqrt(gNorm) * radius,
        eta / (radius * radius),
        alpha);
  }

  /**
   * Lemma 6's bound ⌈t*⌉ + 1 on the unit ball, from λ₁, |g⁽¹⁾|, ‖g‖, η and α; NaN when λ₁ ≥ 0 or
   * g⁽¹⁾ = 0.
   */
  static double lemma6Bound(double lambda1, double g1, double gNorm, double eta, double alpha) {
    if (!(lambda1 < 0) || !(g1 > 0)) {
      return Double.NaN;
    }
    double shift = 1.0 / (eta * lambda1);
    double w0 = alpha / (eta * gNorm);
    double tStar =
        (Math.log(1.0 / (eta * g1) - shift) - Math.log(w0 - shift)) / Math.log(1.0 - eta * lambda1);
    return Math.ceil(tStar) + 1;
  }
}
