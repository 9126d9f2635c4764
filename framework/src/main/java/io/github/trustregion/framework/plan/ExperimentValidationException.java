package io.github.trustregion.framework.plan;

import java.util.List;
import java.util.stream.Collectors;

/** Experiment declarations are invalid; the message lists every problem, one per line. */
public final class ExperimentValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationProblem> problems;

  /** Creates the exception from a non-empty list of problems. */
  public ExperimentValidationException(List<ValidationProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem found. */
  public List<ValidationProblem> problems() {
    return problems;
  }

  private static String message(List<ValidationProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in experiment declarations; nothing was run:\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }
}
