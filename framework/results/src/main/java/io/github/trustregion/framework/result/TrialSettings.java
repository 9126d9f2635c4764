package io.github.trustregion.framework.result;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one rule for a trial's <em>setting</em>: the configuration under which the repeats of
 * different methods are compared with each other, by reports and by the gate alike.
 *
 * <p>A trial's setting is its parameters except those that are not part of it ({@link
 * #NOT_SETTING}: the method's label and descriptions of the method, the repetition) and except
 * parameters whose value is the id of a trial (references such as E4's {@code trialA}, which differ
 * per repeat). Two trials are compared only when their settings are equal: a batch size, weight
 * decay, number of epochs or custom parameter that differs puts them apart.
 *
 * <p>Within one experiment a setting can be <em>named</em> by its {@link #distinguishing} part
 * alone: the parameters that are not the same for every trial of the experiment (such as the batch
 * size of E3, whereas its scale, weight decay and epochs are shared). Naming by that part groups
 * exactly as the whole setting does, since a parameter shared by every trial separates none; the
 * gate's baselines name settings so.
 */
public final class TrialSettings {

  /**
   * The parameters that are not part of a setting: the method label ({@code method}; {@code pair},
   * {@code methodA}, {@code methodB} of E4's interpolation trials), the method's descriptions
   * ({@code optimizer}, {@code stages}, {@code trialType}, and {@code tuning} and {@code
   * tuningBudget} of tuned methods, see {@link TuningChoice}) and the repetition ({@code seed},
   * {@code repeat}).
   */
  public static final Set<String> NOT_SETTING =
      Set.of(
          ParameterKeys.METHOD,
          ParameterKeys.SEED,
          ParameterKeys.REPEAT,
          ParameterKeys.OPTIMIZER,
          ParameterKeys.STAGES,
          ParameterKeys.TRIAL_TYPE,
          ParameterKeys.METHOD_A,
          ParameterKeys.METHOD_B,
          ParameterKeys.PAIR,
          TuningChoice.TUNING,
          TuningChoice.BUDGET);

  /** The label of the empty setting. */
  public static final String ALL = "(all)";

  private TrialSettings() {}

  /** Returns the setting of a trial's parameters: all but {@link #NOT_SETTING}, sorted by key. */
  public static SortedMap<String, String> of(Map<String, String> parameters) {
    return of(parameters, Set.of());
  }

  /**
   * Returns the setting of a trial's parameters: all but {@link #NOT_SETTING} and those whose value
   * is in {@code trialIds} (references to other trials), sorted by key.
   *
   * @param parameters the trial's parameters
   * @param trialIds the ids of the experiment's trials
   */
  public static SortedMap<String, String> of(Map<String, String> parameters, Set<String> trialIds) {
    SortedMap<String, String> setting = new TreeMap<>();
    parameters.forEach(
        (key, value) -> {
          if (!NOT_SETTING.contains(key) && !trialIds.contains(value)) {
            setting.put(key, value);
          }
        });
    return setting;
  }

  /**
   * Returns the keys that tell some of {@code settings} apart: those whose value, or whose absence,
   * is not the same in every one of them. Empty when there are fewer than two settings.
   *
   * @param settings the settings of every trial of one experiment
   */
  public static Set<String> distinguishing(Collection<? extends Map<String, String>> settings) {
    Set<String> keys = new HashSet<>();
    settings.forEach(s -> keys.addAll(s.keySet()));
    Set<String> distinguishing = new HashSet<>();
    for (String key : keys) {
      String first = null;
      boolean seen = false;
      for (Map<String, String> s : settings) {
        String value = s.get(key);
        if (!seen) {
          first = value;
          seen = true;
        } else if (!Objects.equals(first, value)) {
          distinguishing.add(key);
          break;
        }
      }
    }
    return Set.copyOf(distinguishing);
  }

  /** Returns the entries of {@code setting} whose keys are in {@code keys}, sorted by key. */
  public static SortedMap<String, String> restrict(Map<String, String> setting, Set<String> keys) {
    SortedMap<String, String> restricted = new TreeMap<>();
    setting.forEach(
        (key, value) -> {
          if (keys.contains(key)) {
            restricted.put(key, value);
          }
        });
    return restricted;
  }

  /**
   * Returns a setting in words, such as {@code batchSize=512, scale=ci}, or {@link #ALL} when
   * empty.
   */
  public static String label(Map<String, String> setting) {
    if (setting.isEmpty()) {
      return ALL;
    }
    StringBuilder s = new StringBuilder();
    new TreeMap<>(setting)
        .forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return s.toString();
  }
}
