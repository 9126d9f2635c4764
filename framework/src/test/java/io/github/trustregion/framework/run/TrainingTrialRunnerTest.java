package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.EvaluationDivergingExperiment;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTrialRunnerTest {

  @TempDir Path directory;

  @Test
  void aTrialWhoseEvaluationDivergesKeepsOnlyTheEpochsBeforeItAndTheirMetrics() {
    ExperimentOptions options = ExperimentOptions.defaults(Scale.SMOKE).withResults(directory)
        .withAllureResults(Optional.empty());

    TrialResult result = Experiments.run(options, EvaluationDivergingExperiment.class)
        .results().get(0);

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
  }
}
