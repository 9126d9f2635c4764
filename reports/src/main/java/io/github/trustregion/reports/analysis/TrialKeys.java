package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How reports read a trial: its method label, its setting ({@link TrialSettings}, the rule the gate
 * uses too: the parameters other than the method's and the repetition's), and its metric values,
 * derived from the epochs for the standard keys when the trial does not store them.
 */
public final class TrialKeys {

  /** The parameters that do not define a setting: {@link TrialSettings#NOT_SETTING}. */
  public static final Set<String> NOT_SETTING = TrialSettings.NOT_SETTING;

  private static final java.util.regex.Pattern STAGE_ACCURACY =
      java.util.regex.Pattern.compile("stage(\\d+)\\.(test|train)Accuracy");

  private TrialKeys() {}

  /**
   * Returns the method label: {@code method}, else {@code pair}, else {@code methodA vs methodB}.
   */
  public static String method(Map<String, String> parameters) {
    if (parameters.containsKey(ParameterKeys.METHOD)) {
      return parameters.get(ParameterKeys.METHOD);
    }
    if (parameters.containsKey("pair")) {
      return parameters.get("pair");
    }
    if (parameters.containsKey("methodA") && parameters.containsKey("methodB")) {
      return parameters.get("methodA") + " vs " + parameters.get("methodB");
    }
    return "(no method)";
  }

  /** Returns the setting: the parameters except {@link #NOT_SETTING}, sorted by key. */
  public static Map<String, String> setting(Map<String, String> parameters) {
    return setting(parameters, Set.of());
  }

  /**
   * Returns the setting: the parameters except {@link #NOT_SETTING} and those whose value is the id
   * of a trial in {@code trialIds} (references such as E4's {@code trialA}/{@code trialB}, which
   * differ per repeat), sorted by key.
   */
  public static Map<String, String> setting(Map<String, String> parameters, Set<String> trialIds) {
    return TrialSettings.of(parameters, trialIds);
  }

  /** Returns the setting in words, such as {@code batchSize=512, scale=ci}, or "(all)". */
  public static String settingLabel(Map<String, String> setting) {
    return TrialSettings.label(setting);
  }

  /**
   * Returns a metric's value: the stored metric when finite, else for the standard keys ({@code
   * final|best}{@code Test|Train}{@code Accuracy}, {@code final}{@code Test|Train}{@code Loss},
   * {@code stage<k>.test|trainAccuracy} = the accuracy of the last epoch with stage index k − 1)
   * the value derived from the epochs, else empty.
   */
  public static OptionalDouble metric(TrialResult trial, String key) {
    Double stored = trial.metrics().get(key);
    if (stored != null) {
      return Double.isFinite(stored) ? OptionalDouble.of(stored) : OptionalDouble.empty();
    }
    List<EpochRecord> epochs = trial.epochs();
    if (epochs.isEmpty()) {
      return OptionalDouble.empty();
    }
    java.util.regex.Matcher stage = STAGE_ACCURACY.matcher(key);
    if (stage.matches()) {
      int index = Integer.parseInt(stage.group(1)) - 1;
      boolean test = stage.group(2).equals("test");
      return epochs.stream()
          .filter(e -> e.stage() == index)
          .reduce((a, b) -> b)
          .map(e -> test ? e.testAccuracy() : e.trainAccuracy())
          .filter(Double::isFinite)
          .map(OptionalDouble::of)
          .orElse(OptionalDouble.empty());
    }
    EpochRecord last = epochs.get(epochs.size() - 1);
    double value =
        switch (key) {
          case MetricKeys.FINAL_TEST_ACCURACY -> last.testAccuracy();
          case MetricKeys.FINAL_TRAIN_ACCURACY -> last.trainAccuracy();
          case MetricKeys.FINAL_TEST_LOSS -> last.testLoss();
          case MetricKeys.FINAL_TRAIN_LOSS -> last.trainLoss();
          case MetricKeys.BEST_TEST_ACCURACY ->
              epochs.stream().mapToDouble(EpochRecord::testAccuracy).max().orElse(Double.NaN);
          case MetricKeys.BEST_TRAIN_ACCURACY ->
              epochs.stream().mapToDouble(EpochRecord::trainAccuracy).max().orElse(Double.NaN);
          default -> Double.NaN;
        };
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** Returns the parameter parsed as a number, else the metric of the same name, else NaN. */
  public static double number(TrialResult trial, String key) {
    String p = trial.parameters().get(key);
    if (p != null) {
      try {
        return Double.parseDouble(p);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    Double m = trial.metrics().get(key);
    return m == null ? Double.NaN : m;
  }

  /** Returns whether every entry of {@code partial} appears in {@code parameters}. */
  public static boolean matches(Map<String, String> partial, Map<String, String> parameters) {
    return partial.entrySet().stream()
        .allMatch(e -> e.getValue().equals(parameters.get(e.getKey())));
  }

  /** Returns a copy of the parameters with the method under key {@code method}. */
  public static Map<String, String> withMethod(Map<String, String> setting, String method) {
    Map<String, String> out = new LinkedHashMap<>(setting);
    out.put(ParameterKeys.METHOD, method);
    return out;
  }
}
