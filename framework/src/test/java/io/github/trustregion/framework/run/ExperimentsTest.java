package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentValidationException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsTest {

  @TempDir Path directory;

  @Test
  void runsAnExperimentAndResumesItOnASecondCall() {
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(directory)
            .withAllureResults(Optional.empty());

    RunSummary first = Experiments.run(options, DivergingExperiment.class);
    RunSummary second = Experiments.run(options, DivergingExperiment.class);

    assertThat(first.results()).hasSize(2);
    assertThat(first.count(TrialStatus.DIVERGED)).isEqualTo(1);
    assertThat(first.resumed()).isZero();
    assertThat(second.resumed()).isEqualTo(2);
    assertThat(second.results()).isEqualTo(first.results());
  }

  @Test
  void runsATrialAgainWhenItsStoredMethodSettingsDifferFromThePlan() {
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(directory)
            .withAllureResults(Optional.empty());
    Experiments.run(options, DivergingExperiment.class);
    ResultFiles files = new ResultFiles(directory);
    TrialResult stored = files.readTrial("diverging", "diverging__SGD__b64__r0").orElseThrow();
    files.writeTrial(
        new TrialResult(
            stored.schemaVersion(),
            stored.trialId(),
            stored.experiment(),
            stored.status(),
            stored.message(),
            stored.parameters(),
            Map.of("SGD", Map.of("learningRate", "0.01")),
            stored.epochs(),
            stored.metrics(),
            stored.series(),
            stored.wallSeconds(),
            stored.environment()));

    RunSummary second = Experiments.run(options, DivergingExperiment.class);

    assertThat(second.resumed()).isEqualTo(1);
    TrialResult rerun = files.readTrial("diverging", "diverging__SGD__b64__r0").orElseThrow();
    assertThat(rerun.methodSettings().get("SGD")).containsEntry("learningRate", "0.5");
    assertThat(rerun.environment().get("runId")).isNotEqualTo(stored.environment().get("runId"));
  }

  @Test
  void validatesBeforeRunning() {
    ExperimentOptions options = ExperimentOptions.defaults(Scale.SMOKE).withResults(directory);

    assertThatThrownBy(
            () ->
                Experiments.run(
                    options, DivergingExperiment.class, BrokenExperiments.ZeroRepeats.class))
        .isInstanceOf(ExperimentValidationException.class);
    assertThat(directory.resolve("diverging")).doesNotExist();
  }
}
