package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.method.BuiltInMethods;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.framework.support.BlobsWorkload;
import io.github.trustregion.framework.support.SeedProbeProvider;
import io.github.trustregion.optimizers.StepReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variants' settings go from the annotation into the result file, and the result file counts
 * their work in gradient-equivalents from what each step must have cost.
 */
class VariantSettingsRecordTest {

  /**
   * 256 blobs, B = 32: 8 steps an epoch, 2 epochs. A half-batch Hessian leaves m = 16 examples, so
   * m/B = 1/2 exactly.
   */
  @Experiment(id = "variant-settings")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(
      label = "SGD",
      method = "SGD",
      settings = {"learningRate=0.2", "learningRateReferenceBatch=64"})
  @Optimizer(
      label = "TR-l",
      method = "TR",
      settings = {
        "solver=lanczos",
        "solverProducts=2",
        "hessian=central",
        "hessianBatchFraction=0.5"
      })
  @Optimizer(
      label = "Code",
      method = "TR-code",
      settings = {
        "learningRate=0.05",
        "radius=0.5",
        "innerSteps=2",
        "finiteDifferenceScale=1000.0",
        "hessianBatchFraction=0.5"
      })
  @Optimizer(
      label = "Hyb",
      method = "Hybrid",
      settings = {"tr.solver=steihaug-cg", "tr.solverProducts=4"})
  @BatchSizes(32)
  @Epochs(2)
  @Repeats(1)
  @AtScale(scale = Scale.SMOKE, trainExamples = 256, testExamples = 64)
  static class VariantSettings {}

  /** SGD's state records its seed: two repeats. */
  @Experiment(id = "seed-probe")
  @TrainOn(BlobsWorkload.class)
  @Optimizer(label = "Probe", method = "SeedProbe")
  @BatchSizes(64)
  @Epochs(1)
  @Repeats(2)
  @AtScale(scale = Scale.SMOKE, trainExamples = 128, testExamples = 64)
  static class SeedProbe {}

  @TempDir static Path directory;

  @BeforeAll
  static void runTheVariantsOnce() {
    Experiments.run(options(), VariantSettings.class);
  }

  private static ExperimentOptions options() {
    return ExperimentOptions.defaults(Scale.SMOKE)
        .withResults(directory)
        .withAllureResults(Optional.empty());
  }

  private static TrialResult read(String label) {
    return new ResultFiles(directory)
        .readTrial("variant-settings", "variant-settings__" + label + "__b32__r0")
        .orElseThrow();
  }

  @Test
  void everyNewSettingIsRecordedInTheResultFileAsDeclared() {

    assertThat(read("SGD").declaredSettings().get("SGD"))
        .containsEntry("learningRate", "0.2")
        .containsEntry("learningRateReferenceBatch", "64");
    assertThat(read("TR-l").declaredSettings().get("TR-l"))
        .containsEntry("solver", "lanczos")
        .containsEntry("solverProducts", "2")
        .containsEntry("hessian", "central")
        .containsEntry("hessianBatchFraction", "0.5");
    assertThat(read("Code").declaredSettings().get("Code"))
        .containsEntry("learningRate", "0.05")
        .containsEntry("radius", "0.5")
        .containsEntry("innerSteps", "2")
        .containsEntry("finiteDifferenceScale", "1000.0")
        .containsEntry("hessianBatchFraction", "0.5");
    assertThat(read("Hyb").declaredSettings().get("Hyb"))
        .containsEntry("tr.solver", "steihaug-cg")
        .containsEntry("tr.solverProducts", "4")
        .containsEntry("tr.hessian", "forward")
        .containsEntry("tr.hessianBatchFraction", "1.0");
  }

