package io.github.trustregion.reports.load;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.ResultKind;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a results directory ({@code <root>/<experiment>/manifest.json} and {@code
 * <root>/<experiment>/trials/*.json}) by the manifests' plans, with the rule of {@link
 * ExperimentDirectory}, and checks each planned trial for semantic completeness.
 *
 * <p>Beyond valid JSON and the identity checks of {@link ExperimentDirectory}, a planned trial
 * must: if it is a completed trial of a {@code training} or {@code tracks} experiment (or any trial
 * carrying epochs), have at least one epoch with finite accuracies in [0, 1]; if it is a completed
 * {@code subproblem} trial, carry a series or a metric. A file that fails is a bad file: {@link
 * #loadAll} collects every bad file in one pass and leaves them out of the experiments; {@link
 * #load} refuses the directory naming them all. Missing optional collections are read as empty.
 */
public final class ResultsLoader {

  /**
   * The manifest kinds reports know how to draw: every {@link ResultKind#id()}, in declaration
   * order.
   */
  public static final List<String> KINDS = ResultKind.ids();

  private ResultsLoader() {}

  /**
   * Every usable experiment of a results directory, and every file left out because it cannot be
   * used.
   *
   * @param experiments the experiments whose manifest is usable, sorted by id (their bad trial
   *     files are in {@link LoadedExperiment#bad()} too)
   * @param bad every bad file of the directory, manifests included, in experiment order
   */
  public record LoadedResults(List<LoadedExperiment> experiments, List<BadResultFile> bad) {

    /** Copies the lists. */
    public LoadedResults {
      experiments = List.copyOf(experiments);
      bad = List.copyOf(bad);
    }
  }

  /**
   * Loads every experiment with a manifest under {@code root}, sorted by id.
   *
   * @throws ReportInputException naming every bad file with its fix when there is one, or naming
   *     {@code root} when it holds no experiment
   */
  public static List<LoadedExperiment> load(Path root) {
    LoadedResults results = loadAll(root);
    requireNoBadFiles(results.bad());
    return results.experiments();
  }

  /**
   * Loads every experiment with a manifest under {@code root}, leaving bad files out and listing
   * them.
   *
   * @throws ReportInputException when {@code root} is not a directory or holds no experiment
   */
  public static LoadedResults loadAll(Path root) {
    if (!Files.isDirectory(root)) {
      throw new ReportInputException(
          root,
          "The results directory "
              + root
              + " does not exist or is not a directory. Pass the directory "
              + "the harness wrote (default target/experiment-results), which holds one folder per experiment.",
          null);
    }
    List<ExperimentDirectory> directories = ExperimentDirectory.readAll(root);
    if (directories.isEmpty()) {
      throw new ReportInputException(
          root,
          "The results directory "
              + root
              + " holds no experiment: it should "
              + "hold one folder per experiment, <experiment>/"
              + ResultFiles.MANIFEST
              + " with the plan and <experiment>/"
              + ResultFiles.TRIALS
              + "/<trial>.json with the results, as the harness writes them (by default into "
              + "benchmarks/target/experiment-results). Pass --results with that directory, or run the experiments first.",
          null);
    }
    List<LoadedExperiment> experiments = new ArrayList<>();
    List<BadResultFile> bad = new ArrayList<>();
    for (ExperimentDirectory directory : directories) {
      LoadedExperiment experiment = check(directory);
      if (experiment == null) {
        bad.addAll(directory.bad());
        bad.addAll(manifestProblem(directory));
      } else {
        experiments.add(experiment);
        bad.addAll(experiment.bad());
      }
    }
    return new LoadedResults(experiments, bad);
  }

  /**
   * Loads and checks one experiment directory.
   *
   * @throws ReportInputException naming every bad file of the experiment with its fix
   */
  public static LoadedExperiment loadExperiment(Path directory) {
    if (!Files.isRegularFile(directory.resolve(ResultFiles.MANIFEST))) {
      throw new ReportInputException(
          directory.resolve(ResultFiles.MANIFEST),
          "The result file " + directory.resolve(ResultFiles.MANIFEST) + " does not exist.",
          null);
    }
    ExperimentDirectory read = ExperimentDirectory.read(directory);
    LoadedExperiment experiment = check(read);
    if (experiment == null) {
      List<BadResultFile> bad = new ArrayList<>(read.bad());
      bad.addAll(manifestProblem(read));
      requireNoBadFiles(bad);
    }
    requireNoBadFiles(experiment.bad());
    return experiment;
  }

  /**
   * Throws when {@code bad} is not empty, naming every file with what is wrong and its fix.
   *
   * @throws ReportInputException for the first file, with all of them in the message
   */
  public static void requireNoBadFiles(List<BadResultFile> bad) {
    if (bad.isEmpty()) {
      return;
    }
    throw new ReportInputException(bad.get(0).file(), describe(bad), null);
  }

  /** Returns the message that lists {@code bad}: one line per file with its problem and fix. */
  public static String describe(List<BadResultFile> bad) {
    if (bad.size() == 1) {
      BadResultFile b = bad.get(0);
      return "The result file "
          + b.file()
          + " is corrupt or incomplete: "
          + b.problem()
          + "; "
          + b.fix()
          + ".";
    }
    StringBuilder text = new StringBuilder(bad.size() + " result files are corrupt or incomplete:");
    bad.forEach(b -> text.append("\n  ").append(b));
    return text.toString();
  }

  /**
   * Returns the experiment with its planned trials checked, or null when its manifest is unusable.
   */
  private static LoadedExperiment check(ExperimentDirectory read) {
    if (read.manifest() == null) {
      return null;
    }
    ExperimentManifest manifest;
    try {
      manifest = normalise(read.manifest());
    } catch (Invalid e) {
      return null;
    }
    List<BadResultFile> bad = new ArrayList<>(read.bad());
    List<TrialResult> trials = new ArrayList<>();
    Set<String> accounted = new LinkedHashSet<>();
    for (TrialResult t : read.trials()) {
      Path file = read.directory().resolve(ResultFiles.TRIALS).resolve(t.trialId() + ".json");
      accounted.add(t.trialId());
      try {
        trials.add(checkTrial(manifest, t));
      } catch (Invalid e) {
        bad.add(new BadResultFile(file, e.getMessage(), BadResultFile.RERUN_TRIAL));
      }
    }
    read.bad()
        .forEach(
            b -> accounted.add(b.file().getFileName().toString().replaceFirst("\\.json$", "")));
    bad.sort(java.util.Comparator.comparing(BadResultFile::file));
    List<String> missing =
        manifest.trials().stream()
            .map(PlannedTrial::trialId)
            .filter(id -> !accounted.contains(id))
            .toList();
    List<String> unplanned =
        read.unplanned().stream().map(f -> f.getFileName().toString()).toList();
    return new LoadedExperiment(read.directory(), manifest, trials, missing, unplanned, bad);
  }

  /** Returns the problem of a manifest that reads but that reports cannot use, if any. */
  private static List<BadResultFile> manifestProblem(ExperimentDirectory read) {
    if (read.manifest() == null) {
      return List.of();
    }
    try {
      normalise(read.manifest());
      return List.of();
    } catch (Invalid e) {
      return List.of(
          new BadResultFile(
              read.directory().resolve(ResultFiles.MANIFEST),
              e.getMessage(),
              BadResultFile.REWRITE_MANIFEST));
    }
  }

  /** A file's content cannot be used; the message is the problem in words. */
  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String problem) {
      super(problem, null, false, false);
    }
  }

  private static ExperimentManifest normalise(ExperimentManifest m) {
    require(
        m.experiment() != null && !m.experiment().isBlank(), "the field 'experiment' is missing");
    require(m.kind() != null, "the field 'kind' is missing (one of " + KINDS + ")");
    require(
        ResultKind.fromId(m.kind()).isPresent(),
        "the kind '" + m.kind() + "' is not one of " + KINDS);
    require(m.trials() != null, "the field 'trials' (the planned trials) is missing");
    for (PlannedTrial t : m.trials()) {
      require(
          t != null && t.trialId() != null && t.parameters() != null,
          "a planned trial lacks its 'trialId' or 'parameters'");
    }
    return new ExperimentManifest(
        m.schemaVersion(),
        m.experiment(),
        m.className(),
        orEmpty(m.title()),
        orEmpty(m.description()),
        m.kind(),
        orEmpty(m.scale()),
        orEmpty(m.workload()),
        m.metrics() == null ? List.of() : m.metrics(),
        m.allowedDifferences() == null ? List.of() : m.allowedDifferences(),
        m.trials(),
        m.paperValues() == null ? List.of() : m.paperValues(),
        m.claims());
  }

  private static TrialResult checkTrial(ExperimentManifest manifest, TrialResult t) {
    List<EpochRecord> epochs = t.epochs() == null ? List.of() : t.epochs();
    Map<String, Double> metrics = t.metrics() == null ? Map.of() : nonNullValues(t.metrics());
    Map<String, Series> series = t.series() == null ? Map.of() : t.series();
    boolean completed = t.status() == io.github.trustregion.framework.result.TrialStatus.COMPLETED;
    ResultKind kind = ResultKind.fromId(manifest.kind()).orElseThrow();
    if (completed && kind.hasEpochs()) {
      require(!epochs.isEmpty(), "it is a COMPLETED " + manifest.kind() + " trial with no epochs");
    }
    if (completed && kind == ResultKind.SUBPROBLEM) {
      require(
          !series.isEmpty() || !metrics.isEmpty(),
          "it is a COMPLETED subproblem trial with neither series nor metrics");
    }
    if (completed && kind == ResultKind.LANDSCAPE) {
      require(
          !epochs.isEmpty() || !series.isEmpty(),
          "it is a COMPLETED landscape trial with neither epochs (a training trial) nor series (an interpolation)");
    }
    for (int i = 0; i < epochs.size(); i++) {
      EpochRecord e = epochs.get(i);
      require(e != null, "epoch entry " + i + " is null");
      if (completed) {
        require(
            unit(e.trainAccuracy()) && unit(e.testAccuracy()),
            "epoch "
                + e.epoch()
                + " of a COMPLETED trial has an accuracy outside [0, 1] or not finite ("
                + e.trainAccuracy()
                + ", "
                + e.testAccuracy()
                + "); a NaN loss makes a trial DIVERGED");
      }
    }
    return new TrialResult(
        t.schemaVersion(),
        t.trialId(),
        t.experiment(),
        t.status(),
        orEmpty(t.message()),
        t.parameters(),
        t.methodSettings() == null ? Map.of() : t.methodSettings(),
        epochs,
        metrics,
        series,
        t.wallSeconds(),
        t.environment() == null ? Map.of() : t.environment(),
        t.declaredSettings());
  }

  private static Map<String, Double> nonNullValues(Map<String, Double> metrics) {
    Map<String, Double> copy = new LinkedHashMap<>();
    metrics.forEach(
        (k, v) -> {
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

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new Invalid(problem);
    }
  }

  /** Returns a map of trial id to planned parameters, for listing missing trials. */
  public static Map<String, Map<String, String>> plannedParameters(ExperimentManifest manifest) {
    Map<String, Map<String, String>> out = new HashMap<>();
    manifest.trials().forEach(t -> out.put(t.trialId(), t.parameters()));
    return out;
  }
}
