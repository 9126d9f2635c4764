package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEstimateTest {

  @TempDir Path directory;

  private static EpochRecord epoch(int n) {
    return new EpochRecord(n, 0, "SGD", 0, 0, 0, 0, n, 0, 0, 0, null);
  }

  @Test
  void estimatesUnfinishedTrialsFromTheSecondsPerEpochOfFinishedOnes() {
    ExperimentPlan plan = new ExperimentPlanner(MethodRegistry.standard(),
        ExperimentOptions.defaults(Scale.SMOKE)).plan(DivergingExperiment.class).orThrow();
    ResultFiles files = new ResultFiles(directory);

    CostEstimate nothingKnown = CostEstimate.of(List.of(plan), files);
    assertThat(nothingKnown).isEqualTo(new CostEstimate(2, 0, 4, 0, 2));

    TrialResult sgd = new TrialResult(1, "diverging__SGD__b64__r0", "diverging", TrialStatus.COMPLETED,
        "", plan.trials().get(1).parameters(), Map.of(), List.of(epoch(1), epoch(2)), Map.of(),
        Map.of(), 10.0, Map.of());
    files.writeTrial(sgd);

    // 10 s for 2 epochs: the unfinished 2-epoch trial is estimated at 10 s; the finished one is free.
    assertThat(CostEstimate.of(List.of(plan), files)).isEqualTo(new CostEstimate(2, 1, 2, 10.0, 0));
  }
}
