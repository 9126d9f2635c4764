package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.ResultKind;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.fit.IterationCountFit;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.SampleSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * The tables of one experiment kind: the E1 fits of the iterations to reach the sphere, the E5
 * stage table, the E4 distances between solutions.
 */
public final class KindTables {

  private KindTables() {}

  /**
   * Returns the E1 fits of T(λ) = log(1 + c₁λ)/log(1 + c₂λ), one per method and setting without λ;
   * a row with NaN and a note where fewer than 3 distinct λ have an iteration count. Empty for
   * other kinds.
   */
  public static List<FitRow> fits(LoadedExperiment experiment, List<TrialGroup> groups) {
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
        double iterations = Analyzer.iterationsToBoundary(t);
        if (Double.isFinite(lambda) && lambda > 0 && Double.isFinite(iterations)) {
          points.computeIfAbsent(key, k -> new ArrayList<>()).add(List.of(lambda, iterations));
        }
      }
    }
    List<FitRow> out = new ArrayList<>();
    labels.forEach(
        (key, label) -> {
          List<List<Double>> p = points.getOrDefault(key, List.of());
          double[] l = p.stream().mapToDouble(x -> x.get(0)).toArray();
          double[] it = p.stream().mapToDouble(x -> x.get(1)).toArray();
          if (Arrays.stream(l).distinct().count() < 3) {
            out.add(
                new FitRow(
                    label[0],
                    label[1],
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    p,
                    "fewer than 3 distinct λ with an iteration count; no fit"));
          } else {
            IterationCountFit.Fit fit = IterationCountFit.fit(l, it);
            out.add(new FitRow(label[0], label[1], fit.c1(), fit.c2(), fit.rmse(), p, ""));
          }
        });
    return out;
  }

  /**
   * Returns the E5 stage table: per group and stage, the stage's metric over the completed trials,
   * with the active methods and epoch count of the group's first completed trial. Empty for other
   * kinds.
   */
  public static List<StageRow> stages(LoadedExperiment experiment, List<TrialGroup> groups) {
    if (experiment.resultKind() != ResultKind.TRACKS) {
      return List.of();
    }
    List<StageRow> out = new ArrayList<>();
    for (TrialGroup g : groups) {
      TrialResult first = g.completed().isEmpty() ? null : g.completed().get(0);
      for (String metric : Analyzer.stageMetrics(experiment)) {
        Matcher m = Analyzer.STAGE_METRIC.matcher(metric);
        m.matches();
        int stage = Integer.parseInt(m.group(1));
        double[] values = g.values(metric);
        if (values.length == 0 && (first == null || stageEpochs(first, stage).isEmpty())) {
          continue;
        }
        SampleSummary s = SampleSummary.of(values);
        List<EpochRecord> epochs = first == null ? List.of() : stageEpochs(first, stage);
        String active =
            epochs.stream()
                .map(EpochRecord::activeMethod)
                .distinct()
                .reduce((x, y) -> x + "/" + y)
                .orElse("?");
        Optional<PaperValue> paper =
            PaperValues.paperFor(experiment, g.setting(), g.method(), metric);
        out.add(
            new StageRow(
                g.settingLabel(),
                g.method(),
                stage,
                active,
                epochs.size(),
                s.n(),
                s.mean(),
                s.sd(),
                paper.map(PaperValue::value).orElse(null),
                paper.map(PaperValue::source).orElse(null)));
      }
    }
    return out;
  }

  /** Returns the epochs of a 1-based stage (epoch records number stages from 0). */
  static List<EpochRecord> stageEpochs(TrialResult t, int stage) {
    return t.epochs().stream().filter(e -> e.stage() == stage - 1).toList();
  }

  /**
   * Returns the E4 distances: per group with a distance or an interpolation series, n, mean and sd
   * of the distance.
   */
  public static List<LandscapeRow> landscape(List<TrialGroup> groups) {
    List<LandscapeRow> out = new ArrayList<>();
    for (TrialGroup g : groups) {
      double[] d = g.values(Analyzer.DISTANCE);
      boolean interpolation =
          g.completed().stream().anyMatch(t -> Analyzer.interpolationSeries(t).isPresent());
      if (d.length == 0 && !interpolation) {
        continue;
      }
      SampleSummary s = SampleSummary.of(d);
      out.add(new LandscapeRow(g.settingLabel(), g.method(), s.n(), s.mean(), s.sd()));
    }
    return out;
  }
}
