package io.github.trustregion.reports.load;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFileException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a results directory ({@code <root>/<experiment>/manifest.json} and
 * {@code <root>/<experiment>/trials/*.json}) and checks each file for semantic completeness.
 *
 * <p>Beyond valid JSON ({@link ResultFiles} checks that), a file must: name the experiment of its
 * directory and, for a trial, the id of its file name; have a status and parameters; if it is a
 * completed trial of a {@code training} or {@code tracks} experiment (or any trial carrying
 * epochs), have at least one epoch with finite accuracies in [0, 1]; if it is a completed
 * {@code subproblem} trial, carry a series or a metric. Anything else throws a
 * {@link ReportInputException} naming the file. Missing optional collections are read as empty.
 */
public final class ResultsLoader {

  /** The manifest kinds reports know how to draw. */
  public static final Set<String> KINDS = Set.of("training", "tracks", "subproblem", "landscape");

  private ResultsLoader() {}

  /** Loads every experiment with a manifest under {@code root}, sorted by id. */
  public static List<LoadedExperiment> load(Path root) {
    if (!Files.isDirectory(root)) {
      throw new ReportInputException(root,
          "The results directory " + root + " does not exist or is not a directory. Pass the directory "
              + "the harness wrote (default target/experiment-results), which holds one folder per experiment.",
          null);
    }
    ResultFiles files = new ResultFiles(root);
    List<LoadedExperiment> experiments = new ArrayList<>();
    for (String id : files.experiments()) {
      experiments.add(loadExperiment(files.experimentDirectory(id)));
    }
    return experiments;
  }

  /** Loads and checks one experiment directory. */
  public static LoadedExperiment loadExperiment(Path directory) {
    Path manifestFile = directory.resolve(ResultFiles.MANIFEST);
    ExperimentManifest manifest = normalise(manifestFile, read(manifestFile, ExperimentManifest.class));
    String expected = directory.getFileName().toString();
    if (!expected.equals(manifest.experiment())) {
      throw new ReportInputException(manifestFile,
          "it names experiment '" + manifest.experiment() + "' but lies in directory '" + expected + "'");
    }
    Map<String, PlannedTrial> planned = manifest.trialsById();
    List<TrialResult> trials = new ArrayList<>();
    Set<String> found = new LinkedHashSet<>();
    List<String> unplanned = new ArrayList<>();
    for (Path file : trialFiles(directory.resolve(ResultFiles.TRIALS))) {
      TrialResult trial = checkTrial(file, manifest, read(file, TrialResult.class));
      trials.add(trial);
      found.add(trial.trialId());
      if (!planned.containsKey(trial.trialId())) {
        unplanned.add(trial.trialId());
      }
    }
    List<String> missing = planned.keySet().stream().filter(id -> !found.contains(id)).toList();
    return new LoadedExperiment(directory, manifest, trials, missing, unplanned);
  }

  private static <T> T read(Path file, Class<T> type) {
    if (!Files.isRegularFile(file)) {
      throw new ReportInputException(file, "The result file " + file + " does not exist.", null);
    }
    try {
      return ResultFiles.read(file, type);
    } catch (ResultFileException e) {
      throw new ReportInputException(file, e.getMessage(), e);
    }
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

  private static ExperimentManifest normalise(Path file, ExperimentManifest m) {
    if (m == null) {
      throw new ReportInputException(file, "the file is empty (JSON null)");
    }
    require(file, m.experiment() != null && !m.experiment().isBlank(), "the field 'experiment' is missing");
    require(file, m.kind() != null, "the field 'kind' is missing (one of " + KINDS + ")");
    require(file, KINDS.contains(m.kind()), "the kind '" + m.kind() + "' is not one of " + KINDS);
    require(file, m.trials() != null, "the field 'trials' (the planned trials) is missing");
    for (PlannedTrial t : m.trials()) {
      require(file, t != null && t.trialId() != null && t.parameters() != null,
          "a planned trial lacks its 'trialId' or 'parameters'");
    }
    return new ExperimentManifest(m.schemaVersion(), m.experiment(), m.className(),
        orEmpty(m.title()), orEmpty(m.description()), m.kind(), orEmpty(m.scale()), orEmpty(m.workload()),
        m.metrics() == null ? List.of() : m.metrics(),
        m.allowedDifferences() == null ? List.of() : m.allowedDifferences(),
        m.trials(), m.paperValues() == null ? List.of() : m.paperValues());
  }

  private static TrialResult checkTrial(Path file, ExperimentManifest manifest, TrialResult t) {
    if (t == null) {
      throw new ReportInputException(file, "the file is empty (JSON null)");
    }
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    require(file, t.trialId() != null, "the field 'trialId' is missing");
    require(file, stem.equals(t.trialId()), "it holds trial '" + t.trialId() + "' but is named '" + stem + ".json'");
    require(file, manifest.experiment().equals(t.experiment()),
        "it belongs to experiment '" + t.experiment() + "', not '" + manifest.experiment() + "'");
    require(file, t.status() != null, "the field 'status' is missing (COMPLETED, DIVERGED or FAILED)");
    require(file, t.parameters() != null, "the field 'parameters' is missing");
    List<EpochRecord> epochs = t.epochs() == null ? List.of() : t.epochs();
    Map<String, Double> metrics = t.metrics() == null ? Map.of() : nonNullValues(t.metrics());
    Map<String, Series> series = t.series() == null ? Map.of() : t.series();
    boolean completed = t.status() == io.github.trustregion.framework.result.TrialStatus.COMPLETED;
    boolean trainingKind = manifest.kind().equals("training") || manifest.kind().equals("tracks");
    if (completed && trainingKind) {
      require(file, !epochs.isEmpty(), "it is a COMPLETED " + manifest.kind() + " trial with no epochs");
    }
    if (completed && manifest.kind().equals("subproblem")) {
      require(file, !series.isEmpty() || !metrics.isEmpty(),
          "it is a COMPLETED subproblem trial with neither series nor metrics");
    }
    if (completed && manifest.kind().equals("landscape")) {
      require(file, !epochs.isEmpty() || !series.isEmpty(),
          "it is a COMPLETED landscape trial with neither epochs (a training trial) nor series (an interpolation)");
    }
    for (int i = 0; i < epochs.size(); i++) {
      EpochRecord e = epochs.get(i);
      require(file, e != null, "epoch entry " + i + " is null");
      if (completed) {
        require(file, unit(e.trainAccuracy()) && unit(e.testAccuracy()),
            "epoch " + e.epoch() + " of a COMPLETED trial has an accuracy outside [0, 1] or not finite ("
                + e.trainAccuracy() + ", " + e.testAccuracy() + "); a NaN loss makes a trial DIVERGED");
      }
    }
    return new TrialResult(t.schemaVersion(), t.trialId(), t.experiment(), t.status(), orEmpty(t.message()),
        t.parameters(), t.methodSettings() == null ? Map.of() : t.methodSettings(), epochs, metrics, series,
        t.wallSeconds(), t.environment() == null ? Map.of() : t.environment(), t.declaredSettings());
  }

  private static Map<String, Double> nonNullValues(Map<String, Double> metrics) {
    Map<String, Double> copy = new LinkedHashMap<>();
    metrics.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return copy;
  }

  private static boolean unit(double v) {
    return v >= 0 && v <= 1;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void require(Path file, boolean condition, String problem) {
    if (!condition) {
      throw new ReportInputException(file, problem);
    }
  }

  /** Returns a map of trial id to planned parameters, for listing missing trials. */
  public static Map<String, Map<String, String>> plannedParameters(ExperimentManifest manifest) {
    Map<String, Map<String, String>> out = new HashMap<>();
    manifest.trials().forEach(t -> out.put(t.trialId(), t.parameters()));
    return out;
  }
}
