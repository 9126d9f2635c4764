package io.github.trustregion.framework.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.github.trustregion.framework.fixtures.TuningExperiment;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.support.CountingBlobsWorkload;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a tuning experiment at smoke scale through the JUnit engine. */
class TuningEngineTest {

  private static final String[] STEPS = {"0.0001", "0.3", "3.0"};

  @TempDir Path directory;

  private EngineExecutionResults run(DiscoverySelector... selectors) {
    return EngineTestKit.engine(ExperimentTestEngine.ENGINE_ID)
        .selectors(selectors)
        .configurationParameter(ExperimentTestEngine.ENABLED, "true")
        .configurationParameter(ExperimentOptions.SCALE, "smoke")
        .configurationParameter(ExperimentOptions.RESULTS, directory.resolve("results").toString())
        .execute();
  }

  private static DiscoverySelector trial(String id) {
    return selectUniqueId(
        UniqueId.forEngine(ExperimentTestEngine.ENGINE_ID)
            .append("experiment", TuningExperiment.class.getName())
            .append("trial", id));
  }

  private static String tuningId(int point, int batchSize) {
    return "smoke-tuning__SGD-tuned__tune" + point + "__b" + batchSize + "__r0";
  }

  private static double finalValidationAccuracy(TrialResult t) {
    List<EpochRecord> epochs = t.epochs();
    return epochs.get(epochs.size() - 1).testAccuracy();
  }

  @Test
  void tunesOnTheValidationSplitWithoutReadingTheTestSetThenRepeatsWithTheArgMax() {
    int testReads = CountingBlobsWorkload.TEST_READS.get();
    int trainReads = CountingBlobsWorkload.TRAIN_READS.get();
    DiscoverySelector[] tuning = new DiscoverySelector[6];
    for (int p = 0; p < 3; p++) {
      tuning[p] = trial(tuningId(p, 32));
      tuning[3 + p] = trial(tuningId(p, 64));
    }

    run(tuning).testEvents().assertStatistics(s -> s.started(6).succeeded(6));

    assertThat(CountingBlobsWorkload.TEST_READS.get()).isEqualTo(testReads);
    assertThat(CountingBlobsWorkload.TRAIN_READS.get()).isEqualTo(trainReads + 1);
    ResultFiles files = new ResultFiles(directory.resolve("results"));
    Map<String, TrialResult> tuned =
        files.readTrials("smoke-tuning").stream()
            .collect(Collectors.toMap(TrialResult::trialId, Function.identity()));
    assertThat(tuned).hasSize(6);
    for (TrialResult t : tuned.values()) {
      // 128 examples per class, 20 % of each (25.6, rounded to 26) held out: 52 and 204
      assertThat(t.environment())
          .containsEntry("evaluatedOn", "validation")
          .containsEntry("validationExamples", "52")
          .containsEntry("trainExamples", "204");
      assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED);
      assertThat(t.metrics())
          .containsKey("finalValidationAccuracy")
          .doesNotContainKey("finalTestAccuracy");
    }
    Map<String, String> tunedRunIds =
        tuned.values().stream()
            .collect(Collectors.toMap(TrialResult::trialId, t -> t.environment().get("runId")));

    EngineExecutionResults all = run(selectClass(TuningExperiment.class));

