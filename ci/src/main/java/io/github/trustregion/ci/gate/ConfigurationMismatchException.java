package io.github.trustregion.ci.gate;

import io.github.trustregion.ci.run.GateInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The run trained on something other than what its baselines were computed on (another workload,
 * number of examples, network or planned epochs and batch sizes), so its gaps cannot be gated
 * against them; names every differing field. Bad input (exit 3).
 */
public final class ConfigurationMismatchException extends GateInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigurationDifference> differences;

  /** Creates the exception for the given differences (at least one). */
  public ConfigurationMismatchException(List<ConfigurationDifference> differences) {
    super(
        "The run does not match what its baselines were computed on, so its gaps cannot be compared with "
            + "them: "
            + differences.size()
            + " difference(s):\n  "
            + differences.stream()
                .map(ConfigurationDifference::toString)
                .collect(Collectors.joining("\n  "))
            + "\nIf the change is intended, re-bless from a complete run of the new configuration with "
            + "'ci/bin/gate bless --results DIR --commit SHA' (see ci/README.md) and commit ci/baselines; "
            + "otherwise gate a run of the configuration the baselines were blessed on.");
    this.differences = List.copyOf(differences);
  }

  /** Returns the differences, by experiment in baseline order, then in field order. */
  public List<ConfigurationDifference> differences() {
    return differences;
  }
}
