package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared names: result kinds, metric keys and comparable method-setting names. */
class VocabularyTest {

  @Test
  void resultKindsAreTheManifestsLowerCaseIds() {
    assertThat(ResultKind.ids()).containsExactly("training", "tracks", "subproblem", "landscape");
    assertThat(ResultKind.fromId("tracks")).contains(ResultKind.TRACKS);
    assertThat(ResultKind.fromId("Tracks")).isEmpty();
    assertThat(ResultKind.fromId("histogram")).isEmpty();
    assertThat(ResultKind.fromId(null)).isEmpty();
    assertThat(List.of(ResultKind.values()))
        .filteredOn(ResultKind::hasEpochs)
        .containsExactly(ResultKind.TRAINING, ResultKind.TRACKS);
  }

  @Test
  void stageMetricKeysNameTheStageFromOne() {
    assertThat(MetricKeys.stageTestAccuracy(2)).isEqualTo("stage2.testAccuracy");
    assertThat(MetricKeys.stageTrainAccuracy(10)).isEqualTo("stage10.trainAccuracy");
    assertThat(MetricKeys.stageOfTestAccuracy("stage3.testAccuracy")).hasValue(3);
    assertThat(MetricKeys.stageOfTestAccuracy("stage3.trainAccuracy")).isEmpty();
    assertThat(MetricKeys.stageOfTrainAccuracy("stage3.trainAccuracy")).hasValue(3);
    assertThat(MetricKeys.stageOfTestAccuracy(MetricKeys.FINAL_TEST_ACCURACY)).isEmpty();
    assertThatThrownBy(() -> MetricKeys.stageTestAccuracy(0)).hasMessageContaining("from 1");
  }

  @Test
  void theRecordedMetricsAreNamedByTheConstants() {
    assertThat(TrialMetrics.keys(2, true))
        .containsExactlyInAnyOrder(
            MetricKeys.EPOCHS_COMPLETED,
            MetricKeys.FINAL_TEST_ACCURACY,
            MetricKeys.BEST_TEST_ACCURACY,
            MetricKeys.FINAL_TRAIN_ACCURACY,
            MetricKeys.BEST_TRAIN_ACCURACY,
            MetricKeys.FINAL_TEST_LOSS,
            MetricKeys.FINAL_TRAIN_LOSS,
            "stage1.testAccuracy",
            "stage1.trainAccuracy",
            "stage2.testAccuracy",
            "stage2.trainAccuracy");
    assertThat(MetricKeys.DEFAULT_COMPARED)
        .containsExactly("finalTestAccuracy", "bestTestAccuracy");
  }

  @Test
  void aCompositeMethodsPrefixedSettingIsComparedUnderItsOwnName() {
    Set<String> labels = Set.of("hybrid", "sgd", "tr");

    assertThat(MethodSettingNames.comparable("sgd.learningRate", labels)).isEqualTo("learningRate");
    assertThat(MethodSettingNames.comparable("TR.initialRadius", Set.of()))
        .isEqualTo("initialRadius");
    assertThat(MethodSettingNames.comparable("hybrid.patience", labels)).isEqualTo("patience");
    assertThat(MethodSettingNames.comparable("solver.steps", labels)).isEqualTo("solver.steps");
    assertThat(MethodSettingNames.comparable(".hidden", labels)).isEqualTo(".hidden");
    assertThat(MethodSettingNames.comparable("learningRate", labels)).isEqualTo("learningRate");
  }
}
