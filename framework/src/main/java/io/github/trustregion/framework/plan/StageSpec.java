package io.github.trustregion.framework.plan;

import java.util.List;
import java.util.Map;

/**
 * One validated stage of a trial: which configured method trains and for how many epochs (a
 * single-method trial has one stage).
 *
 * @param label the {@code @Optimizer} label
 * @param method the method's registry name
 * @param settingStrings the {@code "key=value"} settings as declared
 * @param settings the complete settings, defaults filled in
 * @param epochs the number of epochs
 */
public record StageSpec(
    String label,
    String method,
    List<String> settingStrings,
    Map<String, String> settings,
    int epochs) {

  /** Copies the collections. */
  public StageSpec {
    settingStrings = List.copyOf(settingStrings);
    settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
  }
}
