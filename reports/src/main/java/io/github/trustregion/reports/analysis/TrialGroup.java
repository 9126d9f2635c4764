package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials of one method at one setting: the repeats that are compared.
 *
 * @param setting the setting (parameters except method, seed, repeat)
 * @param method the method label
 * @param completed the completed trials, by repeat
 * @param excluded the diverged and failed trials, which are listed, not averaged
 */
public record TrialGroup(
    Map<String, String> setting,
    String method,
    List<TrialResult> completed,
    List<TrialResult> excluded) {

  /** Copies the collections. */
  public TrialGroup {
    setting = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(setting));
    completed = List.copyOf(completed);
    excluded = List.copyOf(excluded);
  }

  /**
   * Groups an experiment's trials by setting, then method; settings in the order the plan first
   * names them (so batch sizes keep their declared order), methods likewise. Parameters whose value
   * is another trial's id are references, not part of the setting. Tuning trials are not grouped
   * ({@link TuningTable} shows them).
   */
  public static List<TrialGroup> of(LoadedExperiment all) {
    LoadedExperiment experiment = TuningTable.withoutTuningTrials(all);
    java.util.Set<String> ids =
        new java.util.HashSet<>(experiment.manifest().trialsById().keySet());
    experiment.trials().forEach(t -> ids.add(t.trialId()));
    Map<String, Integer> order = new LinkedHashMap<>();
    experiment
        .manifest()
        .trials()
        .forEach(t -> order.putIfAbsent(key(t.parameters(), ids), order.size()));
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    Map<String, String> methods = new LinkedHashMap<>();
    Map<String, List<TrialResult>> done = new LinkedHashMap<>();
    Map<String, List<TrialResult>> excluded = new LinkedHashMap<>();
    List<TrialResult> sorted = new ArrayList<>(experiment.trials());
    sorted.sort(
        java.util.Comparator.comparing(
                (TrialResult t) -> order.getOrDefault(key(t.parameters(), ids), Integer.MAX_VALUE))
            .thenComparing(TrialResult::trialId));
    for (TrialResult t : sorted) {
      String k = key(t.parameters(), ids);
      settings.putIfAbsent(k, TrialKeys.setting(t.parameters(), ids));
      methods.putIfAbsent(k, TrialKeys.method(t.parameters()));
      done.computeIfAbsent(k, x -> new ArrayList<>());
      excluded.computeIfAbsent(k, x -> new ArrayList<>());
      (t.status() == TrialStatus.COMPLETED ? done : excluded).get(k).add(t);
    }
    List<TrialGroup> groups = new ArrayList<>();
    for (String k : settings.keySet()) {
      groups.add(new TrialGroup(settings.get(k), methods.get(k), done.get(k), excluded.get(k)));
    }
    return groups;
  }

  private static String key(Map<String, String> parameters, java.util.Set<String> ids) {
    return TrialKeys.settingLabel(TrialKeys.setting(parameters, ids))
        + " | "
        + TrialKeys.method(parameters);
  }

  /** Returns the setting in words. */
  public String settingLabel() {
    return TrialKeys.settingLabel(setting);
  }

  /** Returns the values of a metric over the completed trials that have it. */
  public double[] values(String metric) {
    return completed.stream()
        .map(t -> TrialKeys.metric(t, metric))
        .filter(java.util.OptionalDouble::isPresent)
        .mapToDouble(java.util.OptionalDouble::getAsDouble)
        .toArray();
  }

  /** Returns the ids of completed trials that lack a metric. */
  public List<String> lacking(String metric) {
    return completed.stream()
        .filter(t -> TrialKeys.metric(t, metric).isEmpty())
        .map(TrialResult::trialId)
        .toList();
  }
}
