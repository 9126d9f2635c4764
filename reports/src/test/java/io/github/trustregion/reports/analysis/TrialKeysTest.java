package io.github.trustregion.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a trial's setting, method and metrics are read. */
class TrialKeysTest {

  private static EpochRecord epoch(int e, int stage, double test) {
    return new EpochRecord(
        e, stage, stage == 0 ? "SGD" : "TR", 0.5, test + 0.01, 0.6, test, e, e, 0, 0, null);
  }

  private static TrialResult trial(Map<String, Double> metrics, List<EpochRecord> epochs) {
    return new TrialResult(
        1,
        "t",
        "x",
        TrialStatus.COMPLETED,
        "",
        Map.of("method", "SGD-TR"),
        Map.of(),
        epochs,
        metrics,
        Map.of(),
        1,
        Map.of());
  }

  @Test
  void settingLeavesOutTheMethodItsDescriptionsAndTheRepeat() {
    Map<String, String> p =
        Map.of(
            "method",
            "TR",
            "optimizer",
            "TR",
            "trialType",
            "training",
            "stages",
            "TR(2)",
            "seed",
            "9",
            "repeat",
            "1",
            "batchSize",
            "64",
            "scale",
            "ci");
    assertThat(TrialKeys.setting(p))
        .containsExactly(Map.entry("batchSize", "64"), Map.entry("scale", "ci"));
    Map<String, String> pair =
        Map.of(
            "method",
            "SGD-vs-TR",
            "methodA",
            "SGD",
            "methodB",
            "TR",
            "pair",
            "SGD vs TR",
            "trialA",
            "sgd-r0",
            "batchSize",
            "64");
    assertThat(TrialKeys.setting(pair, java.util.Set.of("sgd-r0")))
        .containsExactly(Map.entry("batchSize", "64"));
    assertThat(TrialKeys.settingLabel(TrialKeys.setting(p))).isEqualTo("batchSize=64, scale=ci");
  }

  @Test
  void methodFallsBackToThePairOfAnInterpolationTrial() {
    assertThat(TrialKeys.method(Map.of("methodA", "SGD", "methodB", "TR"))).isEqualTo("SGD vs TR");
    assertThat(TrialKeys.method(Map.of("pair", "TR–Hybrid", "methodA", "TR")))
        .isEqualTo("TR–Hybrid");
  }

  @Test
  void derivesFinalBestAndStageAccuraciesFromTheEpochsWhenNotStored() {
    TrialResult t =
        trial(
            Map.of(),
            List.of(epoch(1, 0, 0.70), epoch(2, 0, 0.80), epoch(3, 1, 0.90), epoch(4, 1, 0.85)));
    assertThat(TrialKeys.metric(t, "finalTestAccuracy")).hasValue(0.85);
    assertThat(TrialKeys.metric(t, "bestTestAccuracy")).hasValue(0.90);
    assertThat(TrialKeys.metric(t, "stage1.testAccuracy")).hasValue(0.80);
    assertThat(TrialKeys.metric(t, "stage2.testAccuracy")).hasValue(0.85);
    assertThat(TrialKeys.metric(t, "stage2.trainAccuracy")).hasValue(0.86);
    assertThat(TrialKeys.metric(t, "stage3.testAccuracy")).isEmpty();
    assertThat(TrialKeys.metric(t, "somethingElse")).isEmpty();
  }

  @Test
  void prefersTheStoredMetricAndTreatsNonFiniteAsAbsent() {
    TrialResult t =
        trial(
            Map.of("finalTestAccuracy", 0.5, "bestTestAccuracy", Double.NaN),
            List.of(epoch(1, 0, 0.7)));
    assertThat(TrialKeys.metric(t, "finalTestAccuracy")).hasValue(0.5);
    assertThat(TrialKeys.metric(t, "bestTestAccuracy")).isEmpty();
  }
}
