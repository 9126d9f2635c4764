package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialMetricsTest {

  /** The standard keys of a training trial as {@link TrialResult} documents them. */
  private static final List<String> TRAINING_KEYS =
      List.of(
          "finalTestAccuracy",
          "bestTestAccuracy",
          "finalTrainAccuracy",
          "bestTrainAccuracy",
          "finalTestLoss",
          "finalTrainLoss",
          "epochsCompleted");

  @Test
  void listsTheDocumentedKeysOfASingleMethodTrial() {
    assertThat(TrialMetrics.keys(3, false)).containsExactlyInAnyOrderElementsOf(TRAINING_KEYS);
  }

  @Test
  void listsTheStageKeysOfEveryStageOfATrack() {
    assertThat(TrialMetrics.keys(2, true))
        .containsAll(TRAINING_KEYS)
        .contains(
            "stage1.testAccuracy",
            "stage1.trainAccuracy",
            "stage2.testAccuracy",
            "stage2.trainAccuracy")
        .hasSize(TRAINING_KEYS.size() + 4);
  }

  @Test
  void recordsTheAccuracyAtTheEndOfEachFinishedStage() {
    List<EpochRecord> epochs =
        List.of(
            new EpochRecord(1, 0, "SGD", 1.0, 0.5, 1.1, 0.4, 1, 1, 0, 0, null),
            new EpochRecord(2, 1, "TR", 0.8, 0.7, 0.9, 0.6, 2, 2, 0, 0, null),
            new EpochRecord(3, 1, "TR", 0.7, 0.8, 0.8, 0.65, 3, 3, 0, 0, null));

    var metrics = TrialMetrics.of(epochs, List.of(1, 3, 5), true);

    assertThat(metrics)
        .containsEntry("stage1.testAccuracy", 0.4)
        .containsEntry("stage2.testAccuracy", 0.65)
        .containsEntry("stage2.trainAccuracy", 0.8)
        .containsEntry("bestTestAccuracy", 0.65)
        .containsEntry("epochsCompleted", 3.0)
        .doesNotContainKey("stage3.testAccuracy");
  }
}
