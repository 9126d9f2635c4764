package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.ResumeVariants;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.support.FaultySgdProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEstimateTest {

  @TempDir Path directory;

  private final MethodRegistry registry = MethodRegistry.standard();

  private static EpochRecord epoch(int n) {
    return new EpochRecord(n, 0, "SGD", 0, 0, 0, 0, n, 0, 0, 0, null);
  }

  private ExperimentPlan plan(Class<?> type) {
    return new ExperimentPlanner(registry, ExperimentOptions.defaults(Scale.SMOKE))
        .plan(type)
        .orThrow();
  }

  /** A result of {@code trial} that matches the plan, with two epochs in 10 s. */
  private TrialResult result(TrialSpec trial, TrialStatus status) {
    return new TrialResult(
        1,
        trial.trialId(),
        "diverging",
        status,
        "",
        trial.parameters(),
        TrainingTrialRunner.methodSettings(registry, trial),
        List.of(epoch(1), epoch(2)),
        Map.of(),
        Map.of(),
        10.0,
        Map.of(
            "workload",
            "blobs",
            ResumeCheck.REQUESTED_TRAIN_EXAMPLES,
            "0",
            ResumeCheck.REQUESTED_TEST_EXAMPLES,
            "0"));
  }

  @AfterEach
  void resetFailures() {
    FaultySgdProvider.FAILURES.set(0);
  }

  @Test
  void estimatesUnfinishedTrialsFromTheSecondsPerEpochOfStoredOnes() {
    ExperimentPlan plan = plan(DivergingExperiment.class);
    ResultFiles files = new ResultFiles(directory);

    CostEstimate nothingKnown = CostEstimate.of(List.of(plan), files, registry);
    assertThat(nothingKnown).isEqualTo(new CostEstimate(2, 0, 4, 0, 2));

    files.writeTrial(result(plan.trials().get(1), TrialStatus.COMPLETED));

    // 10 s for 2 epochs: the unfinished 2-epoch trial is estimated at 10 s; the finished one is
    // free.
    assertThat(CostEstimate.of(List.of(plan), files, registry))
        .isEqualTo(new CostEstimate(2, 1, 2, 10.0, 0));
  }

  @Test
  void countsAFailedResultAsUnfinishedButUsesItsTiming() {
    ExperimentPlan plan = plan(DivergingExperiment.class);
    ResultFiles files = new ResultFiles(directory);

    files.writeTrial(result(plan.trials().get(1), TrialStatus.FAILED));

    assertThat(CostEstimate.of(List.of(plan), files, registry))
        .isEqualTo(new CostEstimate(2, 0, 4, 20.0, 0));
  }

  @Test
  void countsAsFinishedExactlyTheTrialsTheNextRunKeeps() {
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(directory)
            .withAllureResults(Optional.empty());
    FaultySgdProvider.FAILURES.set(1);
    Experiments.run(options, ResumeVariants.FailingOnce.class);

    CostEstimate estimate =
        CostEstimate.of(
            List.of(plan(ResumeVariants.FailingOnce.class)), new ResultFiles(directory), registry);
    RunSummary next = Experiments.run(options, ResumeVariants.FailingOnce.class);

    assertThat(estimate.finished()).isEqualTo(1).isEqualTo(next.resumed());
  }
}
