package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.fixtures.broken.NearMisses;
import io.github.trustregion.framework.method.MethodRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {

  private static List<ValidationProblem> problems(Class<?> type, Scale scale) {
    return new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(scale))
        .plan(type)
        .problems();
  }

  private static List<ValidationProblem> problems(Class<?> type) {
    return problems(type, Scale.SMOKE);
  }

  @Test
  void reportsAStandaloneOptimizerWithoutBatchSizes() {
    assertThat(problems(BrokenExperiments.NoBatchSizes.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className()).isEqualTo(BrokenExperiments.NoBatchSizes.class.getName());
              assertThat(p.annotation()).isEqualTo("@Optimizer(label = \"SGD\")");
              assertThat(p.message())
                  .contains("no batch sizes at scale smoke")
                  .contains("@BatchSizes({...})");
            });
  }

  @Test
  void reportsAnUnknownOptimizerListingTheKnownOnes() {
    assertThat(problems(BrokenExperiments.UnknownOptimizer.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Optimizer(label = \"Ada\")");
              assertThat(p.message())
                  .contains("the method 'Adagrad' is unknown")
                  .contains("[Adam, FaultySGD, Hybrid, Momentum, SGD, SleepySGD, TR, TR-code]");
            });
  }

  @Test
  void reportsAnUnknownSettingListingTheMethodsSettingsAndAnInvalidValue() {
    List<ValidationProblem> problems = problems(BrokenExperiments.UnknownSetting.class);

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).message())
        .contains("the method SGD has no setting 'momentum'")
        .contains("learningRate (positive_double, default 0.1)");
    assertThat(problems.get(1).annotation()).isEqualTo("@Optimizer(label = \"SGD2\")");
    assertThat(problems.get(1).message())
        .contains("SGD.learningRate=-1 is invalid")
        .contains("not greater than 0");
  }

  @Test
  void reportsSettingsThatAreInconsistentTogether() {
    assertThat(problems(BrokenExperiments.InconsistentSettings.class))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("the settings of TR are inconsistent")
                    .contains("maxRadius"));
  }

  @Test
  void reportsATrackWithoutStages() {
    assertThat(problems(BrokenExperiments.TrackWithoutStages.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Track(label = \"empty\")");
              assertThat(p.message()).contains("the track has no stages");
            });
  }

  @Test
  void reportsATrackStageThatNamesAnUndeclaredOptimizer() {
    assertThat(problems(BrokenExperiments.TrackWithUndeclaredMethod.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Track(label = \"chain\")");
              assertThat(p.message())
                  .contains("@Stage(method = \"TR\") names no @Optimizer")
                  .contains("declared labels: [SGD]");
            });
  }

  @Test
  void reportsATrainingExperimentWithoutWorkload() {
    assertThat(problems(BrokenExperiments.MissingWorkload.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@TrainOn");
              assertThat(p.message())
                  .contains("names no workload")
                  .contains("@TrainOn(YourWorkload.class)");
            });
  }

  @Test
  void reportsAMissingDatasetFileWithTheCommandThatInstallsIt() {
    assertThat(problems(BrokenExperiments.MissingDataset.class, Scale.SMOKE)).isEmpty();
    assertThat(problems(BrokenExperiments.MissingDataset.class, Scale.CI))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@TrainOn(SmokeOnly.class)");
              assertThat(p.message())
                  .contains("/nonexistent/blobs.bin is missing")
                  .contains("apt-get install -y dataset-blobs");
            });
  }

  @Test
  void reportsFewerThanOneRepeat() {
    assertThat(problems(BrokenExperiments.ZeroRepeats.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Repeats");
              assertThat(p.message()).contains("the number of repeats is 0; it must be at least 1");
            });
  }

  @Test
  void reportsAClassWithoutExperimentAnnotation() {
    assertThat(problems(BrokenExperiments.NotAnExperiment.class))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not annotated with @Experiment"));
  }

  @Test
  void reportsAWorkloadThatCannotBeInstantiated() {
    assertThat(problems(BrokenExperiments.WorkloadWithoutConstructor.class))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("has no public no-argument constructor"));
  }

  @Test
  void reportsEveryProblemOfAClassAtOnce() {
    List<ValidationProblem> problems = problems(BrokenExperiments.ManyProblems.class);

    assertThat(problems)
        .extracting(ValidationProblem::message)
        .anySatisfy(
            m -> assertThat(m).contains("the experiment id 'many problems' may contain only"))
        .anySatisfy(m -> assertThat(m).contains("the batch size 0 is not positive"))
        .anySatisfy(
            m -> assertThat(m).contains("the weight decay -1.0 must be a finite number >= 0"))
        .anySatisfy(m -> assertThat(m).contains("the label 'SGD' is declared twice"))
        .anySatisfy(m -> assertThat(m).contains("the optimizer label 'bad label' may contain only"))
        .anySatisfy(m -> assertThat(m).contains("no epochs at scale smoke"));
  }

  @Test
  void throwsOnceWithTheProblemsOfEveryClassBeforeAnythingRuns() {
    ExperimentPlanner planner =
        new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE));

    assertThatThrownBy(
            () ->
                planner.planAll(
                    List.of(
                        SmokeExperiment.class,
                        BrokenExperiments.NoBatchSizes.class,
                        BrokenExperiments.ZeroRepeats.class)))
        .isInstanceOfSatisfying(
            ExperimentValidationException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ValidationProblem::className)
                  .containsExactly(
                      BrokenExperiments.NoBatchSizes.class.getName(),
                      BrokenExperiments.ZeroRepeats.class.getName());
              assertThat(e.getMessage())
                  .startsWith("2 problems in experiment declarations; nothing was run:");
            });
  }

  @Test
  void reportsAScaleListedTwiceInTheExperimentsScales() {
    assertThat(problems(BrokenExperiments.DuplicateScale.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className()).isEqualTo(BrokenExperiments.DuplicateScale.class.getName());
              assertThat(p.annotation()).isEqualTo("@Experiment(scales = {CI, PAPER, CI})");
              assertThat(p.message())
                  .contains("the scale ci is listed twice; list each scale once");
            });
  }

  @Test
  void reportsAtScaleValuesForAScaleAtWhichTheExperimentDoesNotExistAtEveryScale() {
    for (Scale scale : Scale.values()) {
      assertThat(problems(BrokenExperiments.AtScaleForAbsentScale.class, scale))
          .as("at " + scale)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.className())
                    .isEqualTo(BrokenExperiments.AtScaleForAbsentScale.class.getName());
                assertThat(p.annotation()).isEqualTo("@AtScale(scale = SMOKE)");
                assertThat(p.message())
                    .contains("exists only at scale(s) paper")
                    .contains(
                        "remove this @AtScale or add Scale.SMOKE to @Experiment(scales = ...)");
              });
    }
  }

  @Test
  void reportsAnIdUsedByAnExperimentNotDeclaredAtTheScaleAndAnotherOne() {
    ExperimentPlanner planner =
        new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE));

    assertThatThrownBy(
            () ->
                planner.planAll(
                    List.of(PaperOnlyExperiment.class, BrokenExperiments.PaperOnlyIdAgain.class)))
        .isInstanceOfSatisfying(
            ExperimentValidationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.className())
                              .isEqualTo(BrokenExperiments.PaperOnlyIdAgain.class.getName());
                          assertThat(p.message())
                              .contains(
                                  "the id 'paper-only' is also used by "
                                      + PaperOnlyExperiment.class.getName());
                        }));
  }

  @Test
  void reportsACustomTrialWhoseIdIsThatOfATrainingTrial() {
    assertThat(problems(BrokenExperiments.CustomTrialIdOfATrainingTrial.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className())
                  .isEqualTo(BrokenExperiments.CustomTrialIdOfATrainingTrial.class.getName());
              assertThat(p.annotation()).isEqualTo("CustomTrials.planTrials: trial 'SGD__b64__r0'");
              assertThat(p.message())
                  .contains("'custom-collision__SGD__b64__r0'")
                  .contains("rename");
            });
  }

  @Test
  void reportsAMetricKeyThatNoTrialRecordsNamingIt() {
    assertThat(problems(BrokenExperiments.UnrecordedMetric.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className())
                  .isEqualTo(BrokenExperiments.UnrecordedMetric.class.getName());
              assertThat(p.annotation()).isEqualTo("@Metrics");
              assertThat(p.message()).contains("'finalTestAcc'");
            });
  }

  @Test
  void reportsAPaperResultForAStageTheTracksDoNotHave() {
    assertThat(problems(BrokenExperiments.UnrecordedPaperMetric.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className())
                  .isEqualTo(BrokenExperiments.UnrecordedPaperMetric.class.getName());
              assertThat(p.annotation())
                  .isEqualTo(
                      "@PaperResult(metric = \"stage3.testAccuracy\", source = \"Table 1\")");
              assertThat(p.message()).contains("'stage3.testAccuracy'");
            });
  }

  @Test
  void acceptsEveryRecordedMetricKeyAndStageKeysOfTracksAtAnyScale() {
    assertThat(problems(NearMisses.StandardMetricKeys.class)).isEmpty();
  }

  @Test
  void acceptsTheOwnMetricKeysOfACustomExperiment() {
    assertThat(problems(NearMisses.CustomMetricKeys.class)).isEmpty();
  }

  @Test
  void reportsOptimizerAndTrackScalesTheExperimentDoesNotListAtEveryScale() {
    for (Scale scale : Scale.values()) {
      assertThat(problems(BrokenExperiments.DeclarationsAtUnlistedScales.class, scale))
          .as("at " + scale)
          .satisfiesExactly(
              p -> {
                assertThat(p.className())
                    .isEqualTo(BrokenExperiments.DeclarationsAtUnlistedScales.class.getName());
                assertThat(p.annotation()).isEqualTo("@Optimizer(label = \"TR\")");
                assertThat(p.message()).contains("smoke").doesNotContain("scale(s) smoke, paper");
              },
              p -> {
                assertThat(p.annotation()).isEqualTo("@Track(label = \"chain\")");
                assertThat(p.message()).contains("smoke");
              });
    }
  }

  @Test
  void acceptsOptimizerAndTrackScalesAmongTheExperimentsScales() {
    assertThat(problems(NearMisses.DeclarationsAtListedScales.class, Scale.CI)).isEmpty();
    assertThat(problems(NearMisses.DeclarationsAtListedScales.class, Scale.PAPER)).isEmpty();
  }

  @Test
  void reportsBatchSizesOfAnOptimizerThatIsNotStandalone() {
    assertThat(problems(BrokenExperiments.BatchSizesOfATrackOnlyOptimizer.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className())
                  .isEqualTo(BrokenExperiments.BatchSizesOfATrackOnlyOptimizer.class.getName());
              assertThat(p.annotation()).isEqualTo("@Optimizer(label = \"SGD\")");
              assertThat(p.message()).contains("[64]").contains("@Track");
            });
  }

  @Test
  void acceptsOwnBatchSizesOfAStandaloneOptimizerAndOfATrack() {
    assertThat(problems(NearMisses.OwnBatchSizes.class)).isEmpty();
  }

  @Test
  void reportsAllowedDifferencesThatNameNoSettingAndNoParameter() {
    assertThat(problems(BrokenExperiments.UnknownAllowedDifferences.class))
        .satisfiesExactly(
            p -> {
              assertThat(p.className())
                  .isEqualTo(BrokenExperiments.UnknownAllowedDifferences.class.getName());
              assertThat(p.annotation()).isEqualTo("@AllowedDifferences");
              assertThat(p.message()).contains("'subproblemStepSiz'");
            },
            p -> {
              assertThat(p.annotation()).isEqualTo("@AllowedDifferences");
              assertThat(p.message()).contains("'patience'");
            });
  }

  @Test
  void acceptsAllowedDifferencesNamedByMethodSettingsAndTrialParameters() {
    assertThat(problems(NearMisses.DeclaredDifferences.class)).isEmpty();
  }
}
