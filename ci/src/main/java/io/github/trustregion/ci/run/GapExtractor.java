package io.github.trustregion.ci.run;

import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pairs the completed trials of an experiment into per-repeat gaps between every method and the
 * reference method, for each setting and metric.
 *
 * <p>A trial's setting is the values of its {@link #SETTING_PARAMETERS} (the batch size: the
 * harness's one axis besides the method; every other parameter is either the same for all trials
 * of an experiment, like the scale or weight decay, or describes the method, like {@code optimizer}
 * or a track's {@code stages}, or is the repetition, {@code seed} and {@code repeat}). Trials of the
 * same setting and repeat are paired. Only {@link TrialStatus#COMPLETED} trials with a finite value of
 * the metric and both a {@code method} and a {@code repeat} parameter take part (the
 * {@link RunAudit} names the others; custom trials such as E4's landscape have no method). Settings without the reference
 * method yield no pairs. Stateless and thread-safe.
 */
public final class GapExtractor {

  /** The parameters that define a setting, when a trial has them. */
  public static final List<String> SETTING_PARAMETERS = List.of("batchSize");

  private static final Comparator<SortedMap<String, String>> SETTING_ORDER = GapExtractor::compareSettings;

  private final String reference;
  private final List<String> metrics;

  /**
   * Creates an extractor.
   *
   * @param reference the reference method's label, e.g. {@code SGD}
   * @param metrics the metric keys to pair, e.g. {@code finalTestAccuracy}
   */
  public GapExtractor(String reference, List<String> metrics) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.metrics = List.copyOf(metrics);
  }

  /**
   * Returns the paired samples of one experiment, ordered by metric (as given), setting (numbers
   * compared as numbers) and method.
   *
   * @throws GateInputException when a trial's repeat is not an integer, or two trials claim the
   *     same setting, method and repeat
   */
  public List<PairedSample> extract(String experiment, List<TrialResult> trials) {
    List<PairedSample> samples = new ArrayList<>();
    for (String metric : metrics) {
      Map<SortedMap<String, String>, Map<String, TreeMap<Integer, Double>>> bySetting = new TreeMap<>(SETTING_ORDER);
      Map<String, String> firstTrial = new LinkedHashMap<>();
      for (TrialResult trial : trials) {
        Double value = trial.metrics() == null ? null : trial.metrics().get(metric);
        if (trial.status() != TrialStatus.COMPLETED || value == null || !Double.isFinite(value)
            || !comparable(trial)) {
          continue;
        }
        String method = trial.parameters().get("method");
        int repeat = repeat(trial);
        SortedMap<String, String> setting = setting(trial);
        Double previous = bySetting.computeIfAbsent(setting, s -> new TreeMap<>())
            .computeIfAbsent(method, m -> new TreeMap<>())
            .put(repeat, value);
        String slot = metric + setting + method + "#" + repeat;
        if (previous != null) {
          throw new GateInputException(
              "Trials " + firstTrial.get(slot) + " and " + trial.trialId() + " of experiment " + experiment
                  + " both claim method " + method + ", repeat " + repeat + " at setting " + setting
                  + ". Each (setting, method, repeat) must be one trial: remove the stray result file.");
        }
        firstTrial.put(slot, trial.trialId());
      }
      bySetting.forEach((setting, byMethod) -> {
        TreeMap<Integer, Double> referenceValues = byMethod.get(reference);
        if (referenceValues == null) {
          return;
        }
        byMethod.forEach((method, values) -> {
          if (!method.equals(reference)) {
            samples.add(pair(new ComparisonKey(experiment, metric, setting, method, reference), values, referenceValues));
          }
        });
      });
    }
    return samples;
  }

  /** Returns a trial's setting: the values of its {@link #SETTING_PARAMETERS}, sorted by name. */
  public static SortedMap<String, String> setting(TrialResult trial) {
    SortedMap<String, String> setting = new TreeMap<>();
    for (String name : SETTING_PARAMETERS) {
      String value = trial.parameters().get(name);
      if (value != null) {
        setting.put(name, value);
      }
    }
    return setting;
  }

  /** Orders settings by their values, comparing numbers as numbers, then by parameter names. */
  public static int compareSettings(Map<String, String> a, Map<String, String> b) {
    List<String> keysA = new ArrayList<>(new TreeMap<>(a).keySet());
    List<String> keysB = new ArrayList<>(new TreeMap<>(b).keySet());
    int byKeys = String.join(",", keysA).compareTo(String.join(",", keysB));
    if (byKeys != 0) {
      return byKeys;
    }
    for (String key : keysA) {
      int byValue = compareValues(a.get(key), b.get(key));
      if (byValue != 0) {
        return byValue;
      }
    }
    return 0;
  }

  private static int compareValues(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException notNumbers) {
      return a.compareTo(b);
    }
  }

  private static PairedSample pair(ComparisonKey key, TreeMap<Integer, Double> method, TreeMap<Integer, Double> ref) {
    List<Integer> repeats = new ArrayList<>();
    List<Double> methodValues = new ArrayList<>();
    List<Double> referenceValues = new ArrayList<>();
    method.forEach((repeat, value) -> {
      Double referenceValue = ref.get(repeat);
      if (referenceValue != null) {
        repeats.add(repeat);
        methodValues.add(value);
        referenceValues.add(referenceValue);
      }
    });
    return new PairedSample(key, repeats, methodValues, referenceValues);
  }

  private static boolean comparable(TrialResult trial) {
    return trial.parameters() != null && trial.parameters().get("method") != null
        && trial.parameters().get("repeat") != null;
  }

  private static int repeat(TrialResult trial) {
    String text = trial.parameters().get("repeat");
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new GateInputException(
          "Trial " + trial.trialId() + " of experiment " + trial.experiment() + " has repeat '" + text
              + "', which is not an integer. Re-run it with the current harness.", e);
    }
  }
}
