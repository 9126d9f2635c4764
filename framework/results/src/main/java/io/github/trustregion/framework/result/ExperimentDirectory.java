package io.github.trustregion.framework.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One experiment's directory read by the plan in its manifest: the trials the plan names, the trial
 * files it does not name, and the files that cannot be used.
 *
 * <p>The one rule by which reports and the gate read results: a file {@code trials/<id>.json} whose
 * {@code <id>} the manifest plans is a trial of the run if it reads as that trial of this
 * experiment, and a bad file otherwise (fix: {@link BadResultFile#RERUN_TRIAL}, since the runner
 * recomputes a planned trial whose file it cannot read). A file whose id the manifest does not plan
 * is left out of every number: listed as unplanned when it reads as a trial of this experiment
 * (left from an earlier plan, such as one with more repeats), and as a bad file otherwise (fix:
 * {@link BadResultFile#MOVE_OR_DELETE}). Every file is examined, so one pass finds every bad file.
 *
 * @param directory the experiment's directory
 * @param manifest the plan, or {@code null} when the manifest cannot be read (it is then in {@code
 *     bad} and nothing else is read)
 * @param trials the readable trials the plan names, in file-name order
 * @param unplanned the trial files of this experiment that the plan does not name, in file-name
 *     order
 * @param bad the files that cannot be used, in file-name order (the manifest first)
 */
public record ExperimentDirectory(
    Path directory,
    ExperimentManifest manifest,
    List<TrialResult> trials,
    List<Path> unplanned,
    List<BadResultFile> bad) {

  /** Copies the lists. */
  public ExperimentDirectory {
    trials = List.copyOf(trials);
    unplanned = List.copyOf(unplanned);
    bad = List.copyOf(bad);
  }

  /**
   * Reads every experiment with a manifest under the results directory {@code root}, sorted by id.
   */
  public static List<ExperimentDirectory> readAll(Path root) {
    ResultFiles files = new ResultFiles(root);
    return files.experiments().stream().map(id -> read(files.experimentDirectory(id))).toList();
  }

  /** Reads one experiment's directory by its manifest's plan (see the class comment). */
  public static ExperimentDirectory read(Path directory) {
    Path manifestFile = directory.resolve(ResultFiles.MANIFEST);
    List<BadResultFile> bad = new ArrayList<>();
    ExperimentManifest manifest = readManifest(manifestFile, directory, bad);
    if (manifest == null) {
      return new ExperimentDirectory(directory, null, List.of(), List.of(), bad);
    }
    Map<String, PlannedTrial> planned = manifest.trialsById();
    List<TrialResult> trials = new ArrayList<>();
    List<Path> unplanned = new ArrayList<>();
    for (Path file : trialFiles(directory.resolve(ResultFiles.TRIALS))) {
      String id = file.getFileName().toString().replaceFirst("\\.json$", "");
      boolean isPlanned = planned.containsKey(id);
      String fix = isPlanned ? BadResultFile.RERUN_TRIAL : BadResultFile.MOVE_OR_DELETE;
      TrialResult trial;
      try {
        trial = ResultFiles.MAPPER.readValue(file.toFile(), TrialResult.class);
      } catch (IOException e) {
        bad.add(new BadResultFile(file, ResultFiles.describe(e, "a trial result"), fix));
        continue;
      }
      String problem = identityProblem(trial, id, manifest.experiment());
      if (problem != null) {
        bad.add(new BadResultFile(file, problem, fix));
      } else if (isPlanned) {
        trials.add(trial);
      } else {
        unplanned.add(file);
      }
    }
    return new ExperimentDirectory(directory, manifest, trials, unplanned, bad);
  }

  /** Returns every bad file of {@code experiments}, in their order. */
  public static List<BadResultFile> badFiles(List<ExperimentDirectory> experiments) {
    return experiments.stream().flatMap(e -> e.bad().stream()).toList();
  }

  /**
   * Throws when any of {@code experiments} has a bad file, listing every one with its fix.
   *
   * @throws ResultFileException naming every bad file
   */
  public static void requireNoBadFiles(List<ExperimentDirectory> experiments) {
    List<BadResultFile> bad = badFiles(experiments);
    if (!bad.isEmpty()) {
      throw new ResultFileException(
          bad.size()
              + " result file(s) cannot be used:\n  "
              + bad.stream().map(BadResultFile::toString).collect(Collectors.joining("\n  ")),
          null);
    }
  }

  private static ExperimentManifest readManifest(
      Path file, Path directory, List<BadResultFile> bad) {
    ExperimentManifest manifest;
    try {
      manifest = ResultFiles.MAPPER.readValue(file.toFile(), ExperimentManifest.class);
    } catch (IOException e) {
      bad.add(
          new BadResultFile(
              file,
              ResultFiles.describe(e, "an experiment's manifest"),
              BadResultFile.REWRITE_MANIFEST));
      return null;
    }
    String expected = directory.getFileName().toString();
    String problem =
        manifest == null
            ? "it is empty (JSON null)"
            : manifest.trials() == null
                ? "the field 'trials' (the planned trials) is missing"
                : manifest.trials().stream().anyMatch(t -> t == null || t.trialId() == null)
                    ? "a planned trial lacks its 'trialId'"
                    : !expected.equals(manifest.experiment())
                        ? "it names experiment '"
                            + manifest.experiment()
                            + "' but lies in directory '"
                            + expected
                            + "'"
                        : null;
    if (problem != null) {
      bad.add(new BadResultFile(file, problem, BadResultFile.REWRITE_MANIFEST));
      return null;
    }
    return manifest;
  }

  private static String identityProblem(TrialResult trial, String id, String experiment) {
    if (trial == null) {
      return "it is empty (JSON null)";
    }
    if (trial.trialId() == null
        || trial.experiment() == null
        || trial.status() == null
        || trial.parameters() == null) {
      return "it lacks a field every trial result has (trialId, experiment, status, parameters)";
    }
    if (!id.equals(trial.trialId())) {
      return "it holds trial '" + trial.trialId() + "' but is named '" + id + ".json'";
    }
    if (!experiment.equals(trial.experiment())) {
      return "it belongs to experiment '" + trial.experiment() + "', not '" + experiment + "'";
    }
    return null;
  }

  private static List<Path> trialFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the trial files in " + directory + ".", e);
    }
  }
}
