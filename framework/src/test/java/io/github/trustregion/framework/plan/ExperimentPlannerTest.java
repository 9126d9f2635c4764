package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.LandscapeExperiment;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.fixtures.SubproblemExperiment;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.support.BlobsWorkload;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExperimentPlannerTest {

  private static ExperimentPlan plan(Class<?> type, ExperimentOptions options) {
    return new ExperimentPlanner(MethodRegistry.standard(), options).plan(type).orThrow();
  }

  private static ExperimentPlan plan(Class<?> type, Scale scale) {
    return plan(type, ExperimentOptions.defaults(scale));
  }

  @Test
  void expandsOptimizersTimesBatchSizesTimesRepeatsPlusTracksAtSmokeScale() {
    ExperimentPlan plan = plan(SmokeExperiment.class, Scale.SMOKE);

    assertThat(plan.trials())
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "smoke-training__SGD__b32__r0",
            "smoke-training__TR__b32__r0",
            "smoke-training__SGD__b64__r0",
            "smoke-training__TR__b64__r0",
            "smoke-training__SGD-TR__b64__r0",
            "smoke-training__SGD__b32__r1",
            "smoke-training__TR__b32__r1",
            "smoke-training__SGD__b64__r1",
            "smoke-training__TR__b64__r1",
            "smoke-training__SGD-TR__b64__r1");
    TrialSpec track = plan.trials().get(4);
    assertThat(track.type()).isEqualTo(TrialType.TRACK);
    assertThat(track.stages())
        .extracting(StageSpec::label, StageSpec::epochs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SGD", 1),
            org.assertj.core.groups.Tuple.tuple("TR", 1));
    assertThat(plan.trials().get(0).stages().get(0).epochs()).isEqualTo(2);
    assertThat(plan.trials().get(0).stages().get(0).settings())
        .containsEntry("learningRate", "0.5");
    assertThat(plan.trials().get(0).parameters())
        .containsEntry("method", "SGD")
        .containsEntry("batchSize", "32")
        .containsEntry("repeat", "0")
        .containsEntry("scale", "smoke")
        .containsEntry("trialType", "training")
        .containsEntry("optimizer", "SGD");
    assertThat(plan.definition().trainExamples()).isEqualTo(256);
    assertThat(plan.definition().testExamples()).isEqualTo(128);
  }

  @Test
  void givesEveryMethodAndBatchSizeOfARepeatTheSameSeedAndRepeatsDifferentSeeds() {
    ExperimentPlan plan = plan(SmokeExperiment.class, Scale.SMOKE);

    Map<Integer, List<Long>> seedsByRepeat =
        plan.trials().stream()
            .collect(
                Collectors.groupingBy(
                    TrialSpec::repeat, Collectors.mapping(TrialSpec::seed, Collectors.toList())));
    assertThat(seedsByRepeat.get(0)).hasSize(5).containsOnly(seedsByRepeat.get(0).get(0));
    assertThat(seedsByRepeat.get(1)).hasSize(5).containsOnly(seedsByRepeat.get(1).get(0));
    assertThat(seedsByRepeat.get(0).get(0)).isNotEqualTo(seedsByRepeat.get(1).get(0));
    assertThat(seedsByRepeat.get(0).get(0))
        .isEqualTo(Seeds.trialSeed(io.github.trustregion.framework.annotation.Seed.DEFAULT, 0));
  }

  @Test
  void appliesTheAtScaleValuesOfTheChosenScale() {
    ExperimentPlan plan = plan(SmokeExperiment.class, Scale.CI);

    assertThat(plan.definition().repeats()).isEqualTo(3);
    assertThat(plan.definition().epochs()).isEqualTo(5);
    assertThat(plan.definition().batchSizes()).containsExactly(32, 64, 128);
    assertThat(plan.trials()).hasSize(3 * (2 * 3 + 1));
    assertThat(plan.trials())
        .allSatisfy(t -> assertThat(t.parameters()).containsEntry("scale", "ci"));
    assertThat(plan.definition().trainExamples()).isZero();
  }

  @io.github.trustregion.framework.annotation.Experiment(id = "later-repeats")
  @io.github.trustregion.framework.annotation.TrainOn(
      io.github.trustregion.framework.support.BlobsWorkload.class)
  @io.github.trustregion.framework.annotation.Optimizer(label = "SGD", method = "SGD")
  @io.github.trustregion.framework.annotation.BatchSizes(32)
  @io.github.trustregion.framework.annotation.Repeats(5)
  @io.github.trustregion.framework.annotation.Epochs(1)
  @io.github.trustregion.framework.annotation.AtScale(
      scale = Scale.CI,
      repeats = 2,
      firstRepeat = 30)
  static class LaterRepeats {}

  @Test
  void startsTheRepeatsAtFirstRepeatWithTheSeedsOfTheirIndicesAndTheSameData() {
    ExperimentPlan ci = plan(LaterRepeats.class, Scale.CI);
    ExperimentPlan smoke = plan(LaterRepeats.class, Scale.SMOKE);
    long base = io.github.trustregion.framework.annotation.Seed.DEFAULT;

    assertThat(ci.trials())
        .extracting(TrialSpec::trialId, TrialSpec::seed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "later-repeats__SGD__b32__r30", Seeds.trialSeed(base, 30)),
            org.assertj.core.groups.Tuple.tuple(
                "later-repeats__SGD__b32__r31", Seeds.trialSeed(base, 31)));
    assertThat(ci.trials().get(0).parameters()).containsEntry("repeat", "30");
    // the data subset follows the base seed, which does not move with the repeats
    assertThat(ci.definition().baseSeed()).isEqualTo(smoke.definition().baseSeed());
    assertThat(smoke.trials()).extracting(TrialSpec::repeat).containsExactly(0, 1, 2, 3, 4);
    // --repeats replaces the count and keeps the start
    assertThat(
            plan(LaterRepeats.class, ExperimentOptions.defaults(Scale.CI).withRepeats(3)).trials())
        .extracting(TrialSpec::repeat)
        .containsExactly(30, 31, 32);
  }

  @Test
  void letsTheRepeatsOptionOverrideTheAnnotations() {
    ExperimentPlan plan =
        plan(SmokeExperiment.class, ExperimentOptions.defaults(Scale.CI).withRepeats(1));

    assertThat(plan.definition().repeats()).isEqualTo(1);
    assertThat(plan.trials()).hasSize(7).allSatisfy(t -> assertThat(t.repeat()).isZero());
  }

  @Test
  void readsBatchSizesAndRepeatsFromAComposedPresetAnnotation() {
    ExperimentPlan plan = plan(SmokeExperiment.class, Scale.PAPER);

    assertThat(plan.definition().batchSizes()).containsExactly(32, 64);
    assertThat(plan.definition().repeats()).isEqualTo(2);
    assertThat(plan.definition().epochs()).isEqualTo(10);
  }

  @Test
  void writesKindPaperValuesAndEveryPlannedTrialIntoTheManifest() {
    ExperimentManifest manifest = plan(SmokeExperiment.class, Scale.SMOKE).manifest();

    assertThat(manifest.kind()).isEqualTo("tracks");
    assertThat(manifest.scale()).isEqualTo("smoke");
    assertThat(manifest.className()).isEqualTo(SmokeExperiment.class.getName());
    assertThat(manifest.trials()).hasSize(10);
    assertThat(manifest.metrics()).containsExactly("finalTestAccuracy", "bestTestAccuracy");
    assertThat(manifest.paperValues())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.value()).isEqualTo(0.867);
              assertThat(p.setting())
                  .containsEntry("method", "SGD")
                  .containsEntry("batchSize", "128");
              assertThat(p.source()).isEqualTo("Figure 3");
            });
    assertThat(manifest.workload()).startsWith("blobs");
  }

  @Test
  void plansCustomTrialsAfterTheTrainingTrialsTheyDependOn() {
    ExperimentPlan plan = plan(LandscapeExperiment.class, Scale.SMOKE);

    assertThat(plan.trials())
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "landscape__SGD__b64__r0", "landscape__TR__b64__r0", "landscape__SGD-vs-TR");
    TrialSpec custom = plan.trials().get(2);
    assertThat(custom.type()).isEqualTo(TrialType.CUSTOM);
    assertThat(custom.custom().orElseThrow().dependsOn())
        .containsExactly("landscape__SGD__b64__r0", "landscape__TR__b64__r0");
    assertThat(custom.parameters())
        .containsEntry("pair", "SGD-TR")
        .containsEntry("trialType", "custom");
    assertThat(plan.manifest().kind()).isEqualTo("landscape");
  }

  @Test
  void plansAnExperimentWithoutNetworkFromItsCustomTrialsAlone() {
    ExperimentPlan plan = plan(SubproblemExperiment.class, Scale.SMOKE);

    assertThat(plan.definition().workload()).isEmpty();
    assertThat(plan.trials())
        .hasSize(6)
        .allSatisfy(t -> assertThat(t.type()).isEqualTo(TrialType.CUSTOM));
    assertThat(plan.trials().get(0).trialId()).isEqualTo("subproblem__lambda0__r0");
    assertThat(plan.manifest().kind()).isEqualTo("subproblem");
  }

  @Test
  void neitherValidationNorPlanningLoadsData() {
    int before = BlobsWorkload.LOADS.get();

    plan(SmokeExperiment.class, Scale.SMOKE);
    plan(LandscapeExperiment.class, Scale.CI);

    assertThat(BlobsWorkload.LOADS.get()).isEqualTo(before);
  }

  @Test
  void derivesTheDefaultIdFromTheClassNameInKebabCase() {
    assertThat(ExperimentPlanner.kebab("LargeBatchGeneralization"))
        .isEqualTo("large-batch-generalization");
    assertThat(ExperimentPlanner.kebab("E3LargeBatch")).isEqualTo("e3-large-batch");
    assertThat(ExperimentPlanner.kebab("TRTracks")).isEqualTo("tr-tracks");
  }

  @Test
  void discoversExperimentClassesInAPackageButNotPresetAnnotations() {
    List<Class<?>> found =
        ExperimentDiscovery.inPackage(
            "io.github.trustregion.framework.fixtures", name -> !name.contains(".broken."));

    assertThat(found)
        .contains(SmokeExperiment.class, LandscapeExperiment.class, SubproblemExperiment.class);
    assertThat(found).noneMatch(c -> c.getName().contains("SmallBatchSweep"));
  }

  @Test
  void plansAnExperimentDeclaredOnlyAtPaperScaleAtPaperScale() {
    ExperimentPlan plan = plan(PaperOnlyExperiment.class, Scale.PAPER);

    assertThat(plan.trials())
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "paper-only__SGD__b32__r0", "paper-only__TR__b32__r0",
            "paper-only__SGD__b64__r0", "paper-only__TR__b64__r0");
    assertThat(plan.trials())
        .allSatisfy(
            t ->
                assertThat(t.parameters())
                    .containsEntry("scale", "paper")
                    .containsEntry("epochs", "3"));
  }

  @Test
  void reportsAnExperimentDeclaredOnlyAtPaperScaleAsNotDeclaredAtSmokeScaleWithoutProblems() {
    ExperimentPlanner planner =
        new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE));

    ExperimentPlanner.PlanOutcome outcome = planner.plan(PaperOnlyExperiment.class);

    assertThat(outcome.declaredAtScale()).isFalse();
    assertThat(outcome.problems()).isEmpty();
    assertThat(outcome.plan()).isEmpty();
    assertThat(outcome.experimentId()).isEqualTo("paper-only");
    assertThat(outcome.scales()).containsExactly(Scale.PAPER);
    assertThat(outcome.scalesText()).isEqualTo("paper");
    assertThatThrownBy(outcome::orThrow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(PaperOnlyExperiment.class.getName())
        .hasMessageContaining("only at scale(s) paper")
        .hasMessageContaining("not at scale smoke");
  }

  @Test
  void leavesExperimentsNotDeclaredAtTheScaleOutOfPlanAll() {
    ExperimentPlanner planner =
        new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE));

    List<ExperimentPlan> plans =
        planner.planAll(List.of(PaperOnlyExperiment.class, SmokeExperiment.class));

    assertThat(plans).extracting(ExperimentPlan::experimentId).containsExactly("smoke-training");
  }

  @Test
  void treatsAnExperimentWithoutDeclaredScalesAsDeclaredAtEveryScale() {
    for (Scale scale : Scale.values()) {
      ExperimentPlanner.PlanOutcome outcome =
          new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(scale))
              .plan(SmokeExperiment.class);

      assertThat(outcome.declaredAtScale()).as("at " + scale).isTrue();
      assertThat(outcome.scales()).containsExactly(Scale.values());
      assertThat(outcome.plan()).as("at " + scale).isPresent();
    }
  }
}
