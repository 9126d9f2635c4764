package io.github.trustregion.benchmarks.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentDiscovery;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.run.ExperimentRunner;
import io.github.trustregion.framework.run.RunSummary;
import io.github.trustregion.framework.run.TrialListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.support.AnnotationSupport;

/** Runs every experiment of the paper at smoke scale through the harness's planner and runner. */
class ExperimentSmokeTest {

  @TempDir Path results;

  private RunSummary runAtSmokeScale(Class<?> experiment) {
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(results)
            .withAllureResults(Optional.empty());
    MethodRegistry registry = MethodRegistry.standard();
    ExperimentPlan plan = new ExperimentPlanner(registry, options).plan(experiment).orThrow();
    return new ExperimentRunner(registry, options).run(List.of(plan), TrialListener.NONE);
  }

  private static void assumeFashionMnist() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist");
  }

  @Test
  void everyExperimentPassesValidationAtEveryCpuScaleAndIsPlannedWhereItIsDeclared() {
    assumeFashionMnist();
    List<Class<?>> experiments = ExperimentDiscovery.inPackage(getClass().getPackageName());
    assertThat(experiments)
        .hasSize(10)
        .contains(
            TrustRegionVariants.class,
            LargeBatchGeneralizationCnn.class,
            SubproblemDynamics.class,
            TrainingCurves.class,
            LargeBatchGeneralization.class,
            LossLandscape.class,
            TrainingTracks.class);
    for (Scale scale : List.of(Scale.SMOKE, Scale.CI)) {
      ExperimentPlanner planner =
          new ExperimentPlanner(
              MethodRegistry.standard(), ExperimentOptions.defaults(scale).withResults(results));
      for (Class<?> experiment : experiments) {
        ExperimentPlanner.PlanOutcome outcome = planner.plan(experiment);
        assertThat(outcome.problems()).as(experiment + " at " + scale).isEmpty();
        assertThat(outcome.plan().isPresent())
            .as(experiment + " planned at " + scale)
            .isEqualTo(declaredScales(experiment).contains(scale));
      }
    }
  }

  /** The scales of the class's {@code @Experiment(scales)}, every scale when it lists none. */
  private static List<Scale> declaredScales(Class<?> experiment) {
    Scale[] scales =
        AnnotationSupport.findAnnotation(experiment, Experiment.class).orElseThrow().scales();
    return List.of(scales.length == 0 ? Scale.values() : scales);
  }

  @Test
  void subproblemDynamicsRecordsGapsThatVanishAndPhaseOneWithinLemmaSix() {
    RunSummary summary = runAtSmokeScale(SubproblemDynamics.class);

    assertThat(summary.results()).hasSize(3 * SubproblemDynamics.LAMBDAS.length);
    for (TrialResult result : summary.results()) {
      assertThat(result.status()).as(result.message()).isEqualTo(TrialStatus.COMPLETED);
      String solver = result.parameter("method");
      Series gap = result.series().get("gap");
      assertThat(gap.columns()).containsExactly("iteration", "gap", "phase");
      // Every iterate is feasible, so no model value is below the global minimum f(s).
      double scale = Math.abs(result.metrics().get("optimalValue"));
      assertThat(gap.column("gap")).allSatisfy(g -> assertThat(g).isGreaterThan(-1e-9 * scale));
      List<Double> phases = gap.column("phase");
      assertThat(phases.get(0)).isEqualTo(1.0);
      // λ₁ = −λ < 0, so the minimizer lies on the sphere and every solver ends there.
      assertThat(phases.get(phases.size() - 1)).as(solver).isEqualTo(2.0);
      assertThat(result.metrics().get("lowestEigenvalue"))
          .isCloseTo(-Double.parseDouble(result.parameter("lambda")), within(1e-6));
      if (!solver.equals("steihaug-cg")) {
        // The paper's solver and Lanczos are global solvers in the easy case; truncated CG is not.
        assertThat(result.metrics().get("relativeGap")).as(solver).isBetween(-1e-8, 1e-8);
      }
      if (solver.equals("paper")) {
        assertThat(result.metrics().get("iterationsToBoundary"))
            .isLessThanOrEqualTo(result.metrics().get("lemma6Bound"));
      }
    }
  }

  @Test
  void trainingCurvesRunsSgdAndTrAtSmokeScale() {
    assumeFashionMnist();
    RunSummary summary = runAtSmokeScale(TrainingCurves.class);

    assertThat(summary.results())
        .extracting(r -> r.parameter("method"))
        .containsExactlyInAnyOrder("SGD", "TR");
    for (TrialResult result : summary.results()) {
      assertThat(result.status()).as(result.message()).isEqualTo(TrialStatus.COMPLETED);
      assertThat(result.epochs()).hasSize(2);
    }
  }

  @Test
  void trustRegionVariantsRunEveryVariantAtItsCost() {
    assumeFashionMnist();
    RunSummary summary = runAtSmokeScale(TrustRegionVariants.class);

    // 256 images at B = 64: 4 steps. Work per step: SGD 1, TR and Lanczos 1 + 3 + 1, products on
    // 8 of 64 examples 1 + (1 + 3)/8 + 1, TR-code 1 + 1.
    java.util.Map<String, Double> work =
        java.util.Map.of("SGD", 1.0, "TR", 5.0, "TR-sub8", 2.5, "TR-lanczos3", 5.0, "TR-code", 2.0);
    assertThat(summary.results())
        .extracting(r -> r.parameter("method"))
        .containsExactlyInAnyOrderElementsOf(work.keySet());
    for (TrialResult result : summary.results()) {
      assertThat(result.status()).as(result.message()).isEqualTo(TrialStatus.COMPLETED);
      assertThat(result.epochs().get(0).gradientEquivalents())
          .as(result.trialId())
          .isEqualTo(4 * work.get(result.parameter("method")));
    }
  }

  @Test
  void largeBatchGeneralizationRunsEveryMethodAndBatchSize() {
    assumeFashionMnist();
    RunSummary summary = runAtSmokeScale(LargeBatchGeneralization.class);

    assertThat(summary.results()).hasSize(3 * 2);
    assertThat(summary.count(TrialStatus.COMPLETED)).isEqualTo(6);
    ExperimentManifest manifest = new ResultFiles(results).readManifest("e3-large-batch");
    assertThat(manifest.paperValues()).hasSize(6);
  }

  @Test
  void lossLandscapeInterpolatesBetweenTheSavedSolutions() {
    assumeFashionMnist();
    RunSummary summary = runAtSmokeScale(LossLandscape.class);

    List<TrialResult> pairs =
        summary.results().stream().filter(r -> r.series().containsKey("interpolation")).toList();
    assertThat(pairs).hasSize(3);
    for (TrialResult pair : pairs) {
      assertThat(pair.status()).as(pair.message()).isEqualTo(TrialStatus.COMPLETED);
      Series path = pair.series().get("interpolation");
      assertThat(path.column("alpha")).containsExactly(-0.5, 0.0, 0.5, 1.0, 1.5);
      if (pair.parameter("methodA").equals("SGD")) {
        assertThat(pair.metrics().get("distance")).isPositive();
      } else {
        // TR and Hybrid start from the same network (same seed), see the same minibatches in the
        // same order and take the same TR steps (same settings, solver seed 0) until Hybrid
        // switches to SGD, which it can do at the earliest after its second epoch: the first
        // endEpoch only records the best accuracy. The smoke run has one epoch, so both train the
        // same sequence of float operations and end at the same weights: the distance is 0, up to
        // reduction-order rounding, far below the distance between SGD's and TR's solutions.
        TrialResult hybrid = trainingResult(summary, trainingTrialId("Hybrid"));
        assertThat(hybrid.epochs()).extracting(e -> e.activeMethod()).containsOnly("TR");
        double sgdToTr =
            pairs.stream()
                .filter(r -> r.parameter("method").equals("SGD-vs-TR"))
                .findFirst()
                .orElseThrow()
                .metrics()
                .get("distance");
        assertThat(pair.metrics().get("distance")).isLessThanOrEqualTo(1e-6 * sgdToTr);
      }
      // α = 1 is A's network and α = 0 is B's: their losses are those of the training trials.
      TrialResult a = trainingResult(summary, trainingTrialId(pair.parameter("methodA")));
      TrialResult b = trainingResult(summary, trainingTrialId(pair.parameter("methodB")));
      double lossA = a.epochs().get(a.epochs().size() - 1).testLoss();
      double lossB = b.epochs().get(b.epochs().size() - 1).testLoss();
      assertThat(path.column("testLoss").get(3)).isCloseTo(lossA, within(1e-3 * (1 + lossA)));
      assertThat(path.column("testLoss").get(1)).isCloseTo(lossB, within(1e-3 * (1 + lossB)));
    }
  }

  private static String trainingTrialId(String method) {
    return "e4-loss-landscape__" + method + "__b128__r0";
  }

  private static TrialResult trainingResult(RunSummary summary, String trialId) {
    return summary.results().stream()
        .filter(r -> r.trialId().equals(trialId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void trainingTracksRecordTheAccuracyAtTheEndOfEachStage() {
    assumeFashionMnist();
    RunSummary summary = runAtSmokeScale(TrainingTracks.class);

    assertThat(summary.results())
        .extracting(r -> r.parameter("method"))
        .containsExactlyInAnyOrder("SGD-TR-SGD", "TR-SGD-TR", "Adam");
    for (TrialResult result : summary.results()) {
      assertThat(result.status()).as(result.message()).isEqualTo(TrialStatus.COMPLETED);
      assertThat(result.metrics()).containsKey("stage1.testAccuracy");
    }
    TrialResult track =
        summary.results().stream()
            .filter(r -> r.parameter("method").equals("TR-SGD-TR"))
            .findFirst()
            .orElseThrow();
    assertThat(track.metrics()).containsKeys("stage2.testAccuracy", "stage3.testAccuracy");
    assertThat(track.epochs()).extracting(e -> e.activeMethod()).containsExactly("TR", "SGD", "TR");
  }
}
