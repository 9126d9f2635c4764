package io.github.trustregion.reports.load;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * One experiment as found on disk: its manifest, its trial results, and the planned trials that
 * have no file.
 *
 * @param directory the experiment's directory
 * @param manifest the plan
 * @param trials every trial file's content (completed, diverged and failed), in file-name order
 * @param missing the ids of planned trials without a result file, in plan order
 * @param unplanned the ids of trial files the manifest does not plan
 */
public record LoadedExperiment(
    Path directory,
    ExperimentManifest manifest,
    List<TrialResult> trials,
    List<String> missing,
    List<String> unplanned) {

  /** Copies the lists. */
  public LoadedExperiment {
    trials = List.copyOf(trials);
    missing = List.copyOf(missing);
    unplanned = List.copyOf(unplanned);
  }

  /** Returns the experiment's id. */
  public String id() {
    return manifest.experiment();
  }

  /** Returns the manifest's kind ("training", "tracks", "subproblem" or "landscape"). */
  public String kind() {
    return manifest.kind();
  }

  /** Returns the trials with the given status. */
  public List<TrialResult> withStatus(TrialStatus status) {
    return trials.stream().filter(t -> t.status() == status).toList();
  }

  /** Returns the completed trials. */
  public List<TrialResult> completed() {
    return withStatus(TrialStatus.COMPLETED);
  }
}
