package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.load.ResultsLoader;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.Comparisons;
import io.github.trustregion.reports.stats.SampleSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes an {@link ExperimentSummary} from a loaded experiment (conventions in the package
 * documentation): the trial counts and problems, the metrics per method and setting, and the tables
 * of {@link MethodComparisons}, {@link BatchDrops}, {@link CostTable}, {@link SettingDifferences},
 * {@link PaperValues} and {@link KindTables}. Diverged and failed trials are excluded from the
 * numbers and listed. Tuning trials count as trials but enter only the {@link TuningTable}.
 */
public final class Analyzer {

  /** The metric that E1 trials report for the iterations needed to reach the sphere. */
  public static final String ITERATIONS_TO_BOUNDARY = "iterationsToBoundary";

  /** The series of E1 trials: columns iteration, gap, phase. */
  public static final String GAP_SERIES = "gap";

  /** The metric of E4 interpolation trials: ‖w_A − w_B‖. */
  public static final String DISTANCE = "distance";

  static final Pattern STAGE_METRIC = Pattern.compile("stage(\\d+)\\.testAccuracy");

  private final MethodComparisons methodComparisons;
  private final BatchDrops batchDrops;

  /** Creates an analyzer whose comparisons use the given settings. */
  public Analyzer(ComparisonSettings settings) {
    Comparisons comparisons = new Comparisons(settings);
    this.methodComparisons = new MethodComparisons(comparisons);
    this.batchDrops = new BatchDrops(comparisons);
  }

  /** Analyses one experiment. */
  public ExperimentSummary analyze(LoadedExperiment all) {
    LoadedExperiment experiment = TuningTable.withoutTuningTrials(all);
    List<TrialGroup> groups = TrialGroup.of(experiment);
    List<String> compared = comparedMetrics(experiment);
    List<String> described = new ArrayList<>(compared);
    for (String extra : extraMetrics(experiment)) {
      if (!described.contains(extra)) {
        described.add(extra);
      }
    }
    List<GroupStat> stats = new ArrayList<>();
    for (String metric : described) {
      for (TrialGroup g : groups) {
        stats.add(groupStat(experiment, g, metric));
      }
    }
    var manifest = experiment.manifest();
    return new ExperimentSummary(
        manifest.experiment(),
        manifest.title(),
        manifest.description(),
        manifest.kind(),
        manifest.scale(),
        manifest.workload(),
        all.manifest().trials().size(),
        all.completed().size(),
        all.withStatus(TrialStatus.DIVERGED).size(),
        all.withStatus(TrialStatus.FAILED).size(),
        all.missing().size(),
        problems(all),
        compared,
        stats,
        methodComparisons.rows(groups, compared),
        CostTable.rows(groups),
        SettingDifferences.rows(experiment),
        PaperValues.table(experiment),
        KindTables.fits(experiment, groups),
        KindTables.stages(experiment, groups),
        KindTables.landscape(groups),
        batchDrops.rows(experiment, groups, compared),
        TuningTable.rows(all));
  }

  /** The metrics compared between methods: the manifest's, else defaults by kind. */
  static List<String> comparedMetrics(LoadedExperiment experiment) {
    if (!experiment.manifest().metrics().isEmpty()) {
      return experiment.manifest().metrics();
    }
    return switch (experiment.resultKind()) {
      case SUBPROBLEM -> List.of(ITERATIONS_TO_BOUNDARY);
      case TRACKS -> stageMetrics(experiment);
      case TRAINING, LANDSCAPE -> MetricKeys.DEFAULT_COMPARED;
    };
  }

  private static List<String> extraMetrics(LoadedExperiment experiment) {
    return switch (experiment.resultKind()) {
      case TRACKS -> stageMetrics(experiment);
      case LANDSCAPE -> List.of(DISTANCE);
      case SUBPROBLEM -> List.of(ITERATIONS_TO_BOUNDARY);
      case TRAINING -> List.of();
    };
  }

  static List<String> stageMetrics(LoadedExperiment experiment) {
    TreeMap<Integer, String> keys = new TreeMap<>();
    for (TrialResult t : experiment.trials()) {
      for (String k : t.metrics().keySet()) {
        Matcher m = STAGE_METRIC.matcher(k);
        if (m.matches()) {
          keys.put(Integer.parseInt(m.group(1)), k);
        }
      }
    }
    return new ArrayList<>(keys.values());
  }

  private GroupStat groupStat(LoadedExperiment experiment, TrialGroup g, String metric) {
    double[] values = g.values(metric);
    SampleSummary s = SampleSummary.of(values);
    List<String> ids =
        g.completed().stream()
            .filter(t -> TrialKeys.metric(t, metric).isPresent())
            .map(TrialResult::trialId)
            .toList();
    Optional<PaperValue> paper = PaperValues.paperFor(experiment, g.setting(), g.method(), metric);
    return new GroupStat(
        g.settingLabel(),
        g.setting(),
        g.method(),
        metric,
        s.n(),
        s.mean(),
        s.sd(),
        Arrays.stream(values).min().orElse(Double.NaN),
        Arrays.stream(values).max().orElse(Double.NaN),
        ids,
        g.lacking(metric),
        g.excluded().stream().map(TrialResult::trialId).toList(),
        paper.map(PaperValue::value).orElse(null),
        paper.map(PaperValue::source).orElse(null));
  }

  private static List<TrialProblem> problems(LoadedExperiment experiment) {
    List<TrialProblem> out = new ArrayList<>();
    for (TrialResult t : experiment.trials()) {
      if (t.status() != TrialStatus.COMPLETED) {
        out.add(new TrialProblem(t.trialId(), t.status().name(), t.message(), t.parameters()));
      }
    }
    Map<String, Map<String, String>> planned =
        ResultsLoader.plannedParameters(experiment.manifest());
    for (String id : experiment.missing()) {
      out.add(
          new TrialProblem(
              id, "MISSING", "planned in the manifest but no result file exists", planned.get(id)));
    }
    for (BadResultFile bad : experiment.bad()) {
      out.add(
          new TrialProblem(
              bad.file().getFileName().toString(),
              "BAD FILE",
              bad.problem() + "; " + bad.fix(),
              Map.of()));
    }
    for (String file : experiment.unplanned()) {
      out.add(
          new TrialProblem(
              file,
              "UNPLANNED",
              "a trial file the manifest does not plan (left from an earlier "
                  + "plan, such as one with more repeats); excluded from every number of this report",
              Map.of()));
    }
    return out;
  }

  /**
   * Returns the E1 iterations to the sphere: the metric, else the first phase-2 iteration of the
   * gap series.
   */
  public static double iterationsToBoundary(TrialResult t) {
    Double stored = t.metrics().get(ITERATIONS_TO_BOUNDARY);
    if (stored != null) {
      return stored;
    }
    Series gap = t.series().get(GAP_SERIES);
    if (gap != null && gap.columns().contains("phase") && gap.columns().contains("iteration")) {
      List<Double> phase = gap.column("phase");
      List<Double> iteration = gap.column("iteration");
      for (int i = 0; i < phase.size(); i++) {
        if (phase.get(i) >= 2) {
          return iteration.get(i);
        }
      }
    }
    return Double.NaN;
  }

  /**
   * Returns an E4 trial's interpolation series: "interpolation", else any series with an alpha
   * column.
   */
  public static Optional<Series> interpolationSeries(TrialResult t) {
    Series named = t.series().get("interpolation");
    if (named != null && named.columns().contains("alpha")) {
      return Optional.of(named);
    }
    return t.series().values().stream().filter(s -> s.columns().contains("alpha")).findFirst();
  }
}
