package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Claim;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.ClaimBatch;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.ClaimDirection;
import io.github.trustregion.framework.support.BlobsWorkload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimChecksTest {

  @Experiment(id = "claims-ok")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "TR", method = "TR")
  @Track(
      label = "SGD-TR",
      batchSizes = 64,
      stages = {@Stage(method = "SGD", epochs = 1), @Stage(method = "TR", epochs = 1)})
  @BatchSizes({32, 64})
  @Epochs(2)
  @Repeats(2)
  @Claim(
      id = "C1",
      statement = "TR at least SGD at the largest batch",
      source = "Figure 3",
      comparison = ClaimComparison.DIFFERENCE,
      metric = "finalTestAccuracy",
      methods = {"TR", "SGD"},
      batch = ClaimBatch.LARGEST,
      setting = "scale=smoke",
      direction = ClaimDirection.AT_LEAST)
  @Claim(
      id = "C2",
      statement = "the loss jumps when TR takes over",
      source = "Table 1",
      comparison = ClaimComparison.STAGE_JUMP,
      metric = "trainLoss",
      methods = "SGD-TR",
      stage = 1,
      direction = ClaimDirection.AT_LEAST)
  @Claim(
      id = "C3",
      statement = "TR costs at most 3 SGD epochs",
      source = "abstract",
      comparison = ClaimComparison.RATIO,
      metric = ClaimDeclaration.SECONDS_PER_EPOCH,
      methods = {"TR", "SGD"},
      direction = ClaimDirection.AT_MOST,
      threshold = 3)
  static class Valid {}

  @Experiment(id = "claims-broken")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "TR", method = "TR")
  @BatchSizes(32)
  @Epochs(2)
  @Claim(
      id = "C1",
      statement = "Adam wins",
      source = "Figure 3",
      comparison = ClaimComparison.DIFFERENCE,
      metric = "finalTestAcc",
      methods = {"Adam", "SGD"},
      direction = ClaimDirection.AT_LEAST)
  @Claim(
      id = "C1",
      statement = "somewhere else",
      source = "Figure 3",
      comparison = ClaimComparison.DIFFERENCE,
      metric = "finalTestAccuracy",
      methods = {"TR", "SGD"},
      setting = {"batchSize=2048", "optimizerz=x"},
      direction = ClaimDirection.AT_LEAST)
  @Claim(
      id = "C3",
      statement = "a drop",
      source = "Figure 3",
      comparison = ClaimComparison.BATCH_DROP,
      metric = "finalTestAccuracy",
      methods = {"SGD"},
      stage = 2,
      direction = ClaimDirection.AT_LEAST)
  static class Broken {}

  @Experiment(id = "claims-by-scale")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "TR", method = "TR")
  @Optimizer(label = "SGD-tuned", method = "SGD", scales = Scale.STUDY)
  @BatchSizes(32)
  @Epochs(2)
  @Repeats(2)
  @Claim(
      id = "C1",
      statement = "TR at least SGD",
      source = "Figure 3",
      comparison = ClaimComparison.DIFFERENCE,
      metric = "finalTestAccuracy",
      methods = {"TR", "SGD"},
      direction = ClaimDirection.AT_LEAST)
  @Claim(
      id = "C1-tuned",
      statement = "TR at least a tuned SGD",
      source = "Figure 3",
      comparison = ClaimComparison.DIFFERENCE,
      metric = "finalTestAccuracy",
      methods = {"TR", "SGD-tuned"},
      scales = Scale.STUDY,
      direction = ClaimDirection.AT_LEAST)
  static class ClaimOfOneScale {}

  @Experiment(id = "claims-of-a-missing-scale", scales = Scale.SMOKE)
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "TR", method = "TR")
  @BatchSizes(32)
  @Epochs(2)
  @Claim(
      id = "C1",
      statement = "TR at least SGD",
      source = "Figure 3",
      comparison = ClaimComparison.DIFFERENCE,
      metric = "finalTestAccuracy",
      methods = {"TR", "SGD"},
      scales = Scale.PAPER,
      direction = ClaimDirection.AT_LEAST)
  static class ClaimOfAScaleTheExperimentLacks {}

  @Test
  void aClaimDeclaredForSomeScalesIsPlannedOnlyThereAndItsMethodsAreCheckedOnlyThere() {
    ExperimentPlanner.PlanOutcome smoke = plan(ClaimOfOneScale.class);
    ExperimentPlanner.PlanOutcome study =
        new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.STUDY))
            .plan(ClaimOfOneScale.class);

    assertThat(smoke.problems()).isEmpty();
    assertThat(smoke.orThrow().claims()).extracting(ClaimDeclaration::id).containsExactly("C1");
    assertThat(study.problems()).isEmpty();
    assertThat(study.orThrow().claims())
        .extracting(ClaimDeclaration::id)
        .containsExactly("C1", "C1-tuned");
  }

  @Test
  void refusesAClaimOfAScaleTheExperimentDoesNotHave() {
    assertThat(plan(ClaimOfAScaleTheExperimentLacks.class).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Claim(id = \"C1\")");
              assertThat(p.message()).contains("paper", "never applies");
            });
  }

  private static ExperimentPlanner.PlanOutcome plan(Class<?> type) {
    return new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE))
        .plan(type);
  }

  @Test
  void recordsValidClaimsInThePlanAndItsManifestWithoutChangingTheTrials() {
    ExperimentPlanner.PlanOutcome outcome = plan(Valid.class);
    assertThat(outcome.problems()).isEmpty();
    ExperimentPlan plan = outcome.orThrow();
    assertThat(plan.claims()).extracting(ClaimDeclaration::id).containsExactly("C1", "C2", "C3");
    ClaimDeclaration first = plan.claims().get(0);
    assertThat(first.comparison()).isEqualTo(ClaimComparison.DIFFERENCE);
    assertThat(first.methods()).containsExactly("TR", "SGD");
    assertThat(first.batch()).isEqualTo(ClaimBatch.LARGEST);
    assertThat(first.setting()).isEqualTo(Map.of("scale", "smoke"));
    assertThat(plan.claims().get(2).threshold()).isEqualTo(3.0);
    assertThat(plan.manifest().claims()).isEqualTo(plan.claims());
    // 2 methods × 2 batch sizes × 2 repeats + the track at 64 × 2 repeats
    assertThat(plan.trials()).hasSize(10);
  }

  @Test
  void refusesUnknownMethodsMetricsSettingsDuplicateIdsAndUnreadParameters() {
    List<ValidationProblem> problems = plan(Broken.class).problems();
    assertThat(problems)
        .allSatisfy(p -> assertThat(p.className()).isEqualTo(Broken.class.getName()));
    assertThat(problems)
        .extracting(ValidationProblem::annotation)
        .containsOnly("@Claim(id = \"C1\")", "@Claim(id = \"C3\")");
    List<String> messages = problems.stream().map(ValidationProblem::message).toList();
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("the method 'Adam' is not a method of this experiment's trials")
                    .contains("[SGD, TR]")
                    .contains("Fix @Claim(methods = ...)"))
        .anySatisfy(m -> assertThat(m).startsWith("the metric 'finalTestAcc' is not recorded"))
        .anySatisfy(m -> assertThat(m).startsWith("the id is declared twice"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("no planned trial has batchSize=2048 (planned values: [32])")
                    .contains("ClaimBatch.SMALLEST or LARGEST"))
        .anySatisfy(m -> assertThat(m).startsWith("the setting names the parameter 'optimizerz'"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .isEqualTo(
                        "comparison = BATCH_DROP does not read stage; remove it"
                            + " or choose the comparison that reads it."))
        .anySatisfy(
            m -> assertThat(m).startsWith("comparison = BATCH_DROP needs trials at two batch"));
    assertThat(problems).hasSize(7);
  }
}
