package io.github.trustregion.ci.run;

import java.util.List;
import java.util.stream.Collectors;

/** A run cannot be blessed because trials are missing, diverged or failed; names every one. */
public final class IncompleteRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<TrialProblem> problems;

  /** Creates the exception for the given problems (at least one). */
  public IncompleteRunException(List<TrialProblem> problems) {
    super(
        "The run is incomplete, so it cannot be blessed: "
            + problems.size()
            + " problem(s):\n  "
            + problems.stream().map(TrialProblem::toString).collect(Collectors.joining("\n  "))
            + "\nResume the run until every planned trial completes, then bless again.");
    this.problems = List.copyOf(problems);
  }

  /** Returns the problems, in the order found. */
  public List<TrialProblem> problems() {
    return problems;
  }
}
