package io.github.trustregion.optimizers.subproblem;

import java.util.List;

/**
 * A solution of the paper's solver together with its per-iteration trace.
 *
 * @param solution the step and diagnostics
 * @param trace one record per iterate, z₀ first
 */
public record TracedSolution(SubproblemSolution solution, List<IterationRecord> trace) {

  /** Copies the trace. */
  public TracedSolution {
    trace = List.copyOf(trace);
  }
}
