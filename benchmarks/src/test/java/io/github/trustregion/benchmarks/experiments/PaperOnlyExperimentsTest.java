package io.github.trustregion.benchmarks.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.trustregion.benchmarks.data.Cifar10;
import io.github.trustregion.benchmarks.data.Stl10;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.StageSpec;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.PaperValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper-only variants of E2 and E5 plan the paper's settings at paper scale (with small
 * CIFAR-10 and STL-10 files in their real binary formats in place of the datasets) and are reported
 * as not declared, without problems, at the CPU scales.
 */
class PaperOnlyExperimentsTest {

  private static final List<Class<?>> PAPER_ONLY =
      List.of(TrainingCurvesStl10.class, TrainingTracksMobileNet.class, TrainingTracksStl10.class);

  @TempDir Path directory;

  @BeforeEach
  void writeSmallDatasetsInTheirBinaryFormats() throws IOException {
    Random random = new Random(5);
    Path cifar = Files.createDirectories(directory.resolve("cifar-10-batches-bin"));
    for (String name :
        List.of(
            "data_batch_1.bin",
            "data_batch_2.bin",
            "data_batch_3.bin",
            "data_batch_4.bin",
            "data_batch_5.bin",
            "test_batch.bin")) {
      byte[] records = new byte[10 * Cifar10.RECORD_BYTES];
      random.nextBytes(records);
      for (int r = 0; r < 10; r++) {
        records[r * Cifar10.RECORD_BYTES] = (byte) r;
      }
      Files.write(cifar.resolve(name), records);
    }
    Path stl = Files.createDirectories(directory.resolve("stl10_binary"));
    byte[] pixels = new byte[10 * Stl10.IMAGE_BYTES];
    random.nextBytes(pixels);
    byte[] labels = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Files.write(stl.resolve("train_X.bin"), pixels);
    Files.write(stl.resolve("train_y.bin"), labels);
    Files.write(stl.resolve("test_X.bin"), pixels);
    Files.write(stl.resolve("test_y.bin"), labels);
    System.setProperty(Cifar10.DIRECTORY_PROPERTY, directory.toString());
    System.setProperty(Stl10.DIRECTORY_PROPERTY, directory.toString());
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty(Cifar10.DIRECTORY_PROPERTY);
    System.clearProperty(Stl10.DIRECTORY_PROPERTY);
  }

