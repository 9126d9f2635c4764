package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made trials and experiments for the analysis tables' tests. */
final class TrialData {

  private TrialData() {}

  /**
   * Parameters of a trial: method, repeat, scale, then the given setting parameters (key, value,
   * …).
   */
  static Map<String, String> parameters(String method, int repeat, String... setting) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("method", method);
    p.put("repeat", Integer.toString(repeat));
    p.put("seed", Integer.toString(100 + repeat));
    p.put("scale", "smoke");
    for (int i = 0; i < setting.length; i += 2) {
      p.put(setting[i], setting[i + 1]);
    }
    return p;
  }

  /** A trial id from its parameters. */
  static String id(Map<String, String> parameters) {
    StringBuilder id = new StringBuilder("e");
    new java.util.TreeMap<>(parameters)
        .forEach((k, v) -> id.append("__").append(k).append('=').append(v));
    return id.toString();
  }

  /** A completed trial with metrics and no epochs. */
  static TrialResult withMetrics(Map<String, String> parameters, Map<String, Double> metrics) {
    return trial(parameters, List.of(), metrics, 1.0);
  }

  /** A completed trial. */
  static TrialResult trial(
      Map<String, String> parameters,
      List<EpochRecord> epochs,
      Map<String, Double> metrics,
      double wallSeconds) {
    return new TrialResult(
        1,
        id(parameters),
        "e",
        TrialStatus.COMPLETED,
        "",
        parameters,
        Map.of(),
        epochs,
        metrics,
        Map.of(),
        wallSeconds,
        Map.of());
  }

  /** A completed trial of one metric's value. */
  static TrialResult value(String metric, double value, Map<String, String> parameters) {
    return withMetrics(parameters, Map.of(metric, value));
  }

  /** One epoch with evaluation counts and an optional trust-region summary. */
  static EpochRecord epoch(
      int epoch,
      int stage,
      String active,
      double wallSeconds,
      long gradients,
      long hv,
      long functions,
      TrustRegionSummary tr) {
    return new EpochRecord(
        epoch, stage, active, 0.5, 0.8, 0.6, 0.75, wallSeconds, gradients, hv, functions, tr);
  }

  /** The experiment of these trials, planned in their order, of a kind, comparing the metrics. */
  static LoadedExperiment experiment(
      String kind,
      List<String> metrics,
      List<String> allowed,
      List<PaperValue> paper,
      List<TrialResult> trials) {
    List<PlannedTrial> planned = new ArrayList<>();
    trials.forEach(t -> planned.add(new PlannedTrial(t.trialId(), t.parameters())));
    ExperimentManifest manifest =
        new ExperimentManifest(
            1, "e", "a.E", "e", "", kind, "smoke", "w", metrics, allowed, planned, paper);
    return new LoadedExperiment(Path.of("e"), manifest, trials, List.of(), List.of());
  }
}
