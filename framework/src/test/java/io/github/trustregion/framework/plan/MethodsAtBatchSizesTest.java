package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.support.BlobsWorkload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Hessian sub-sampling fraction that leaves fewer than 8 examples of a planned minibatch is
 * refused at plan time, naming the class, the annotation, the setting and the batch size.
 */
class MethodsAtBatchSizesTest {

  /** 1/8 of 32 is 4 examples (refused), of 64 is 8 (allowed); Hybrid's at 48: ⌈0.1·48⌉ = 5. */
  @Experiment(id = "too-few")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "TR-sub", method = "TR", settings = "hessianBatchFraction=0.125")
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(
      label = "Hyb",
      method = "Hybrid",
      settings = "tr.hessianBatchFraction=0.1",
      standalone = false)
  @Track(label = "chain", batchSizes = 48, stages = @Stage(method = "Hyb", epochs = 1))
  @BatchSizes({32, 64})
  @Epochs(1)
  @AtScale(scale = Scale.SMOKE, repeats = 2, trainExamples = 256, testExamples = 64)
  static class TooFewExamples {}

  /** The same fraction at batch sizes that leave at least 8 examples. */
  @Experiment(id = "enough")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "TR-sub", method = "TR", settings = "hessianBatchFraction=0.125")
  @Optimizer(label = "Code", method = "TR-code", settings = "hessianBatchFraction=0.125")
  @BatchSizes({64, 128})
  @Epochs(1)
  @AtScale(scale = Scale.SMOKE, trainExamples = 256, testExamples = 64)
  static class EnoughExamples {}

  private static ExperimentPlanner.PlanOutcome plan(Class<?> type) {
    return new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE))
        .plan(type);
  }

  @Test
  void aFractionLeavingFewerThanEightExamplesIsRefusedOncePerOptimizerAndBatchSize() {
    List<ValidationProblem> problems = plan(TooFewExamples.class).problems();

    // Two repeats, yet one problem per optimizer (or track stage) and batch size.
    assertThat(problems).hasSize(2);
    ValidationProblem tr = problems.get(0);
    assertThat(tr.className()).isEqualTo(TooFewExamples.class.getName());
    assertThat(tr.annotation()).isEqualTo("@Optimizer(label = \"TR-sub\")");
    assertThat(tr.message())
        .contains("hessianBatchFraction")
        .contains("batch size 32")
        .contains("fewer than 8")
        .doesNotContain("batch size 64");
    ValidationProblem hybrid = problems.get(1);
    assertThat(hybrid.annotation())
        .isEqualTo("@Track(label = \"chain\"), @Stage(method = \"Hyb\")");
    assertThat(hybrid.message()).contains("tr.hessianBatchFraction").contains("batch size 48");
  }

  @Test
  void fractionsLeavingEightOrMoreExamplesPlan() {
    ExperimentPlanner.PlanOutcome outcome = plan(EnoughExamples.class);

    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.plan()).isPresent();
    assertThat(outcome.plan().get().trials()).hasSize(4);
  }
}