  @Test
  void theWorkOfEveryStepIsCountedInGradientEquivalentsOfTheWholeMinibatch() {
    int steps = 16;

    // SGD: one gradient a step.
    assertThat(last(read("SGD")).gradientEquivalents()).isEqualTo(steps);
    // TR, Lanczos at 2 central-difference products (2 passes each) on half the batch, no subset
    // base gradient (central differences need none), one value of F(x + z): 1 + ½·(2·2) + 1 = 4.
    TrialResult tr = read("TR-l");
    assertThat(tr.status()).isEqualTo(TrialStatus.COMPLETED);
    EpochRecord trLast = last(tr);
    assertThat(trLast.gradientEvaluations()).isEqualTo(steps);
    assertThat(trLast.hessianVectorProducts()).isEqualTo(2L * steps);
    assertThat(trLast.functionEvaluations()).isEqualTo(steps);
    assertThat(trLast.gradientEquivalents()).isCloseTo(4.0 * steps, within(1e-9));
    // TR-code, K = 2 forward products on half the batch with their subset base gradient, no value:
    // 1 + ½·(1 + 2) = 2.5.
    EpochRecord code = last(read("Code"));
    assertThat(code.hessianVectorProducts()).isEqualTo(2L * steps);
    assertThat(code.functionEvaluations()).isZero();
    assertThat(code.gradientEquivalents()).isCloseTo(2.5 * steps, within(1e-9));
  }

  @Test
  void trCodeStepsCountAsTrustRegionStepsWithoutARatioTest() {

    for (EpochRecord e : read("Code").epochs()) {
      TrustRegionSummary t = e.trustRegion();
      assertThat(t.steps()).isEqualTo(8);
      assertThat(t.ratioTests()).isZero();
      assertThat(t.rejections()).isZero();
      assertThat(t.meanRho()).isNaN();
      assertThat(t.meanRadius()).isEqualTo(0.5);
      assertThat(t.finalRadius()).isEqualTo(0.5);
    }
    for (EpochRecord e : read("TR-l").epochs()) {
      assertThat(e.trustRegion().ratioTests()).isEqualTo(8);
    }
  }

  @Test
  void theMethodsStateIsSeededWithTheTrialsSeed() {
    MethodRegistry registry =
        new MethodRegistry(List.of(new BuiltInMethods.SgdProvider(), new SeedProbeProvider()));
    List<ExperimentPlan> plans =
        new ExperimentPlanner(registry, options()).planAll(List.of(SeedProbe.class));
    List<Long> trialSeeds = plans.get(0).trials().stream().map(TrialSpec::seed).toList();
    SeedProbeProvider.SEEDS.clear();

    new ExperimentRunner(registry, options()).run(plans, TrialListener.NONE);

    assertThat(trialSeeds).hasSize(2).doesNotHaveDuplicates();
    assertThat(SeedProbeProvider.SEEDS).containsExactlyElementsOf(trialSeeds);
  }

  @Test
  void aStepsGradientEquivalentsFollowTheStepReportsDefinition() {
    // 1 gradient, 3 forward products and their base gradient on 16 of 128 examples, 1 value.
    StepReport sub = new StepReport(0.5, 1, 3, 1, Optional.empty(), 1, 16 / 128.0);
    assertThat(TrainingTrialRunner.gradientEquivalents(sub, 1)).isEqualTo(1 + (1 + 3) / 8.0 + 1);
    // Central differences on the whole batch: 2 passes a product.
    StepReport central = new StepReport(0.5, 1, 3, 1, Optional.empty());
    assertThat(TrainingTrialRunner.gradientEquivalents(central, 2)).isEqualTo(1 + 6 + 1);
    assertThat(TrainingTrialRunner.passesPerProduct(Map.of("hessian", "central"))).isEqualTo(2);
    assertThat(TrainingTrialRunner.passesPerProduct(Map.of("tr.hessian", "central"))).isEqualTo(2);
    assertThat(TrainingTrialRunner.passesPerProduct(Map.of("hessian", "forward"))).isEqualTo(1);
    assertThat(TrainingTrialRunner.passesPerProduct(Map.of("learningRate", "0.1"))).isEqualTo(1);
  }

  private static EpochRecord last(TrialResult t) {
    return t.epochs().get(t.epochs().size() - 1);
  }
}
