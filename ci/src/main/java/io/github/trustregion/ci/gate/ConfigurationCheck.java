package io.github.trustregion.ci.gate;

import java.util.List;

/**
 * How a gated experiment's run compared with what its baseline was computed on, when nothing
 * differed: which fields could not be compared, and which runs the trials came from.
 *
 * @param experiment the experiment's id
 * @param unknownInBaseline the fields the baseline does not record (a baseline written before they
 *     were recorded); not compared, reported as a warning
 * @param unknownInRun the fields the run's trials do not record; not compared, reported as a
 *     warning
 * @param runIds the distinct {@code runId}s of the run's trials: one per process that trained some,
 *     so more than one for a worker pool, shards, or a results directory resumed across runs
 */
public record ConfigurationCheck(
    String experiment,
    List<String> unknownInBaseline,
    List<String> unknownInRun,
    List<String> runIds) {

  /** Copies the lists. */
  public ConfigurationCheck {
    unknownInBaseline = List.copyOf(unknownInBaseline);
    unknownInRun = List.copyOf(unknownInRun);
    runIds = List.copyOf(runIds);
  }

  /** Returns whether some field could not be compared. */
  public boolean hasUnknownFields() {
    return !unknownInBaseline.isEmpty() || !unknownInRun.isEmpty();
  }
}
