package io.github.trustregion.framework.run;

import io.github.trustregion.framework.result.EpochRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the standard metrics of a training trial from its epochs (keys documented in {@link
 * io.github.trustregion.framework.result.TrialResult}): final and best accuracies, final losses,
 * {@code epochsCompleted}, and for tracks {@code stage<k>.testAccuracy} and {@code
 * stage<k>.trainAccuracy} at the end of each stage k that finished.
 */
final class TrialMetrics {

  private TrialMetrics() {}

  /**
   * Returns the metrics; empty when no epoch finished.
   *
   * @param epochs the recorded epochs
   * @param stageEnds the global epoch number at which each stage ends, in order
   * @param track whether to add per-stage metrics
   */
  static Map<String, Double> of(List<EpochRecord> epochs, List<Integer> stageEnds, boolean track) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("epochsCompleted", (double) epochs.size());
    if (epochs.isEmpty()) {
      return metrics;
    }
    EpochRecord last = epochs.get(epochs.size() - 1);
    metrics.put("finalTestAccuracy", last.testAccuracy());
    metrics.put("bestTestAccuracy", epochs.stream().mapToDouble(EpochRecord::testAccuracy).max().orElseThrow());
    metrics.put("finalTrainAccuracy", last.trainAccuracy());
    metrics.put("bestTrainAccuracy", epochs.stream().mapToDouble(EpochRecord::trainAccuracy).max().orElseThrow());
    metrics.put("finalTestLoss", last.testLoss());
    metrics.put("finalTrainLoss", last.trainLoss());
    if (track) {
      for (int k = 0; k < stageEnds.size(); k++) {
        int end = stageEnds.get(k);
        if (end <= epochs.size()) {
          EpochRecord record = epochs.get(end - 1);
          metrics.put("stage" + (k + 1) + ".testAccuracy", record.testAccuracy());
          metrics.put("stage" + (k + 1) + ".trainAccuracy", record.trainAccuracy());
        }
      }
    }
    return metrics;
  }
}