  private static ExperimentPlanner.PlanOutcome outcome(Class<?> experiment, Scale scale) {
    return new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(scale))
        .plan(experiment);
  }

  private static ExperimentPlan paperPlan(Class<?> experiment) {
    ExperimentPlanner.PlanOutcome outcome = outcome(experiment, Scale.PAPER);
    assertThat(outcome.problems()).as(experiment.getName()).isEmpty();
    return outcome.orThrow();
  }

  private static List<Integer> stageEpochs(TrialSpec trial) {
    return trial.stages().stream().map(StageSpec::epochs).toList();
  }

  @Test
  void trainingCurvesOnStl10PlanSgdAndTrAtBatchSize1024ForVgg16OnStl10() {
    ExperimentPlan plan = paperPlan(TrainingCurvesStl10.class);

    assertThat(plan.experimentId()).isEqualTo("e2-training-curves-stl10");
    assertThat(plan.definition().workload().orElseThrow().name()).isEqualTo("stl10-vgg16");
    assertThat(plan.trials())
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "e2-training-curves-stl10__SGD__b1024__r0", "e2-training-curves-stl10__TR__b1024__r0");
    assertThat(plan.trials())
        .allSatisfy(
            t -> {
              assertThat(t.type()).isEqualTo(TrialType.TRAINING);
              assertThat(stageEpochs(t)).containsExactly(200);
            });
    assertThat(plan.trials().get(0).stages().get(0).settings())
        .containsEntry("learningRate", "0.1");
    assertThat(plan.trials().get(1).stages().get(0).settings())
        .containsEntry("subproblemStepSize", "0.1");
    assertThat(plan.definition().paperValues()).isEmpty();
  }

  @Test
  void mobileNetTracksPlanTheStagesOfTable2AtBatchSize2048WithTheSmallerSubproblemStep() {
    ExperimentPlan plan = paperPlan(TrainingTracksMobileNet.class);

    assertThat(plan.experimentId()).isEqualTo("e5-tracks-mobilenet");
    assertThat(plan.definition().workload().orElseThrow().name()).isEqualTo("cifar10-mobilenet");
    assertThat(plan.trials())
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "e5-tracks-mobilenet__SGD-TR-SGD__b2048__r0",
            "e5-tracks-mobilenet__TR-SGD-TR__b2048__r0");
    assertThat(plan.trials().get(0).stages())
        .extracting(StageSpec::label, StageSpec::epochs)
        .containsExactly(tuple("SGD", 50), tuple("TR", 100), tuple("SGD", 50));
    assertThat(plan.trials().get(1).stages())
        .extracting(StageSpec::label, StageSpec::epochs)
        .containsExactly(tuple("TR", 100), tuple("SGD", 50), tuple("TR", 50));
    assertThat(plan.trials().get(1).stages().get(0).settings())
        .containsEntry("subproblemStepSize", "0.01");
    assertThat(plan.trials().get(0).stages().get(0).settings())
        .containsEntry("learningRate", "0.1");
    assertThat(plan.definition().paperValues())
        .extracting(v -> v.setting().get("method"), PaperValue::metric, PaperValue::value)
        .containsExactlyInAnyOrder(
            tuple("SGD-TR-SGD", "stage1.testAccuracy", 0.7457),
            tuple("SGD-TR-SGD", "stage2.testAccuracy", 0.8022),
            tuple("SGD-TR-SGD", "stage3.testAccuracy", 0.8146),
            tuple("TR-SGD-TR", "stage1.testAccuracy", 0.7842),
            tuple("TR-SGD-TR", "stage2.testAccuracy", 0.7969),
            tuple("TR-SGD-TR", "stage3.testAccuracy", 0.7906));
    assertThat(plan.definition().paperValues())
        .allSatisfy(v -> assertThat(v.setting()).containsEntry("batchSize", "2048"));
  }

  @Test
  void stl10TracksPlanTheStagesOfTable3AtBatchSize1024() {
    ExperimentPlan plan = paperPlan(TrainingTracksStl10.class);

    assertThat(plan.experimentId()).isEqualTo("e5-tracks-stl10");
    assertThat(plan.definition().workload().orElseThrow().name()).isEqualTo("stl10-vgg16");
    assertThat(plan.trials())
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "e5-tracks-stl10__SGD-TR-SGD__b1024__r0", "e5-tracks-stl10__TR-SGD-TR__b1024__r0");
    assertThat(plan.trials().get(0).stages())
        .extracting(StageSpec::label, StageSpec::epochs)
        .containsExactly(tuple("SGD", 150), tuple("TR", 300), tuple("SGD", 50));
    assertThat(plan.trials().get(1).stages())
        .extracting(StageSpec::label, StageSpec::epochs)
        .containsExactly(tuple("TR", 300), tuple("SGD", 50), tuple("TR", 150));
    assertThat(plan.trials().get(1).stages().get(0).settings())
        .containsEntry("subproblemStepSize", "0.1");
    assertThat(plan.definition().paperValues())
        .extracting(v -> v.setting().get("method"), PaperValue::metric, PaperValue::value)
        .containsExactlyInAnyOrder(
            tuple("SGD-TR-SGD", "stage1.testAccuracy", 0.624),
            tuple("SGD-TR-SGD", "stage2.testAccuracy", 0.646),
            tuple("SGD-TR-SGD", "stage3.testAccuracy", 0.660),
            tuple("TR-SGD-TR", "stage1.testAccuracy", 0.636),
            tuple("TR-SGD-TR", "stage2.testAccuracy", 0.663),
            tuple("TR-SGD-TR", "stage3.testAccuracy", 0.658));
    assertThat(plan.definition().paperValues())
        .allSatisfy(v -> assertThat(v.setting()).containsEntry("batchSize", "1024"));
  }

  @Test
  void paperOnlyVariantsAreNotDeclaredAndContributeNoTrialsAtTheCpuScales() {
    for (Scale scale : List.of(Scale.SMOKE, Scale.CI)) {
      for (Class<?> experiment : PAPER_ONLY) {
        ExperimentPlanner.PlanOutcome outcome = outcome(experiment, scale);

        assertThat(outcome.problems()).as(experiment + " at " + scale).isEmpty();
        assertThat(outcome.declaredAtScale()).as(experiment + " at " + scale).isFalse();
        assertThat(outcome.plan()).as(experiment + " at " + scale).isEmpty();
        assertThat(outcome.scales()).containsExactly(Scale.PAPER);
      }
      assertThat(
              new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(scale))
                  .planAll(PAPER_ONLY))
          .isEmpty();
    }
  }

  @Test
  void presetsKeepTheDeclaredDifferencesOfTheExperimentsThatUseThem() {
    assertThat(paperPlan(TrainingTracks.class).definition().allowedDifferences())
        .as("TrainingTracks' own list replaces the preset's")
        .contains("beta1", "batchSize", "epochs");
    assertThat(paperPlan(TrainingTracksStl10.class).definition().allowedDifferences())
        .containsExactly("learningRate", "subproblemStepSize");
    assertThat(paperPlan(TrainingCurves.class).definition().allowedDifferences())
        .containsExactly("learningRate", "subproblemStepSize");
  }
}
