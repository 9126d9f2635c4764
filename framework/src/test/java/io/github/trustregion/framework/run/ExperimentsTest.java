package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentValidationException;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentsTest {

  @TempDir Path directory;

  @Test
  void runsAnExperimentAndResumesItOnASecondCall() {
    ExperimentOptions options = ExperimentOptions.defaults(Scale.SMOKE).withResults(directory)
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
  void validatesBeforeRunning() {
    ExperimentOptions options = ExperimentOptions.defaults(Scale.SMOKE).withResults(directory);

    assertThatThrownBy(() -> Experiments.run(options, DivergingExperiment.class,
        BrokenExperiments.ZeroRepeats.class)).isInstanceOf(ExperimentValidationException.class);
    assertThat(directory.resolve("diverging")).doesNotExist();
  }
}
