package io.github.trustregion.ci.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunAuditTest {

  private static final List<String> GATED = List.of("finalTestAccuracy");

  @Test
  void customTrialsWithoutAccuracyDoNotMakeTheRunIncomplete() {
    TrialResult training =
        trial("e4__SGD__b1024__r0", "training", Map.of("finalTestAccuracy", 0.8));
    TrialResult path = trial("e4__SGD-vs-TR__r0", "custom", Map.of("distance", 12.5));

    List<TrialProblem> problems =
        RunAudit.audit(manifest(training, path), List.of(training, path), GATED);

    assertThat(problems).isEmpty();
  }

  @Test
  void trainingTrialsWithoutTheGatedMetricAreStillNamed() {
    TrialResult training = trial("e4__SGD__b1024__r0", "training", Map.of("distance", 1.0));
    TrialResult path = trial("e4__SGD-vs-TR__r0", "custom", Map.of("distance", 12.5));

    List<TrialProblem> problems =
        RunAudit.audit(manifest(training, path), List.of(training, path), GATED);

    assertThat(problems)
        .extracting(TrialProblem::subject, TrialProblem::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("e4__SGD__b1024__r0", TrialProblem.Kind.NO_METRIC));
  }

  private static TrialResult trial(String id, String trialType, Map<String, Double> metrics) {
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        id,
        "e4",
        TrialStatus.COMPLETED,
        "",
        Map.of("method", "SGD", "repeat", "0", "trialType", trialType),
        Map.of(),
        List.of(),
        metrics,
        Map.of(),
        1.0,
        Map.of());
  }

  private static ExperimentManifest manifest(TrialResult... trials) {
    List<PlannedTrial> planned =
        java.util.Arrays.stream(trials)
            .map(t -> new PlannedTrial(t.trialId(), t.parameters()))
            .toList();
    return new ExperimentManifest(
        1,
        "e4",
        "Fixture",
        "Landscape",
        "Mixed trials.",
        "landscape",
        "ci",
        "synthetic",
        GATED,
        List.of(),
        planned,
        List.of());
  }
}
