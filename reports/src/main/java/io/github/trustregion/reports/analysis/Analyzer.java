package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.MethodSettingNames;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.ResultKind;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.fit.IterationCountFit;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.load.ResultsLoader;
import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.Comparisons;
import io.github.trustregion.reports.stats.SampleSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes an {@link ExperimentSummary} from a loaded experiment (conventions in the package
 * documentation).
 *
 * <p>Comparisons: for every compared metric and every setting, every pair of methods with at
 * least one value each is compared (a method named SGD is always the second, baseline, group, so
 * differences read "method − SGD"); Holm's correction runs over all comparisons of the
 * experiment together. Diverged and failed trials are excluded from the numbers and listed.
 */
public final class Analyzer {

  /** The metric that E1 trials report for the iterations needed to reach the sphere. */
  public static final String ITERATIONS_TO_BOUNDARY = MetricKeys.ITERATIONS_TO_BOUNDARY;

  /** The series of E1 trials: columns iteration, gap, phase. */
  public static final String GAP_SERIES = "gap";

  /** The metric of E4 interpolation trials: ‖w_A − w_B‖. */
  public static final String DISTANCE = MetricKeys.DISTANCE;

  private static final Pattern STAGE_METRIC = Pattern.compile("stage(\\d+)\\.testAccuracy");

  private final Comparisons comparisons;

  /** Creates an analyzer whose comparisons use the given settings. */
  public Analyzer(ComparisonSettings settings) {
    this.comparisons = new Comparisons(settings);
  }

