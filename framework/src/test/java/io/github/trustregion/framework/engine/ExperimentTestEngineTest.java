package io.github.trustregion.framework.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trustregion.framework.allure.AllureResultsWriter;
import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.LandscapeExperiment;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.fixtures.SubproblemExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.run.BackendCheck;
import io.github.trustregion.framework.run.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs experiments through the JUnit engine, the path of {@code mvn verify -Pexperiments}. */
class ExperimentTestEngineTest {

  @TempDir Path directory;

  private Path results() {
    return directory.resolve("results");
  }

  private Path allure() {
    return directory.resolve("allure");
  }

  private EngineExecutionResults run(String scale, DiscoverySelector... selectors) {
    return EngineTestKit.engine(ExperimentTestEngine.ENGINE_ID)
        .selectors(selectors)
        .configurationParameter(ExperimentTestEngine.ENABLED, "true")
        .configurationParameter(ExperimentOptions.SCALE, scale)
        .configurationParameter(ExperimentOptions.RESULTS, results().toString())
        .configurationParameter(ExperimentOptions.ALLURE, allure().toString())
        .execute();
  }

  private EngineExecutionResults run(Class<?>... classes) {
    return run(
        "smoke", Stream.of(classes).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new));
  }

  private List<Path> allureFiles(String suffix) throws IOException {
    if (!Files.isDirectory(allure())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(allure())) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void runsTheSmokeExperimentEndToEndWithResultFilesModelsAndAllureResults() throws IOException {
    EngineExecutionResults execution = run(SmokeExperiment.class);

    execution.testEvents().assertStatistics(s -> s.started(10).succeeded(10).failed(0).aborted(0));
    ResultFiles files = new ResultFiles(results());
    assertThat(files.readManifest("smoke-training").trials()).hasSize(10);
    List<TrialResult> trials = files.readTrials("smoke-training");
    assertThat(trials)
        .hasSize(10)
        .allSatisfy(
            t -> {
              assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED);
              assertThat(t.epochs()).hasSize(2);
              assertThat(t.environment())
                  .containsKeys("initialParameterChecksum", "runId", "startedAt");
              assertThat(t.metrics())
                  .containsKeys(
                      "finalTestAccuracy",
                      "bestTestAccuracy",
                      "finalTrainAccuracy",
                      "bestTrainAccuracy",
                      "finalTestLoss",
                      "finalTrainLoss");
              assertThat(
                      Files.isRegularFile(
                          ModelFiles.finalModel(files, "smoke-training", t.trialId())))
                  .as("only tracks save networks in an experiment without custom trials")
                  .isEqualTo(t.parameter("trialType").equals("track"));
            });

    TrialResult sgd =
        files.readTrial("smoke-training", "smoke-training__SGD__b32__r0").orElseThrow();
    assertThat(sgd.epochs()).extracting(EpochRecord::gradientEvaluations).containsExactly(8L, 16L);
    assertThat(sgd.epochs()).extracting(EpochRecord::hessianVectorProducts).containsExactly(0L, 0L);
    assertThat(sgd.epochs()).allSatisfy(e -> assertThat(e.trustRegion()).isNull());
    assertThat(sgd.methodSettings()).containsOnlyKeys("SGD");
    assertThat(sgd.methodSettings().get("SGD")).containsEntry("learningRate", "0.5");
    // Two Gaussian blobs at ±(1, 1) with unit variance: the Bayes accuracy is Φ(√2) ≈ 0.92.
    assertThat(sgd.metrics().get("finalTestAccuracy")).isBetween(0.8, 1.0);
    assertThat(sgd.epochs().get(1).wallSeconds()).isGreaterThan(sgd.epochs().get(0).wallSeconds());

    TrialResult tr = files.readTrial("smoke-training", "smoke-training__TR__b64__r1").orElseThrow();
    assertThat(tr.epochs())
        .allSatisfy(
            e -> {
              assertThat(e.activeMethod()).isEqualTo("TR");
              assertThat(e.trustRegion()).isNotNull();
              assertThat(e.trustRegion().steps()).isEqualTo(4);
            });
    assertThat(tr.epochs().get(1).hessianVectorProducts()).isGreaterThan(0);

    TrialResult track =
        files.readTrial("smoke-training", "smoke-training__SGD-TR__b64__r0").orElseThrow();
    assertThat(track.epochs())
        .extracting(EpochRecord::stage, EpochRecord::activeMethod)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "SGD"),
            org.assertj.core.groups.Tuple.tuple(1, "TR"));
    assertThat(track.metrics().get("stage1.testAccuracy"))
        .isEqualTo(track.epochs().get(0).testAccuracy());
    assertThat(track.metrics().get("stage2.testAccuracy"))
        .isEqualTo(track.epochs().get(1).testAccuracy());
    assertThat(ModelFiles.stageModel(files, "smoke-training", track.trialId(), 1)).isRegularFile();
    assertThat(ModelFiles.stageModel(files, "smoke-training", track.trialId(), 2)).isRegularFile();

    assertThat(allureFiles("-result.json")).hasSize(10);
    assertThat(allureFiles("-container.json")).hasSize(1);
    JsonNode allure =
        ResultFiles.mapper()
            .readTree(
                new AllureResultsWriter(allure())
                    .trialResultFile("smoke-training", "smoke-training__TR__b64__r1")
                    .toFile());
    assertThat(allure.path("name").asText()).isEqualTo("smoke-training__TR__b64__r1");
    assertThat(allure.path("testCaseId").asText()).isEqualTo("smoke-training__TR__b64__r1");
    assertThat(allure.path("historyId").asText()).isEqualTo("smoke-training__TR__b64__r1@smoke");
    assertThat(allure.path("status").asText()).isEqualTo("passed");
    assertThat(allure.path("stop").asLong()).isGreaterThanOrEqualTo(allure.path("start").asLong());
    Map<String, String> labels = new HashMap<>();
    allure
        .path("labels")
        .forEach(l -> labels.putIfAbsent(l.path("name").asText(), l.path("value").asText()));
    assertThat(labels)
        .containsEntry("suite", "smoke-training")
        .containsEntry("story", "TR")
        .containsEntry("parentSuite", "experiments (smoke)");
    Map<String, String> parameters = new HashMap<>();
    allure
        .path("parameters")
        .forEach(p -> parameters.put(p.path("name").asText(), p.path("value").asText()));
    assertThat(parameters)
        .containsEntry("method", "TR")
        .containsEntry("batchSize", "64")
        .containsEntry("repeat", "1")
        .containsEntry("seed", tr.parameter("seed"))
        .containsEntry("scale", "smoke")
        .containsEntry("TR.initialRadius", "1.0");
    List<String> attachmentNames = allure.path("attachments").findValuesAsText("name");
    assertThat(attachmentNames).containsExactly("epochs.csv", "result.json");
    for (JsonNode attachment : allure.path("attachments")) {
      assertThat(allure().resolve(attachment.path("source").asText())).isRegularFile();
    }
    List<String> csv =
        Files.readAllLines(
            allure().resolve(allure.path("attachments").get(0).path("source").asText()));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).startsWith("epoch,stage,activeMethod,trainLoss");
    assertThat(
            ResultFiles.mapper()
                .readValue(
                    allure()
                        .resolve(allure.path("attachments").get(1).path("source").asText())
                        .toFile(),
                    TrialResult.class))
        .isEqualTo(tr);
  }

  @Test
  void startsEveryMethodOfARepeatFromTheSameInitialParameters() {
    run(SmokeExperiment.class);

    Map<String, List<String>> checksumsByRepeat =
        new ResultFiles(results())
            .readTrials("smoke-training").stream()
                .collect(
                    Collectors.groupingBy(
                        t -> t.parameter("repeat"),
                        Collectors.mapping(
                            t -> t.environment().get("initialParameterChecksum"),
                            Collectors.toList())));
    assertThat(checksumsByRepeat.get("0"))
        .hasSize(5)
        .containsOnly(checksumsByRepeat.get("0").get(0));
    assertThat(checksumsByRepeat.get("1"))
        .hasSize(5)
        .containsOnly(checksumsByRepeat.get("1").get(0));
    assertThat(checksumsByRepeat.get("0").get(0)).isNotEqualTo(checksumsByRepeat.get("1").get(0));
  }

  @Test
  void recordsADivergedTrialAsDivergedReportsItAbortedAndRunsTheNextTrial() throws IOException {
    EngineExecutionResults execution = run(DivergingExperiment.class);

    execution.testEvents().assertStatistics(s -> s.started(2).aborted(1).succeeded(1).failed(0));
    Event aborted = execution.testEvents().aborted().list().get(0);
    assertThat(aborted.getTestDescriptor().getUniqueId().getLastSegment().getValue())
        .isEqualTo("diverging__SGD-huge__b64__r0");
    ResultFiles files = new ResultFiles(results());
    TrialResult diverged =
        files.readTrial("diverging", "diverging__SGD-huge__b64__r0").orElseThrow();
    assertThat(diverged.status()).isEqualTo(TrialStatus.DIVERGED);
    assertThat(diverged.message()).startsWith("Diverged after ");
    assertThat(files.readTrial("diverging", "diverging__SGD__b64__r0").orElseThrow().status())
        .isEqualTo(TrialStatus.COMPLETED);
    JsonNode allure =
        ResultFiles.mapper()
            .readTree(
                new AllureResultsWriter(allure())
                    .trialResultFile("diverging", "diverging__SGD-huge__b64__r0")
                    .toFile());
    assertThat(allure.path("status").asText()).isEqualTo("skipped");
    assertThat(allure.path("statusDetails").path("message").asText())
        .startsWith("DIVERGED: Diverged after ");
  }

  @Test
  void keepsFinishedTrialsWhenRunAgainAndReportsThemResumed() {
    run(DivergingExperiment.class);
    ResultFiles files = new ResultFiles(results());
    Map<String, String> firstRunIds =
        files.readTrials("diverging").stream()
            .collect(Collectors.toMap(TrialResult::trialId, t -> t.environment().get("runId")));

    EngineExecutionResults second = run(DivergingExperiment.class);

    second.testEvents().assertStatistics(s -> s.started(2).aborted(1).succeeded(1));
    assertThat(second.testEvents().reportingEntryPublished().list())
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(
                        e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                            .orElseThrow()
                            .getKeyValuePairs())
                    .containsEntry("resumed", "true"));
    assertThat(files.readTrials("diverging"))
        .allSatisfy(
            t -> assertThat(t.environment().get("runId")).isEqualTo(firstRunIds.get(t.trialId())));
  }

  @Test
  void refusesAResultsDirectoryHoldingTheExperimentAtAnotherScale() {
    run(DivergingExperiment.class);

    EngineExecutionResults atCi = run("ci", selectClass(DivergingExperiment.class));

    atCi.containerEvents().assertStatistics(s -> s.failed(1));
    Throwable failure =
        atCi.containerEvents()
            .failed()
            .list()
            .get(0)
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertThat(failure)
        .hasMessageContaining(
            "holds experiment diverging at scale smoke, but this run is at scale ci");
  }

  @Test
  void failsInvalidExperimentsWithEveryProblemAndRunsNothing() {
    EngineExecutionResults execution =
        run(
            SmokeExperiment.class,
            BrokenExperiments.NoBatchSizes.class,
            BrokenExperiments.UnknownOptimizer.class);

    execution.testEvents().assertStatistics(s -> s.started(0));
    execution.containerEvents().assertStatistics(s -> s.failed(2).skipped(1));
    List<String> messages =
        execution.containerEvents().failed().list().stream()
            .map(
                e ->
                    e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow()
                        .getMessage())
            .toList();
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("NoBatchSizes").contains("no batch sizes"))
        .anySatisfy(
            m -> assertThat(m).contains("UnknownOptimizer").contains("'Adagrad' is unknown"));
    assertThat(new ResultFiles(results()).experiments()).isEmpty();
  }

  @Test
  void discoversNothingUnlessEnabled() {
    EngineExecutionResults execution =
        EngineTestKit.engine(ExperimentTestEngine.ENGINE_ID)
            .selectors(selectClass(DivergingExperiment.class))
            .configurationParameter(ExperimentOptions.RESULTS, results().toString())
            .execute();

    execution.allEvents().assertStatistics(s -> s.started(1).finished(1));
    execution.testEvents().assertStatistics(s -> s.started(0));
    assertThat(results()).doesNotExist();
  }

  @Test
  void runsOnlyTheExperimentsThatTheFilterSelects() {
    EngineExecutionResults execution =
        EngineTestKit.engine(ExperimentTestEngine.ENGINE_ID)
            .selectors(selectClass(SmokeExperiment.class), selectClass(SubproblemExperiment.class))
            .configurationParameter(ExperimentTestEngine.ENABLED, "true")
            .configurationParameter(ExperimentOptions.SCALE, "smoke")
            .configurationParameter(ExperimentOptions.FILTER, "^subpro")
            .configurationParameter(ExperimentOptions.RESULTS, results().toString())
            .execute();

    execution.testEvents().assertStatistics(s -> s.started(6));
    assertThat(new ResultFiles(results()).experiments()).containsExactly("subproblem");
  }

  @Test
  void runsOneTrialSelectedByItsUniqueId() {
    UniqueId id =
        UniqueId.forEngine(ExperimentTestEngine.ENGINE_ID)
            .append("experiment", DivergingExperiment.class.getName())
            .append("trial", "diverging__SGD__b64__r0");

    EngineExecutionResults execution = run("smoke", selectUniqueId(id));

    execution.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(new ResultFiles(results()).readTrials("diverging"))
        .extracting(TrialResult::trialId)
        .containsExactly("diverging__SGD__b64__r0");
    assertThat(new ResultFiles(results()).readManifest("diverging").trials()).hasSize(2);
  }

  @Test
  void runsOneTrialSelectedByItsUniqueIdWithoutTheExperimentsOfExperimentsPackages() {
    UniqueId id =
        UniqueId.forEngine(ExperimentTestEngine.ENGINE_ID)
            .append("experiment", DivergingExperiment.class.getName())
            .append("trial", "diverging__SGD__b64__r0");

    EngineExecutionResults execution =
        EngineTestKit.engine(ExperimentTestEngine.ENGINE_ID)
            .selectors(selectUniqueId(id))
            .configurationParameter(ExperimentTestEngine.ENABLED, "true")
            .configurationParameter(
                ExperimentTestEngine.PACKAGES, SubproblemExperiment.class.getPackageName())
            .configurationParameter(ExperimentOptions.SCALE, "smoke")
            .configurationParameter(ExperimentOptions.RESULTS, results().toString())
            .configurationParameter(ExperimentOptions.ALLURE, allure().toString())
            .execute();

    execution.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    assertThat(new ResultFiles(results()).experiments()).containsExactly("diverging");
    assertThat(new ResultFiles(results()).readTrials("diverging"))
        .extracting(TrialResult::trialId)
        .containsExactly("diverging__SGD__b64__r0");
  }

  @Test
  void runsCustomTrialsOnTheSavedModelsOfTheTrainingTrials() {
    EngineExecutionResults execution = run(LandscapeExperiment.class);

    execution.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    ResultFiles files = new ResultFiles(results());
    TrialResult path = files.readTrial("landscape", "landscape__SGD-vs-TR").orElseThrow();
    List<Double> accuracy = path.series().get("path").column("testAccuracy");
    List<Double> loss = path.series().get("path").column("testLoss");
    TrialResult sgd = files.readTrial("landscape", "landscape__SGD__b64__r0").orElseThrow();
    TrialResult tr = files.readTrial("landscape", "landscape__TR__b64__r0").orElseThrow();
    // α = 0 is the TR network, α = 1 the SGD network, exactly as their trials ended.
    assertThat(accuracy.get(0)).isEqualTo(tr.metrics().get("finalTestAccuracy"));
    assertThat(accuracy.get(2)).isEqualTo(sgd.metrics().get("finalTestAccuracy"));
    assertThat(loss.get(0))
        .isCloseTo(tr.metrics().get("finalTestLoss"), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(path.metrics().get("distance")).isPositive();
    assertThat(path.parameters())
        .containsEntry("trialType", "custom")
        .containsEntry("pair", "SGD-TR");
  }

  @Test
  void recordsAFailingCustomTrialAsFailedAndRunsTheOthers() {
    EngineExecutionResults execution = run(SubproblemExperiment.class);

    execution.testEvents().assertStatistics(s -> s.started(6).succeeded(4).failed(2));
    ResultFiles files = new ResultFiles(results());
    TrialResult failed = files.readTrial("subproblem", "subproblem__lambda0__r1").orElseThrow();
    assertThat(failed.status()).isEqualTo(TrialStatus.FAILED);
    assertThat(failed.message()).contains("lambda = 0: the problem has no minimizer");
    TrialResult solved = files.readTrial("subproblem", "subproblem__lambda4__r0").orElseThrow();
    // Gradient descent with η = 1/(2λ) halves the error, so the gap f(z) − f* shrinks fourfold.
    List<Double> gap = solved.series().get("gap").column("gap");
    assertThat(gap.get(0)).isCloseTo(0.125, org.assertj.core.data.Offset.offset(1e-12));
    for (int t = 1; t < gap.size(); t++) {
      assertThat(gap.get(t))
          .isCloseTo(gap.get(t - 1) / 4, org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  @Test
  void contributesNoTrialsAndNoFailureForAnExperimentNotDeclaredAtTheScale() {
    EngineExecutionResults execution = run(PaperOnlyExperiment.class, DivergingExperiment.class);

    execution.testEvents().assertStatistics(s -> s.started(2).failed(0));
    execution.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
    Event skipped = execution.containerEvents().skipped().list().get(0);
    assertThat(skipped.getTestDescriptor().getUniqueId().getLastSegment().getValue())
        .isEqualTo(PaperOnlyExperiment.class.getName());
    assertThat(skipped.getPayload(String.class).orElseThrow())
        .contains("Not declared at scale smoke")
        .contains("only at scale(s) paper");
    assertThat(new ResultFiles(results()).experiments()).containsExactly("diverging");
  }

  @Test
  void failsAnExperimentWhoseScalesAreDeclaredInconsistentlyAtAScaleWhereItDoesNotExist() {
    EngineExecutionResults execution = run(BrokenExperiments.AtScaleForAbsentScale.class);

    execution.containerEvents().assertStatistics(s -> s.failed(1));
    Throwable failure =
        execution
            .containerEvents()
            .failed()
            .list()
            .get(0)
            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
            .orElseThrow()
            .getThrowable()
            .orElseThrow();
    assertThat(failure)
        .hasMessageContaining("AtScaleForAbsentScale")
        .hasMessageContaining("@AtScale(scale = SMOKE)");
  }

  @Test
  void failsTheSecondOfTwoExperimentsWithOneIdEvenWhenTheFirstIsNotDeclaredAtTheScale() {
    EngineExecutionResults execution =
        run(PaperOnlyExperiment.class, BrokenExperiments.PaperOnlyIdAgain.class);

    execution.testEvents().assertStatistics(s -> s.started(0));
    execution.containerEvents().assertStatistics(s -> s.failed(1));
    Event failed = execution.containerEvents().failed().list().get(0);
    assertThat(failed.getTestDescriptor().getUniqueId().getLastSegment().getValue())
        .endsWith("PaperOnlyIdAgain");
    assertThat(
            failed
                .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow())
        .hasMessageContaining(
            "the id 'paper-only' is also used by " + PaperOnlyExperiment.class.getName());
  }

  @Test
  void failsEveryExperimentWithOneMessageBeforeAnyTrialWhenTheCudaDriverIsMissing() {
    BackendCheck noDriver =
        new BackendCheck(
            () -> {
              throw new IllegalStateException(
                  "Backend JCublasBackend is unavailable",
                  new RuntimeException(
                      new UnsatisfiedLinkError(
                          "libjnicudart.so: libcuda.so.1: cannot open shared object file")));
            });

    EngineExecutionResults execution =
        EngineTestKit.engine(new ExperimentTestEngine(noDriver))
            .selectors(selectClass(SubproblemExperiment.class))
            .configurationParameter(ExperimentTestEngine.ENABLED, "true")
            .configurationParameter(ExperimentOptions.SCALE, "smoke")
            .configurationParameter(ExperimentOptions.RESULTS, results().toString())
            .execute();

    execution.testEvents().assertStatistics(s -> s.started(0));
    execution
        .containerEvents()
        .failed()
        .assertThatEvents()
        .hasSize(1)
        .allSatisfy(
            event ->
                assertThat(
                        event
                            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                            .orElseThrow())
                    .hasMessageContaining("libcuda.so.1 could not be loaded")
                    .hasMessageContaining("-Pcuda"));
    assertThat(results()).doesNotExist();
  }
}
