package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TuningChoice;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tuning table: per tuned method and scope, the tuning trials' validation metric at every grid
 * point, the point {@link TuningChoice} chooses (the harness's rule), whether it lies on the grid's
 * edge, and the cost of tuning. Also separates tuning trials from the trials that are compared:
 * every other table sees the experiment {@link #withoutTuningTrials}.
 */
public final class TuningTable {

  private TuningTable() {}

  /** Returns the experiment without its tuning trials (in results and in the manifest). */
  public static LoadedExperiment withoutTuningTrials(LoadedExperiment experiment) {
    ExperimentManifest m = experiment.manifest();
    List<PlannedTrial> planned =
        m.trials().stream().filter(t -> !TuningChoice.isTuningTrial(t.parameters())).toList();
    if (planned.size() == m.trials().size()) {
      return experiment;
    }
    Set<String> tuningIds = new LinkedHashSet<>();
    m.trials().stream()
        .filter(t -> TuningChoice.isTuningTrial(t.parameters()))
        .forEach(t -> tuningIds.add(t.trialId()));
    ExperimentManifest manifest = m.withTrials(planned);
    return new LoadedExperiment(
        experiment.directory(),
        manifest,
        experiment.trials().stream()
            .filter(t -> !TuningChoice.isTuningTrial(t.parameters()))
            .toList(),
        experiment.missing().stream().filter(id -> !tuningIds.contains(id)).toList(),
        experiment.unplanned(),
        experiment.bad());
  }

  /** Returns the rows, by method (in trial-id order) and batch size (increasing). */
  public static List<TuningRow> rows(LoadedExperiment experiment) {
    Map<String, TreeMap<Integer, List<TrialResult>>> byMethod = new LinkedHashMap<>();
    experiment.trials().stream()
        .filter(t -> TuningChoice.isTuningTrial(t.parameters()))
        .forEach(
            t ->
                byMethod
                    .computeIfAbsent(TrialKeys.method(t.parameters()), k -> new TreeMap<>())
                    .computeIfAbsent(batchSize(t.parameters()), k -> new ArrayList<>())
                    .add(t));
    List<TuningRow> rows = new ArrayList<>();
    for (var method : byMethod.entrySet()) {
      for (var scope : method.getValue().entrySet()) {
        rows.add(row(experiment, method.getKey(), scope.getKey(), scope.getValue()));
      }
    }
    return rows;
  }

  private static int batchSize(Map<String, String> parameters) {
    try {
      return Integer.parseInt(parameters.getOrDefault(ParameterKeys.BATCH_SIZE, "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static TuningRow row(
      LoadedExperiment experiment, String method, int batchSize, List<TrialResult> trials) {
    TreeMap<Integer, List<TrialResult>> byPoint = new TreeMap<>();
    Map<Integer, String> pointText = new TreeMap<>();
    String metric = TuningChoice.FINAL_VALIDATION_ACCURACY;
    String scopeId = "batchSize";
    long epochs = 0;
    double cost = 0;
    for (TrialResult t : trials) {
      int index = Integer.parseInt(t.parameters().getOrDefault(TuningChoice.POINT_INDEX, "0"));
      byPoint.computeIfAbsent(index, k -> new ArrayList<>()).add(t);
      pointText.put(index, t.parameters().getOrDefault(TuningChoice.POINT, "?"));
      metric = t.parameters().getOrDefault(TuningChoice.METRIC, metric);
      scopeId = t.parameters().getOrDefault(TuningChoice.SCOPE, scopeId);
      epochs += t.epochs().size();
      if (!t.epochs().isEmpty()) {
        EpochRecord last = t.epochs().get(t.epochs().size() - 1);
        cost +=
            last.gradientEvaluations() + last.hessianVectorProducts() + last.functionEvaluations();
      }
    }
    List<List<TrialResult>> lists = new ArrayList<>(byPoint.values());
    double[] scores = TuningChoice.scores(lists, metric);
    OptionalInt chosen = TuningChoice.choose(scores, metric);
    List<TuningRow.TuningPoint> points = new ArrayList<>();
    List<Integer> indices = new ArrayList<>(byPoint.keySet());
    for (int i = 0; i < indices.size(); i++) {
      int index = indices.get(i);
      points.add(
          new TuningRow.TuningPoint(
              index,
              pointText.get(index),
              values(pointText.get(index)),
              lists.get(i).size(),
              scores[i]));
    }
    int chosenIndex = chosen.isPresent() ? indices.get(chosen.getAsInt()) : -1;
    TuningRow.TuningPoint best = chosen.isPresent() ? points.get(chosen.getAsInt()) : null;
    String scope =
        "all".equals(scopeId)
            ? "all batch sizes (tuned at " + batchSize + ")"
            : ParameterKeys.BATCH_SIZE + "=" + batchSize;
    return new TuningRow(
        method,
        scope,
        batchSize,
        metric,
        points,
        chosenIndex,
        best == null ? "none" : best.point(),
        usedByRepeats(experiment, method, batchSize, "all".equals(scopeId), points),
        best == null ? "" : edge(best, points),
        trials.size(),
        epochs,
        cost);
  }

  /** Parses "a=1, b=2" into its values by setting. */
  static Map<String, String> values(String point) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : point.split(", ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        values.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return values;
  }

  /**
   * Returns the edge note: for every setting with two or more values whose chosen value is its
   * first or last in the grid, that it lies on the edge and the optimum may lie beyond it.
   */
  static String edge(TuningRow.TuningPoint chosen, List<TuningRow.TuningPoint> points) {
    List<String> notes = new ArrayList<>();
    for (var e : chosen.values().entrySet()) {
      List<String> listed = new ArrayList<>();
      for (TuningRow.TuningPoint p : points) {
        String v = p.values().get(e.getKey());
        if (v != null && !listed.contains(v)) {
          listed.add(v);
        }
      }
      if (listed.size() < 2) {
        continue;
      }
      boolean first = listed.get(0).equals(e.getValue());
      boolean last = listed.get(listed.size() - 1).equals(e.getValue());
      if (first || last) {
        notes.add(
            e.getKey()
                + "="
                + e.getValue()
                + " is the "
                + (first ? "first" : "last")
                + " value of the grid "
                + listed
                + ": the optimum may lie beyond the grid's edge; widen the grid");
      }
    }
    return String.join("; ", notes);
  }

  private static String usedByRepeats(
      LoadedExperiment experiment,
      String method,
      int batchSize,
      boolean allSizes,
      List<TuningRow.TuningPoint> points) {
    Set<String> names = new LinkedHashSet<>();
    points.forEach(p -> names.addAll(p.values().keySet()));
    Set<String> used = new LinkedHashSet<>();
    for (TrialResult t : experiment.trials()) {
      Map<String, String> p = t.parameters();
      if (TuningChoice.isTuningTrial(p)
          || !method.equals(TrialKeys.method(p))
          || !p.containsKey(TuningChoice.TUNING)
          || (!allSizes && batchSize(p) != batchSize)) {
        continue;
      }
      Map<String, String> settings = t.declaredSettings().get(method);
      if (settings == null) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      names.forEach(n -> parts.add(n + "=" + settings.get(n)));
      used.add(String.join(", ", parts));
    }
    return String.join("; ", used);
  }
}