  /** Analyses one experiment. */
  public ExperimentSummary analyze(LoadedExperiment experiment) {
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
        manifest.experiment(), manifest.title(), manifest.description(), manifest.kind(), manifest.scale(),
        manifest.workload(), manifest.trials().size(), experiment.completed().size(),
        experiment.withStatus(TrialStatus.DIVERGED).size(), experiment.withStatus(TrialStatus.FAILED).size(),
        experiment.missing().size(), problems(experiment), compared, stats,
        comparisons(groups, compared), cost(groups), settingDifferences(experiment),
        paperValues(experiment), fits(experiment, groups), stages(experiment, groups), landscape(groups),
        batchDrops(experiment, groups, compared));
  }

  /**
   * Each method's drop from its smallest to its largest batch size per metric: a Welch comparison
   * of the two batch sizes' values, Holm-adjusted over all rows of this table as one family (a
   * question separate from the method comparisons), with the paper's drop where the manifest
   * declares the paper's value for the method at both batch sizes.
   */
  private List<BatchDropRow> batchDrops(LoadedExperiment experiment, List<TrialGroup> groups, List<String> metrics) {
    Map<String, List<TrialGroup>> byMethod = new LinkedHashMap<>();
    for (TrialGroup g : groups) {
      String batch = g.setting().get("batchSize");
      if (batch == null || !batch.matches("\\d+")) {
        continue;
      }
      Map<String, String> rest = new TreeMap<>(g.setting());
      rest.remove("batchSize");
      byMethod.computeIfAbsent(g.method() + "\u0000" + TrialKeys.settingLabel(rest), k -> new ArrayList<>()).add(g);
    }
    List<BatchDropRow> unadjusted = new ArrayList<>();
    for (String metric : metrics) {
      for (var entry : byMethod.entrySet()) {
        List<TrialGroup> withValues = entry.getValue().stream().filter(g -> g.values(metric).length > 0)
            .sorted(java.util.Comparator.comparingInt(g -> Integer.parseInt(g.setting().get("batchSize")))).toList();
        if (withValues.size() < 2) {
          continue;
        }
        TrialGroup small = withValues.get(0);
        TrialGroup large = withValues.get(withValues.size() - 1);
        int b0 = Integer.parseInt(small.setting().get("batchSize"));
        int b1 = Integer.parseInt(large.setting().get("batchSize"));
        Comparison c = comparisons.compare("B=" + b0, small.values(metric), "B=" + b1, large.values(metric));
        Optional<PaperValue> paperSmall = paperFor(experiment, small.setting(), small.method(), metric);
        Optional<PaperValue> paperLarge = paperFor(experiment, large.setting(), large.method(), metric);
        boolean paper = paperSmall.isPresent() && paperLarge.isPresent();
        unadjusted.add(new BatchDropRow(metric, small.method(),
            entry.getKey().substring(entry.getKey().indexOf('\u0000') + 1), b0, b1, c,
            paper ? paperSmall.get().value() - paperLarge.get().value() : null,
            paper ? paperSmall.get().source() : null));
      }
    }
    List<Comparison> adjusted = Comparisons.holm(unadjusted.stream().map(BatchDropRow::comparison).toList());
    List<BatchDropRow> out = new ArrayList<>(unadjusted.size());
    for (int i = 0; i < unadjusted.size(); i++) {
      BatchDropRow r = unadjusted.get(i);
      out.add(new BatchDropRow(r.metric(), r.method(), r.setting(), r.smallBatch(), r.largeBatch(), adjusted.get(i),
          r.paperDrop(), r.paperSource()));
    }
    return out;
  }

  /** The metrics compared between methods: the manifest's, else defaults by kind. */
  static List<String> comparedMetrics(LoadedExperiment experiment) {
    if (!experiment.manifest().metrics().isEmpty()) {
      return experiment.manifest().metrics();
    }
    return switch (experiment.resultKind()) {
      case SUBPROBLEM -> List.of(ITERATIONS_TO_BOUNDARY);
      case TRACKS -> stageMetrics(experiment);
      default -> MetricKeys.DEFAULT_COMPARED;
    };
  }

  private static List<String> extraMetrics(LoadedExperiment experiment) {
    return switch (experiment.resultKind()) {
      case TRACKS -> stageMetrics(experiment);
      case LANDSCAPE -> List.of(DISTANCE);
      case SUBPROBLEM -> List.of(ITERATIONS_TO_BOUNDARY);
      default -> List.of();
    };
  }

  private static List<String> stageMetrics(LoadedExperiment experiment) {
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
    List<String> ids = g.completed().stream().filter(t -> TrialKeys.metric(t, metric).isPresent())
        .map(TrialResult::trialId).toList();
    Optional<PaperValue> paper = paperFor(experiment, g.setting(), g.method(), metric);
    return new GroupStat(g.settingLabel(), g.setting(), g.method(), metric, s.n(), s.mean(), s.sd(),
        Arrays.stream(values).min().orElse(Double.NaN), Arrays.stream(values).max().orElse(Double.NaN),
        ids, g.lacking(metric), g.excluded().stream().map(TrialResult::trialId).toList(),
        paper.map(PaperValue::value).orElse(null), paper.map(PaperValue::source).orElse(null));
  }

  private static Optional<PaperValue> paperFor(
      LoadedExperiment experiment, Map<String, String> setting, String method, String metric) {
    Map<String, String> parameters = TrialKeys.withMethod(setting, method);
    return experiment.manifest().paperValues().stream()
        .filter(p -> p.metric().equals(metric) && p.setting() != null && TrialKeys.matches(p.setting(), parameters))
        .findFirst();
  }

  private List<ComparisonRow> comparisons(List<TrialGroup> groups, List<String> metrics) {
    List<String> metricOfRow = new ArrayList<>();
    List<String> settingOfRow = new ArrayList<>();
    List<Comparison> family = new ArrayList<>();
    Map<String, List<TrialGroup>> bySetting = new LinkedHashMap<>();
    groups.forEach(g -> bySetting.computeIfAbsent(g.settingLabel(), k -> new ArrayList<>()).add(g));
    for (String metric : metrics) {
      for (var entry : bySetting.entrySet()) {
        List<TrialGroup> methods = entry.getValue();
        for (int i = 0; i < methods.size(); i++) {
          for (int j = i + 1; j < methods.size(); j++) {
            TrialGroup a = methods.get(i);
            TrialGroup b = methods.get(j);
            if (a.method().equalsIgnoreCase("SGD")) {
              TrialGroup swap = a;
              a = b;
              b = swap;
            }
            double[] va = a.values(metric);
            double[] vb = b.values(metric);
            if (va.length == 0 || vb.length == 0) {
              continue;
            }
            family.add(comparisons.compare(a.method(), va, b.method(), vb));
            metricOfRow.add(metric);
            settingOfRow.add(entry.getKey());
          }
        }
      }
    }
    List<Comparison> adjusted = Comparisons.holm(family);
    List<ComparisonRow> rows = new ArrayList<>();
    for (int i = 0; i < adjusted.size(); i++) {
      rows.add(new ComparisonRow(metricOfRow.get(i), settingOfRow.get(i), adjusted.get(i)));
    }
    return rows;
  }

  private static List<CostRow> cost(List<TrialGroup> groups) {
    List<CostRow> rows = new ArrayList<>();
    for (TrialGroup g : groups) {
      List<TrialResult> done = g.completed().stream().filter(t -> !t.epochs().isEmpty()).toList();
      if (done.isEmpty()) {
        continue;
      }
      double[] wall = done.stream().mapToDouble(TrialResult::wallSeconds).toArray();
      SampleSummary w = SampleSummary.of(wall);
      long steps = 0;
      long rejections = 0;
      long boundary = 0;
      long hard = 0;
      double rhoWeighted = 0;
      long rhoSteps = 0;
      double finalRadius = 0;
      int radiusTrials = 0;
      Map<String, Integer> switches = new LinkedHashMap<>();
      for (TrialResult t : done) {
        TrustRegionSummary lastTr = null;
        String previous = null;
        for (EpochRecord e : t.epochs()) {
          TrustRegionSummary tr = e.trustRegion();
          if (tr != null) {
            steps += tr.steps();
            rejections += tr.rejections();
            boundary += tr.boundarySteps();
            hard += tr.hardCases();
            if (Double.isFinite(tr.meanRho()) && tr.steps() > 0) {
              rhoWeighted += tr.meanRho() * tr.steps();
              rhoSteps += tr.steps();
            }
            lastTr = tr;
          }
          if (previous != null && e.activeMethod() != null && !previous.equals(e.activeMethod())) {
            switches.merge(previous + "→" + e.activeMethod() + " after epoch " + (e.epoch() - 1), 1, Integer::sum);
          }
          previous = e.activeMethod();
        }
        if (lastTr != null && Double.isFinite(lastTr.finalRadius())) {
          finalRadius += lastTr.finalRadius();
          radiusTrials++;
        }
      }
      List<String> switchList = new ArrayList<>();
      switches.forEach((k, v) -> switchList.add(k + " (" + v + " of " + done.size() + " trials)"));
      rows.add(new CostRow(g.settingLabel(), g.method(), done.size(), w.mean(), w.sd(),
          mean(done, t -> t.epochs().size()),
          mean(done, t -> last(t).wallSeconds() / t.epochs().size()), Double.NaN,
          mean(done, t -> last(t).gradientEvaluations()),
          mean(done, t -> last(t).hessianVectorProducts()),
          mean(done, t -> last(t).functionEvaluations()),
          steps, rejections, steps > 0 ? rejections / (double) steps : Double.NaN,
          steps > 0 ? boundary / (double) steps : Double.NaN, hard,
          rhoSteps > 0 ? rhoWeighted / rhoSteps : Double.NaN,
          radiusTrials > 0 ? finalRadius / radiusTrials : Double.NaN, switchList));
    }
    Map<String, Double> sgd = new LinkedHashMap<>();
    rows.stream().filter(r -> r.method().equalsIgnoreCase("SGD"))
        .forEach(r -> sgd.put(r.setting(), r.trainingSecondsPerEpoch()));
    return rows.stream().map(r -> new CostRow(r.setting(), r.method(), r.n(), r.wallSeconds(), r.wallSecondsSd(),
        r.epochs(), r.trainingSecondsPerEpoch(), r.trainingSecondsPerEpoch() / sgd.getOrDefault(r.setting(), Double.NaN),
        r.gradientEvaluations(), r.hessianVectorProducts(), r.functionEvaluations(), r.trSteps(), r.trRejections(),
        r.rejectionRate(), r.boundaryFraction(), r.hardCases(), r.meanRho(), r.finalRadius(), r.methodSwitches()))
        .toList();
  }

  private static EpochRecord last(TrialResult t) {
    return t.epochs().get(t.epochs().size() - 1);
  }

  private static double mean(List<TrialResult> trials, java.util.function.ToDoubleFunction<TrialResult> f) {
    return trials.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static List<TrialProblem> problems(LoadedExperiment experiment) {
    List<TrialProblem> out = new ArrayList<>();
    for (TrialResult t : experiment.trials()) {
      if (t.status() != TrialStatus.COMPLETED) {
        out.add(new TrialProblem(t.trialId(), t.status().name(), t.message(), t.parameters()));
      }
    }
    Map<String, Map<String, String>> planned = ResultsLoader.plannedParameters(experiment.manifest());
    for (String id : experiment.missing()) {
      out.add(new TrialProblem(id, "MISSING", "planned in the manifest but no result file exists", planned.get(id)));
    }
    for (BadResultFile bad : experiment.bad()) {
      out.add(new TrialProblem(bad.file().getFileName().toString(), "BAD FILE", bad.problem() + "; " + bad.fix(),
          Map.of()));
    }
    for (String file : experiment.unplanned()) {
      out.add(new TrialProblem(file, "UNPLANNED", "a trial file the manifest does not plan (left from an earlier "
          + "plan, such as one with more repeats); excluded from every number of this report", Map.of()));
    }
    return out;
  }

  private static List<SettingDifference> settingDifferences(LoadedExperiment experiment) {
    Map<String, Map<String, Set<String>>> byName = new TreeMap<>();
    Set<String> methods = new LinkedHashSet<>();
    Set<String> labels = new java.util.HashSet<>();
    boolean declaredNames = comparesDeclaredSettings(experiment.trials());
    for (TrialResult t : experiment.trials()) {
      comparedSettings(t, declaredNames).keySet()
          .forEach(m -> labels.add(m.toLowerCase(java.util.Locale.ROOT)));
    }
    Map<String, Set<String>> rawNames = new java.util.HashMap<>();
    for (TrialResult t : experiment.trials()) {
      comparedSettings(t, declaredNames).forEach((method, settings) -> {
        methods.add(method);
        if (settings != null) {
          settings.forEach((name, value) -> {
            String comparable = MethodSettingNames.comparable(name, labels);
            rawNames.computeIfAbsent(comparable, k -> new java.util.HashSet<>()).add(name);
            byName.computeIfAbsent(comparable, k -> new LinkedHashMap<>())
                .computeIfAbsent(method, k -> new TreeSet<>()).add(settingValue(String.valueOf(value)));
          });
        }
      });
    }
    Set<String> declared = new java.util.HashSet<>(experiment.manifest().allowedDifferences());
    List<SettingDifference> out = new ArrayList<>();
    // declared under its own name or under any prefixed name that maps to it (sgd.learningRate)
    byName.forEach((name, values) -> out.add(difference(name, name, values, methods,
        rawNames.get(name).stream().anyMatch(declared::contains) ? Set.of(name) : declared)));
    Set<String> allowed = declared;
    // Trial parameters (batch size, weight decay, epochs, …) per method label: a value one method
    // never shares with another puts them in different settings, so they are never compared.
    Set<String> ids = new java.util.HashSet<>(experiment.manifest().trialsById().keySet());
    experiment.trials().forEach(t -> ids.add(t.trialId()));
    Map<String, Map<String, Set<String>>> byParameter = new TreeMap<>();
    Set<String> labels2 = new LinkedHashSet<>();
    for (var planned : experiment.manifest().trials()) {
      String method = TrialKeys.method(planned.parameters());
      labels2.add(method);
      TrialKeys.setting(planned.parameters(), ids).forEach((key, value) -> {
        if (!key.equals("scale")) {
          byParameter.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(method, k -> new TreeSet<>())
              .add(value);
        }
      });
    }
    byParameter.forEach((key, values) -> out.add(difference(key + " (trial parameter)", key, values, labels2, allowed)));
    return out;
  }

  /**
   * Returns whether the trials' declared settings are compared (the names that
   * {@code @AllowedDifferences} uses): when some trial records them and every trial with method
   * settings does; else, for results written before they were recorded, the methods' own settings.
   */
  private static boolean comparesDeclaredSettings(List<TrialResult> trials) {
    return trials.stream().anyMatch(t -> !t.declaredSettings().isEmpty())
        && trials.stream().allMatch(t -> t.methodSettings().isEmpty() || !t.declaredSettings().isEmpty());
  }

  private static Map<String, Map<String, String>> comparedSettings(TrialResult t, boolean declared) {
    return declared ? t.declaredSettings() : t.methodSettings();
  }

  private static SettingDifference difference(String shown, String name, Map<String, Set<String>> values,
      Set<String> methods, Set<String> allowed) {
    Map<String, List<String>> perMethod = new LinkedHashMap<>();
    for (String m : methods) {
      if (values.containsKey(m)) {
        perMethod.put(m, List.copyOf(values.get(m)));
      }
    }
    String status;
    boolean flagged = false;
    if (perMethod.size() < 2) {
      status = methods.size() < 2 ? "same" : "method-specific";
    } else if (new LinkedHashSet<>(perMethod.values()).size() == 1) {
      status = "same";
    } else if (allowed.contains(name)) {
      status = "differs (declared)";
    } else {
      status = "differs (NOT declared)";
      flagged = true;
    }
    return new SettingDifference(shown, perMethod, status, flagged);
  }

  /** Returns a setting's comparable value: a Java identity string {@code Type@1a2b3c} loses its hash. */
  static String settingValue(String value) {
    return value.replaceFirst("^([\\w.$]+)@[0-9a-f]{4,}$", "$1");
  }

  private static List<PaperComparison> paperValues(LoadedExperiment experiment) {
    List<PaperComparison> out = new ArrayList<>();
    for (PaperValue p : experiment.manifest().paperValues()) {
      Map<String, String> setting = p.setting() == null ? Map.of() : p.setting();
      double[] ours = experiment.completed().stream()
          .filter(t -> TrialKeys.matches(setting, TrialKeys.withMethod(t.parameters(), TrialKeys.method(t.parameters()))))
          .map(t -> TrialKeys.metric(t, p.metric())).filter(OptionalDouble::isPresent)
          .mapToDouble(OptionalDouble::getAsDouble).toArray();
      SampleSummary s = SampleSummary.of(ours);
      out.add(new PaperComparison(setting, p.metric(), p.value(), p.source(), p.paperSetting(), s.n(), s.mean(), s.sd()));
    }
    return out;
  }

  private static List<FitRow> fits(LoadedExperiment experiment, List<TrialGroup> groups) {
    if (experiment.resultKind() != ResultKind.SUBPROBLEM) {
      return List.of();
    }
    Map<String, List<List<Double>>> points = new LinkedHashMap<>();
    Map<String, String[]> labels = new LinkedHashMap<>();
    for (TrialGroup g : groups) {
      Map<String, String> rest = new TreeMap<>(g.setting());
      rest.remove("lambda");
      String key = g.method() + " | " + TrialKeys.settingLabel(rest);
      labels.putIfAbsent(key, new String[] {g.method(), TrialKeys.settingLabel(rest)});
      for (TrialResult t : g.completed()) {
        double lambda = TrialKeys.number(t, "lambda");
        double iterations = iterationsToBoundary(t);
        if (Double.isFinite(lambda) && lambda > 0 && Double.isFinite(iterations)) {
          points.computeIfAbsent(key, k -> new ArrayList<>()).add(List.of(lambda, iterations));
        }
      }
    }
    List<FitRow> out = new ArrayList<>();
    labels.forEach((key, label) -> {
      List<List<Double>> p = points.getOrDefault(key, List.of());
      double[] l = p.stream().mapToDouble(x -> x.get(0)).toArray();
      double[] it = p.stream().mapToDouble(x -> x.get(1)).toArray();
      if (Arrays.stream(l).distinct().count() < 3) {
        out.add(new FitRow(label[0], label[1], Double.NaN, Double.NaN, Double.NaN, p,
            "fewer than 3 distinct λ with an iteration count; no fit"));
      } else {
        IterationCountFit.Fit fit = IterationCountFit.fit(l, it);
        out.add(new FitRow(label[0], label[1], fit.c1(), fit.c2(), fit.rmse(), p, ""));
      }
    });
    return out;
  }

  /** Returns the E1 iterations to the sphere: the metric, else the first phase-2 iteration of the gap series. */
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

  private static List<StageRow> stages(LoadedExperiment experiment, List<TrialGroup> groups) {
    if (experiment.resultKind() != ResultKind.TRACKS) {
      return List.of();
    }
    List<StageRow> out = new ArrayList<>();
    for (TrialGroup g : groups) {
      TrialResult first = g.completed().isEmpty() ? null : g.completed().get(0);
      for (String metric : stageMetrics(experiment)) {
        Matcher m = STAGE_METRIC.matcher(metric);
        m.matches();
        int stage = Integer.parseInt(m.group(1));
        double[] values = g.values(metric);
        if (values.length == 0 && (first == null || stageEpochs(first, stage).isEmpty())) {
          continue;
        }
        SampleSummary s = SampleSummary.of(values);
        List<EpochRecord> epochs = first == null ? List.of() : stageEpochs(first, stage);
        String active = epochs.stream().map(EpochRecord::activeMethod).distinct()
            .reduce((x, y) -> x + "/" + y).orElse("?");
        Optional<PaperValue> paper = paperFor(experiment, g.setting(), g.method(), metric);
        out.add(new StageRow(g.settingLabel(), g.method(), stage, active, epochs.size(), s.n(), s.mean(), s.sd(),
            paper.map(PaperValue::value).orElse(null), paper.map(PaperValue::source).orElse(null)));
      }
    }
    return out;
  }

  /** Returns the epochs of a 1-based stage (epoch records number stages from 0). */
  static List<EpochRecord> stageEpochs(TrialResult t, int stage) {
    return t.epochs().stream().filter(e -> e.stage() == stage - 1).toList();
  }

  private static List<LandscapeRow> landscape(List<TrialGroup> groups) {
    List<LandscapeRow> out = new ArrayList<>();
    for (TrialGroup g : groups) {
      double[] d = g.values(DISTANCE);
      boolean interpolation = g.completed().stream().anyMatch(t -> interpolationSeries(t).isPresent());
      if (d.length == 0 && !interpolation) {
        continue;
      }
      SampleSummary s = SampleSummary.of(d);
      out.add(new LandscapeRow(g.settingLabel(), g.method(), s.n(), s.mean(), s.sd()));
    }
    return out;
  }

  /** Returns an E4 trial's interpolation series: "interpolation", else any series with an alpha column. */
  public static Optional<Series> interpolationSeries(TrialResult t) {
    Series named = t.series().get("interpolation");
    if (named != null && named.columns().contains("alpha")) {
      return Optional.of(named);
    }
    return t.series().values().stream().filter(s -> s.columns().contains("alpha")).findFirst();
  }
}
