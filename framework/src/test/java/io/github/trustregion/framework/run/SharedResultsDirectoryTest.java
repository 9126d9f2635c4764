package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.LandscapeExperiment;
import io.github.trustregion.framework.fixtures.ResumeExperiment;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that share one results directory (shards, workers): every trial trained once, the same
 * results as one process, a killed process's trial taken over, and custom trials whose sources live
 * in another shard.
 */
class SharedResultsDirectoryTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final List<String> RESUME_TRIALS =
      IntStream.range(0, 4).mapToObj(r -> "resume__Sleepy__b32__r" + r).toList();

  @TempDir Path directory;

  private Process start(Path results, String shard, Path started, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            ShardedRunMain.class.getName(),
            results.toString(),
            shard,
            started.toString());
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.redirectErrorStream(true).redirectOutput(directory.resolve(name + ".log").toFile());
    return builder.start();
  }

  private static void await(Process process, Path log) throws InterruptedException {
    assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
        .as("finished, see %s", log)
        .isTrue();
    assertThat(process.exitValue()).as("exit status, see %s", log).isZero();
  }

  private static List<String> lines(Path... files) throws IOException {
    List<String> all = new ArrayList<>();
    for (Path file : files) {
      if (Files.exists(file)) {
        all.addAll(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList());
      }
    }
    return all;
  }

  @Test
  void twoShardsTogetherTrainEveryTrialOnceWithTheResultsOfOneProcess() throws Exception {
    Path single = directory.resolve("single");
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(single)
            .withAllureResults(Optional.empty());
    Experiments.run(options, ResumeExperiment.class);

    Path shared = directory.resolve("shared");
    Process one = start(shared, "1/2", directory.resolve("one.started"), "one");
    Process two = start(shared, "2/2", directory.resolve("two.started"), "two");
    await(one, directory.resolve("one.log"));
    await(two, directory.resolve("two.log"));

    List<String> started =
        lines(directory.resolve("one.started"), directory.resolve("two.started"));
    assertThat(started).containsExactlyInAnyOrderElementsOf(RESUME_TRIALS);
    assertThat(lines(directory.resolve("one.started")))
        .allSatisfy(id -> assertThat(Shard.of(id, 2)).isEqualTo(1));
    Map<String, TrialResult> reference =
        new ResultFiles(single)
            .readTrials("resume").stream().collect(Collectors.toMap(TrialResult::trialId, t -> t));
    List<TrialResult> merged = new ResultFiles(shared).readTrials("resume");
    assertThat(merged).extracting(TrialResult::trialId).containsExactlyElementsOf(RESUME_TRIALS);
    for (TrialResult trial : merged) {
      TrialResult expected = reference.get(trial.trialId());
      assertThat(trial.status()).isEqualTo(TrialStatus.COMPLETED);
      assertThat(trial.epochs())
          .as(trial.trialId())
          .usingRecursiveFieldByFieldElementComparatorIgnoringFields("wallSeconds")
          .isEqualTo(expected.epochs());
      assertThat(withoutTimes(trial.metrics()))
          .as(trial.trialId())
          .isEqualTo(withoutTimes(expected.metrics()));
    }
  }

  @Test
  void twoProcessesOfTheSameShardNeverTrainATrialTwice() throws Exception {
    Path shared = directory.resolve("shared");
    Process a = start(shared, "1/1", directory.resolve("a.started"), "a");
    Process b = start(shared, "1/1", directory.resolve("b.started"), "b");
    await(a, directory.resolve("a.log"));
    await(b, directory.resolve("b.log"));
    assertThat(lines(directory.resolve("a.started"), directory.resolve("b.started")))
        .containsExactlyInAnyOrderElementsOf(RESUME_TRIALS);
    assertThat(new ResultFiles(shared).readTrials("resume"))
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED));
  }

  @Test
  void aProcessKilledInTheMiddleOfATrialLeavesItToTheNextProcessAndEveryOtherTrialIsKept()
      throws Exception {
    Path shared = directory.resolve("shared");
    ResultFiles files = new ResultFiles(shared);
    Process victim = start(shared, "1/1", directory.resolve("victim.started"), "victim");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String interrupted = null;
    while (interrupted == null && victim.isAlive() && System.nanoTime() < deadline) {
      if (!files.readTrials("resume").isEmpty()) {
        for (String id : RESUME_TRIALS) {
          Path claim = TrialClaim.file(shared, "resume", id);
          if (Files.exists(claim)
              && Files.readString(claim).contains("pid=" + victim.pid())
              && files.readTrial("resume", id).isEmpty()) {
            interrupted = id;
          }
        }
      }
      Thread.sleep(10);
    }
    victim.destroyForcibly();
    assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).as("the victim was killed in the middle of a trial").isNotNull();
    Map<String, String> kept =
        files.readTrials("resume").stream()
            .collect(Collectors.toMap(TrialResult::trialId, t -> t.environment().get("runId")));
    assertThat(kept).doesNotContainKey(interrupted);

    Process next = start(shared, "1/1", directory.resolve("next.started"), "next");
    await(next, directory.resolve("next.log"));

    assertThat(lines(directory.resolve("next.started")))
        .contains(interrupted)
        .doesNotContainAnyElementsOf(kept.keySet());
    List<TrialResult> trials = files.readTrials("resume");
    assertThat(trials).extracting(TrialResult::trialId).containsExactlyElementsOf(RESUME_TRIALS);
    for (TrialResult trial : trials) {
      if (kept.containsKey(trial.trialId())) {
        assertThat(trial.environment().get("runId"))
            .as(trial.trialId())
            .isEqualTo(kept.get(trial.trialId()));
      }
      assertThat(trial.status()).isEqualTo(TrialStatus.COMPLETED);
    }
    assertThat(Files.readString(directory.resolve("next.log")))
        .contains("Taking over the claim of " + interrupted);
  }

  @Test
  void aShardWhoseCustomTrialNeedsATrialOfAnotherShardRecordsWhichAndRunsItLater() {
    Path results = directory.resolve("results");
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(results)
            .withAllureResults(Optional.empty());
    List<ExperimentPlan> plans = Experiments.validate(options, LandscapeExperiment.class);
    List<TrialSpec> trials = plans.get(0).trials();
    TrialSpec custom =
        trials.stream().filter(t -> t.type() == TrialType.CUSTOM).findFirst().orElseThrow();
    String source = custom.custom().orElseThrow().dependsOn().get(0);
    int n =
        IntStream.rangeClosed(2, 50)
            .filter(k -> Shard.of(custom.trialId(), k) != Shard.of(source, k))
            .findFirst()
            .orElseThrow();
    Shard customShard = new Shard(Shard.of(custom.trialId(), n), n);
    Shard sourceShard = new Shard(Shard.of(source, n), n);

    RunSummary first = runner(options, customShard).run(plans, TrialListener.NONE);
    TrialResult notRun =
        first.results().stream()
            .filter(r -> r.trialId().equals(custom.trialId()))
            .findFirst()
            .orElseThrow();
    assertThat(notRun.status()).isEqualTo(TrialStatus.FAILED);
    assertThat(notRun.message())
        .contains(source)
        .contains("shard " + sourceShard)
        .contains("no process is training it");
    assertThat(new ResultFiles(results).readTrial("landscape", source)).isEmpty();

    for (String dependency : custom.custom().orElseThrow().dependsOn()) {
      runner(options, new Shard(Shard.of(dependency, n), n)).run(plans, TrialListener.NONE);
    }
    RunSummary again = runner(options, customShard).run(plans, TrialListener.NONE);
    assertThat(again.results())
        .filteredOn(r -> r.trialId().equals(custom.trialId()))
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(TrialStatus.COMPLETED));
  }

  private static Map<String, Double> withoutTimes(Map<String, Double> metrics) {
    return metrics.entrySet().stream()
        .filter(e -> !e.getKey().toLowerCase().contains("second"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static ExperimentRunner runner(ExperimentOptions options, Shard shard) {
    return new ExperimentRunner(
        MethodRegistry.standard(),
        options,
        BackendCheck.nd4j(),
        ExperimentRunner.Sharing.of(shard));
  }
}
