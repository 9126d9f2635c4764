package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.SampleSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The paper's numbers that an experiment's manifest declares: the one for a method at a setting,
 * and the table of every declared number beside our mean over the matching completed trials.
 */
public final class PaperValues {

  private PaperValues() {}

  /**
   * Returns the paper's value of a metric for a method at a setting: the first declared value of
   * that metric whose setting matches the setting with the method.
   */
  public static Optional<PaperValue> paperFor(
      LoadedExperiment experiment, Map<String, String> setting, String method, String metric) {
    Map<String, String> parameters = TrialKeys.withMethod(setting, method);
    return experiment.manifest().paperValues().stream()
        .filter(
            p ->
                p.metric().equals(metric)
                    && p.setting() != null
                    && TrialKeys.matches(p.setting(), parameters))
        .findFirst();
  }

  /**
   * Returns one row per declared paper value, with n, mean and sd of our matching completed trials.
   */
  public static List<PaperComparison> table(LoadedExperiment experiment) {
    List<PaperComparison> out = new ArrayList<>();
    for (PaperValue p : experiment.manifest().paperValues()) {
      Map<String, String> setting = p.setting() == null ? Map.of() : p.setting();
      double[] ours =
          experiment.completed().stream()
              .filter(
                  t ->
                      TrialKeys.matches(
                          setting,
                          TrialKeys.withMethod(t.parameters(), TrialKeys.method(t.parameters()))))
              .map(t -> TrialKeys.metric(t, p.metric()))
              .filter(OptionalDouble::isPresent)
              .mapToDouble(OptionalDouble::getAsDouble)
              .toArray();
      SampleSummary s = SampleSummary.of(ours);
      out.add(
          new PaperComparison(
              setting,
              p.metric(),
              p.value(),
              p.source(),
              p.paperSetting(),
              s.n(),
              s.mean(),
              s.sd()));
    }
    return out;
  }
}
