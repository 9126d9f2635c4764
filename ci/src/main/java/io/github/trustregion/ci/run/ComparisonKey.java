package io.github.trustregion.ci.run;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Identifies one gated gap: which experiment, which metric, at which setting, and which method
 * against which reference method.
 *
 * @param experiment the experiment's id
 * @param metric the metric key, e.g. {@code finalTestAccuracy}
 * @param setting the setting by the parameters that tell the experiment's trials apart (see {@link
 *     GapExtractor}; e.g. {@code batchSize=2048}), sorted by name
 * @param method the compared method's label, e.g. {@code TR}
 * @param reference the reference method's label, e.g. {@code SGD}
 */
public record ComparisonKey(
    String experiment,
    String metric,
    Map<String, String> setting,
    String method,
    String reference) {

  /** Copies the setting into a sorted, unmodifiable map and checks that nothing is null. */
  public ComparisonKey {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reference, "reference");
    setting =
        java.util.Collections.unmodifiableSortedMap(
            new TreeMap<>(Objects.requireNonNull(setting, "setting")));
  }

  /** Returns the setting as {@code name=value} pairs joined by commas, or "-" when empty. */
  public String settingText() {
    return setting.isEmpty()
        ? "-"
        : setting.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }

  /** Returns the pair as {@code method − reference}. */
  public String pairText() {
    return method + " − " + reference;
  }

  @Override
  public String toString() {
    return experiment + " " + metric + " [" + settingText() + "] " + pairText();
  }
}
