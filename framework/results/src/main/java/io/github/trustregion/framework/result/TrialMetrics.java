package io.github.trustregion.framework.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the standard metrics of a training trial from its epochs (keys in {@link MetricKeys},
 * documented in {@link TrialResult}): final and best accuracies, final losses, {@code
 * epochsCompleted}, and for tracks {@code stage<k>.testAccuracy} and {@code stage<k>.trainAccuracy}
 * at the end of each stage k that finished.
 *
 * <p>{@link #keys} lists the keys {@link #of} records, derived from {@link #of} itself, so that the
 * planner checks declared metric keys against what trials really record.
 */
public final class TrialMetrics {

  private TrialMetrics() {}

  /**
   * Returns the metrics; empty when no epoch finished.
   *
   * @param epochs the recorded epochs
   * @param stageEnds the global epoch number at which each stage ends, in order
   * @param track whether to add per-stage metrics
   */
  public static Map<String, Double> of(
      List<EpochRecord> epochs, List<Integer> stageEnds, boolean track) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(MetricKeys.EPOCHS_COMPLETED, (double) epochs.size());
    if (epochs.isEmpty()) {
      return metrics;
    }
    EpochRecord last = epochs.get(epochs.size() - 1);
    metrics.put(MetricKeys.FINAL_TEST_ACCURACY, last.testAccuracy());
    metrics.put(
        MetricKeys.BEST_TEST_ACCURACY,
        epochs.stream().mapToDouble(EpochRecord::testAccuracy).max().orElseThrow());
    metrics.put(MetricKeys.FINAL_TRAIN_ACCURACY, last.trainAccuracy());
    metrics.put(
        MetricKeys.BEST_TRAIN_ACCURACY,
        epochs.stream().mapToDouble(EpochRecord::trainAccuracy).max().orElseThrow());
    metrics.put(MetricKeys.FINAL_TEST_LOSS, last.testLoss());
    metrics.put(MetricKeys.FINAL_TRAIN_LOSS, last.trainLoss());
    if (track) {
      for (int k = 0; k < stageEnds.size(); k++) {
        int end = stageEnds.get(k);
        if (end <= epochs.size()) {
          EpochRecord record = epochs.get(end - 1);
          metrics.put(MetricKeys.stageTestAccuracy(k + 1), record.testAccuracy());
          metrics.put(MetricKeys.stageTrainAccuracy(k + 1), record.trainAccuracy());
        }
      }
    }
    return metrics;
  }

  /**
   * Returns every key {@link #of} records for a trial that completes all its epochs: a
   * single-method trial when {@code track} is false, else a track of {@code stages} stages.
   *
   * @param stages the number of stages of the track (ignored when {@code track} is false)
   * @param track whether the trial is a track
   */
  public static Set<String> keys(int stages, boolean track) {
    int count = track ? Math.max(1, stages) : 1;
    List<EpochRecord> epochs = new ArrayList<>();
    List<Integer> stageEnds = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      epochs.add(new EpochRecord(k, k - 1, "", 0, 0, 0, 0, 0, 0, 0, 0, null));
      stageEnds.add(k);
    }
    return Set.copyOf(of(epochs, stageEnds, track).keySet());
  }
}