    all.testEvents().assertStatistics(s -> s.started(14).succeeded(14));
    assertThat(CountingBlobsWorkload.TEST_READS.get()).isEqualTo(testReads + 1);
    List<TrialResult> results = files.readTrials("smoke-tuning");
    assertThat(results).hasSize(14);
    for (TrialResult t : results) {
      if (tunedRunIds.containsKey(t.trialId())) {
        assertThat(t.environment().get("runId"))
            .as(t.trialId())
            .isEqualTo(tunedRunIds.get(t.trialId()));
      }
    }
    for (int batchSize : new int[] {32, 64}) {
      int best = 0;
      for (int p = 1; p < 3; p++) {
        if (finalValidationAccuracy(tuned.get(tuningId(p, batchSize)))
            > finalValidationAccuracy(tuned.get(tuningId(best, batchSize)))) {
          best = p;
        }
      }
      double chosen = Double.parseDouble(STEPS[best]);
      for (int r = 0; r < 2; r++) {
        String id = "smoke-tuning__SGD-tuned__b" + batchSize + "__r" + r;
        TrialResult repeat =
            results.stream().filter(t -> t.trialId().equals(id)).findFirst().orElseThrow();
        assertThat(
                Double.parseDouble(repeat.declaredSettings().get("SGD-tuned").get("learningRate")))
            .as(id)
            .isEqualTo(chosen);
        assertThat(repeat.environment())
            .containsEntry("testExamples", "128")
            .containsEntry("trainExamples", "256");
        assertThat(repeat.metrics()).containsKey("finalTestAccuracy");
      }
      String fixed = "smoke-tuning__SGD__b" + batchSize + "__r0";
      assertThat(
              results.stream()
                  .filter(t -> t.trialId().equals(fixed))
                  .findFirst()
                  .orElseThrow()
                  .declaredSettings()
                  .get("SGD")
                  .get("learningRate"))
          .isEqualTo("0.5");
    }
  }

  @Test
  void aRepeatWhoseTuningIsNotFinishedFailsNamingTheMissingTuningTrials() {
    EngineExecutionResults execution = run(trial("smoke-tuning__SGD-tuned__b32__r0"));

    execution.testEvents().assertStatistics(s -> s.started(1).failed(1));
    TrialResult result =
        new ResultFiles(directory.resolve("results"))
            .readTrials("smoke-tuning").stream().findFirst().orElseThrow();
    assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
    assertThat(result.message())
        .contains("tuning is not finished")
        .contains(tuningId(0, 32))
        .doesNotContain(tuningId(0, 64));
  }

  @Test
  void repeatsRunAgainWithTheNewChoiceWhenTheTuningResultsChooseAnotherPointAndOnlyThen() {
    run(selectClass(TuningExperiment.class))
        .testEvents()
        .assertStatistics(s -> s.started(14).succeeded(14));
    ResultFiles files = new ResultFiles(directory.resolve("results"));
    Map<String, TrialResult> first =
        files.readTrials("smoke-tuning").stream()
            .collect(Collectors.toMap(TrialResult::trialId, Function.identity()));
    String chosenAt32 =
        first
            .get("smoke-tuning__SGD-tuned__b32__r0")
            .declaredSettings()
            .get("SGD-tuned")
            .get("learningRate");
    // make the smallest step the best at batch size 32: its last validation accuracy becomes 1
    TrialResult smallest = first.get(tuningId(0, 32));
    List<EpochRecord> epochs = new java.util.ArrayList<>(smallest.epochs());
    EpochRecord last = epochs.remove(epochs.size() - 1);
    epochs.add(
        new EpochRecord(
            last.epoch(),
            last.stage(),
            last.activeMethod(),
            last.trainLoss(),
            last.trainAccuracy(),
            last.testLoss(),
            1.0,
            last.wallSeconds(),
            last.gradientEvaluations(),
            last.hessianVectorProducts(),
            last.functionEvaluations(),
            last.trustRegion()));
    files.writeTrial(
        new TrialResult(
            smallest.schemaVersion(),
            smallest.trialId(),
            smallest.experiment(),
            smallest.status(),
            smallest.message(),
            smallest.parameters(),
            smallest.methodSettings(),
            epochs,
            smallest.metrics(),
            smallest.series(),
            smallest.wallSeconds(),
            smallest.environment(),
            smallest.declaredSettings()));
    assertThat(Double.parseDouble(chosenAt32)).isNotEqualTo(0.0001);

    run(selectClass(TuningExperiment.class)).testEvents().assertStatistics(s -> s.started(14));

    Map<String, TrialResult> second =
        files.readTrials("smoke-tuning").stream()
            .collect(Collectors.toMap(TrialResult::trialId, Function.identity()));
    for (String id : second.keySet()) {
      boolean rerun = id.startsWith("smoke-tuning__SGD-tuned__b32__");
      assertThat(
              second
                  .get(id)
                  .environment()
                  .get("runId")
                  .equals(first.get(id).environment().get("runId")))
          .as(id + (rerun ? " runs again with the new choice" : " is kept"))
          .isEqualTo(!rerun);
    }
    for (int r = 0; r < 2; r++) {
      assertThat(
              Double.parseDouble(
                  second
                      .get("smoke-tuning__SGD-tuned__b32__r" + r)
                      .declaredSettings()
                      .get("SGD-tuned")
                      .get("learningRate")))
          .isEqualTo(0.0001);
    }
  }
}
