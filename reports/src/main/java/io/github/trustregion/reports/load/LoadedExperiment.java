package io.github.trustregion.reports.load;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultKind;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * One experiment as found on disk, read by its plan: the planned trials' results, the planned
 * trials without a file, and the files left out of every number.
 *
 * @param directory the experiment's directory
 * @param manifest the plan
 * @param trials the usable result of every planned trial that has one (completed, diverged and
 *     failed), in file-name order; only these enter tables, figures and summaries
 * @param missing the ids of planned trials without a result file, in plan order
 * @param unplanned the file names of trial files the manifest does not plan (left from an earlier
 *     plan), excluded from every number
 * @param bad the files of this experiment that cannot be used, with their fixes, excluded from
 *     every number
 */
public record LoadedExperiment(
    Path directory,
    ExperimentManifest manifest,
    List<TrialResult> trials,
    List<String> missing,
    List<String> unplanned,
    List<BadResultFile> bad) {

  /** Copies the lists. */
  public LoadedExperiment {
    trials = List.copyOf(trials);
    missing = List.copyOf(missing);
    unplanned = List.copyOf(unplanned);
    bad = List.copyOf(bad);
  }

  /** Creates an experiment without bad files. */
  public LoadedExperiment(
      Path directory,
      ExperimentManifest manifest,
      List<TrialResult> trials,
      List<String> missing,
      List<String> unplanned) {
    this(directory, manifest, trials, missing, unplanned, List.of());
  }

  /** Returns the experiment's id. */
  public String id() {
    return manifest.experiment();
  }

  /**
   * Returns the manifest's kind ("training", "tracks", "subproblem" or "landscape"; {@link
   * ResultKind#id()}).
   */
  public String kind() {
    return manifest.kind();
  }

  /**
   * Returns the manifest's kind as a {@link ResultKind} ({@link ResultsLoader} admits no other).
   *
   * @throws IllegalStateException naming the experiment when its manifest names no such kind
   */
  public ResultKind resultKind() {
    return ResultKind.fromId(manifest.kind())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The manifest of "
                        + id()
                        + " names the kind '"
                        + manifest.kind()
                        + "', which is not one of "
                        + ResultKind.ids()
                        + "; read results with ResultsLoader, which refuses such a manifest."));
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
