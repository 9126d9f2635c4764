package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.MethodSettingNames;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TuningChoice;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The method-settings table: every setting's values per method, "same", "method-specific", "differs
 * (declared)" (named in {@code @AllowedDifferences}) or "differs (NOT declared)" (flagged); then
 * the trial parameters per method label likewise.
 *
 * <p>Compared are the trials' declared settings (the names {@code @Optimizer(settings)} uses, with
 * defaults filled in) when every trial with method settings records them, else the methods' own
 * settings (results written before declared settings were recorded).
 */
public final class SettingDifferences {

  private SettingDifferences() {}

  /**
   * Returns one row per method setting (by comparable name, sorted), then one per trial parameter
   * (sorted), each with its values per method and whether a difference is declared.
   */
  public static List<SettingDifference> rows(LoadedExperiment all) {
    LoadedExperiment experiment = TuningTable.withoutTuningTrials(all);
    Map<String, Map<String, Set<String>>> byName = new TreeMap<>();
    Set<String> methods = new LinkedHashSet<>();
    Set<String> labels = new HashSet<>();
    boolean declaredNames = comparesDeclaredSettings(experiment.trials());
    for (TrialResult t : experiment.trials()) {
      comparedSettings(t, declaredNames)
          .keySet()
          .forEach(m -> labels.add(m.toLowerCase(Locale.ROOT)));
    }
    Map<String, Set<String>> rawNames = new HashMap<>();
    for (TrialResult t : experiment.trials()) {
      comparedSettings(t, declaredNames)
          .forEach(
              (method, settings) -> {
                methods.add(method);
                if (settings != null) {
                  settings.forEach(
                      (name, value) -> {
                        String comparable = MethodSettingNames.comparable(name, labels);
                        rawNames.computeIfAbsent(comparable, k -> new HashSet<>()).add(name);
                        byName
                            .computeIfAbsent(comparable, k -> new LinkedHashMap<>())
                            .computeIfAbsent(method, k -> new TreeSet<>())
                            .add(settingValue(String.valueOf(value)));
                      });
                }
              });
    }
    Set<String> declared = new HashSet<>(experiment.manifest().allowedDifferences());
    List<SettingDifference> out = new ArrayList<>();
    // declared under its own name or under any prefixed name that maps to it (sgd.learningRate)
    byName.forEach(
        (name, values) ->
            out.add(
                difference(
                    name,
                    name,
                    values,
                    methods,
                    rawNames.get(name).stream().anyMatch(declared::contains)
                        ? Set.of(name)
                        : declared)));
    Set<String> allowed = declared;
    // Trial parameters (batch size, weight decay, epochs, …) per method label: a value one method
    // never shares with another puts them in different settings, so they are never compared.
    Set<String> ids = new HashSet<>(experiment.manifest().trialsById().keySet());
    experiment.trials().forEach(t -> ids.add(t.trialId()));
    Map<String, Map<String, Set<String>>> byParameter = new TreeMap<>();
    Set<String> labels2 = new LinkedHashSet<>();
    for (var planned : experiment.manifest().trials()) {
      String method = TrialKeys.method(planned.parameters());
      labels2.add(method);
      for (String key : List.of(TuningChoice.TUNING, TuningChoice.BUDGET)) {
        String value = planned.parameters().get(key);
        if (value != null) {
          byParameter
              .computeIfAbsent(key, k -> new LinkedHashMap<>())
              .computeIfAbsent(method, k -> new TreeSet<>())
              .add(value);
        }
      }
      TrialKeys.setting(planned.parameters(), ids)
          .forEach(
              (key, value) -> {
                if (!key.equals("scale")) {
                  byParameter
                      .computeIfAbsent(key, k -> new LinkedHashMap<>())
                      .computeIfAbsent(method, k -> new TreeSet<>())
                      .add(value);
                }
              });
    }
    byParameter.forEach(
        (key, values) ->
            out.add(difference(key + " (trial parameter)", key, values, labels2, allowed)));
    return out;
  }

  /**
   * Returns whether the trials' declared settings are compared (the names that
   * {@code @AllowedDifferences} uses): when some trial records them and every trial with method
   * settings does; else, for results written before they were recorded, the methods' own settings.
   */
  private static boolean comparesDeclaredSettings(List<TrialResult> trials) {
    return trials.stream().anyMatch(t -> !t.declaredSettings().isEmpty())
        && trials.stream()
            .allMatch(t -> t.methodSettings().isEmpty() || !t.declaredSettings().isEmpty());
  }

  private static Map<String, Map<String, String>> comparedSettings(
      TrialResult t, boolean declared) {
    return declared ? t.declaredSettings() : t.methodSettings();
  }

  private static SettingDifference difference(
      String shown,
      String name,
      Map<String, Set<String>> values,
      Set<String> methods,
      Set<String> allowed) {
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

  /**
   * Returns a setting's comparable value: a Java identity string {@code Type@1a2b3c} loses its
   * hash.
   */
  static String settingValue(String value) {
    return value.replaceFirst("^([\\w.$]+)@[0-9a-f]{4,}$", "$1");
  }
}
