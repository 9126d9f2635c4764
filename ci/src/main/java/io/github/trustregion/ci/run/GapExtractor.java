package io.github.trustregion.ci.run;

import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialSettings;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pairs the completed trials of an experiment into per-repeat gaps between every method and the
 * reference method, for each setting and metric.
 *
 * <p>A trial's setting is the one rule reports use too ({@link TrialSettings}): its parameters
 * other than the method's label and descriptions ({@code optimizer}, a track's {@code stages},
 * {@code trialType}) and the repetition ({@code seed}, {@code repeat}). Trials of the same setting
 * and repeat are paired, so trials that differ in batch size, weight decay, epochs or any other
 * parameter are never paired. A setting is named by its {@linkplain TrialSettings#distinguishing
 * distinguishing} part: the parameters that are not the same for every trial of the experiment,
 * planned or present (for E3, the batch size; its scale, weight decay and epochs are shared), the
 * names the baselines keep. Only {@link TrialStatus#COMPLETED} trials with a finite value of the
 * metric and both a {@code method} and a {@code repeat} parameter take part (the {@link RunAudit}
 * names the others; custom trials such as E4's landscape have no method). Settings without the
 * reference method yield no pairs. Stateless and thread-safe.
 */
public final class GapExtractor {

  private static final Comparator<SortedMap<String, String>> SETTING_ORDER =
      GapExtractor::compareSettings;

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
   * Returns the paired samples of one experiment whose plan is not at hand: settings are named by
   * what tells {@code trials} apart. See {@link #extract(String, List, List)}.
   */
  public List<PairedSample> extract(String experiment, List<TrialResult> trials) {
    return extract(experiment, List.of(), trials);
  }

  /**
   * Returns the paired samples of one experiment, ordered by metric (as given), setting (numbers
   * compared as numbers) and method.
   *
   * @param experiment the experiment's id
   * @param planned the experiment's planned trials (its manifest's): with {@code trials}, they
   *     decide which parameters name a setting, so that a setting's name does not depend on which
   *     trials have finished
   * @param trials the experiment's trial results
   * @throws GateInputException when a trial's repeat is not an integer, or two trials claim the
   *     same setting, method and repeat
   */
  public List<PairedSample> extract(
      String experiment, List<PlannedTrial> planned, List<TrialResult> trials) {
    Set<String> ids = new HashSet<>();
    planned.forEach(p -> ids.add(p.trialId()));
    trials.forEach(t -> ids.add(t.trialId()));
    List<Map<String, String>> all = new ArrayList<>();
    planned.stream()
        .filter(p -> p.parameters() != null)
        .forEach(p -> all.add(TrialSettings.of(p.parameters(), ids)));
    trials.stream()
        .filter(t -> t.parameters() != null)
        .forEach(t -> all.add(TrialSettings.of(t.parameters(), ids)));
    Set<String> names = TrialSettings.distinguishing(all);
    List<PairedSample> samples = new ArrayList<>();
    for (String metric : metrics) {
      Map<SortedMap<String, String>, Map<String, TreeMap<Integer, Double>>> bySetting =
          new TreeMap<>(SETTING_ORDER);
      Map<String, String> firstTrial = new LinkedHashMap<>();
      for (TrialResult trial : trials) {
        Double value = trial.metrics() == null ? null : trial.metrics().get(metric);
        if (trial.status() != TrialStatus.COMPLETED
            || value == null
            || !Double.isFinite(value)
            || !comparable(trial)) {
          continue;
        }
        String method = trial.parameters().get(ParameterKeys.METHOD);
        int repeat = repeat(trial);
        SortedMap<String, String> setting =
            TrialSettings.restrict(TrialSettings.of(trial.parameters(), ids), names);
        Double previous =
            bySetting
                .computeIfAbsent(setting, s -> new TreeMap<>())
                .computeIfAbsent(method, m -> new TreeMap<>())
                .put(repeat, value);
        String slot = metric + setting + method + "#" + repeat;
        if (previous != null) {
          throw new GateInputException(
              "Trials "
                  + firstTrial.get(slot)
                  + " and "
                  + trial.trialId()
                  + " of experiment "
                  + experiment
                  + " both claim method "
                  + method
                  + ", repeat "
                  + repeat
                  + " at setting "
                  + setting
                  + ". Each (setting, method, repeat) must be one trial: remove the stray result file.");
        }
        firstTrial.put(slot, trial.trialId());
      }
      bySetting.forEach(
          (setting, byMethod) -> {
            TreeMap<Integer, Double> referenceValues = byMethod.get(reference);
            if (referenceValues == null) {
              return;
            }
            byMethod.forEach(
                (method, values) -> {
                  if (!method.equals(reference)) {
                    samples.add(
                        pair(
                            new ComparisonKey(experiment, metric, setting, method, reference),
                            values,
                            referenceValues));
                  }
                });
          });
    }
    return samples;
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

  private static PairedSample pair(
      ComparisonKey key, TreeMap<Integer, Double> method, TreeMap<Integer, Double> ref) {
    List<Integer> repeats = new ArrayList<>();
    List<Double> methodValues = new ArrayList<>();
    List<Double> referenceValues = new ArrayList<>();
    method.forEach(
        (repeat, value) -> {
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
    return trial.parameters() != null
        && trial.parameters().get(ParameterKeys.METHOD) != null
        && trial.parameters().get(ParameterKeys.REPEAT) != null;
  }

  private static int repeat(TrialResult trial) {
    String text = trial.parameters().get(ParameterKeys.REPEAT);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new GateInputException(
          "Trial "
              + trial.trialId()
              + " of experiment "
              + trial.experiment()
              + " has repeat '"
              + text
              + "', which is not an integer. Re-run it with the current harness.",
          e);
    }
  }
}
