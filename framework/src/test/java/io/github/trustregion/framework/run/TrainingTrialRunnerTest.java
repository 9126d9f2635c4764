package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.EvaluationDivergingExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTrialRunnerTest {

  @TempDir Path directory;

  @Test
  void aTrialWhoseEvaluationDivergesKeepsOnlyTheEpochsBeforeItAndTheirMetrics() {
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(directory)
            .withAllureResults(Optional.empty());

    TrialResult result =
        Experiments.run(options, EvaluationDivergingExperiment.class).results().get(0);

    assertThat(result.status()).isEqualTo(TrialStatus.DIVERGED);
    assertThat(result.epochs()).extracting(EpochRecord::epoch).containsExactly(1);
    EpochRecord first = result.epochs().get(0);
    assertThat(first.trainLoss()).isFinite();
    assertThat(first.testLoss()).isFinite();
    assertThat(result.metrics())
        .containsEntry("epochsCompleted", 1.0)
        .containsEntry("finalTrainLoss", first.trainLoss())
        .containsEntry("finalTestLoss", first.testLoss())
        .containsEntry("finalTestAccuracy", first.testAccuracy())
        .containsEntry("finalTrainAccuracy", first.trainAccuracy());
    assertThat(result.message()).startsWith("Diverged after 1 completed epochs");
    assertThat(result.declaredSettings())
        .isEqualTo(Map.of("NaN", Map.of("learningRate", "0.5", "nanAtStep", "8")));
  }

  @Test
  void recordsEveryStagesDeclaredSettingsWithDefaultsBesideTheMethodsOwnSettings() {
    MethodRegistry registry = MethodRegistry.standard();
    TrialSpec track =
        new ExperimentPlanner(registry, ExperimentOptions.defaults(Scale.SMOKE))
            .plan(SmokeExperiment.class).orThrow().trials().stream()
                .filter(t -> t.trialId().equals("smoke-training__SGD-TR__b64__r0"))
                .findFirst()
                .orElseThrow();

    Map<String, Map<String, String>> declared = TrainingTrialRunner.declaredSettings(track);
    Map<String, Map<String, String>> recorded = TrainingTrialRunner.methodSettings(registry, track);

    assertThat(declared).containsOnlyKeys("SGD", "TR");
    assertThat(declared.get("SGD"))
        .isEqualTo(Map.of("learningRate", "0.5", "learningRateReferenceBatch", "0"));
    // TR declares nothing: the defaults of BuiltInMethods (the paper's N1 = N2 = 1, eta = 0.1).
    assertThat(declared.get("TR"))
        .containsEntry("subproblemStepSize", "0.1")
        .containsEntry("phaseOneLimit", "1")
        .containsEntry("iterationLimit", "1")
        .containsEntry("alpha", "0.5")
        .containsEntry("solverSeed", "0")
        .containsEntry("initialRadius", "1.0");
    // What TR reports itself, and the resume check compares, folds the solver's settings together.
    assertThat(recorded.get("TR"))
        .containsKey("solverSettings")
        .doesNotContainKey("subproblemStepSize");
  }
}
