package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.ResumeExperiment;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPoolTest {

  private static final List<String> TRIALS =
      IntStream.range(0, 4).mapToObj(r -> "resume__Sleepy__b32__r" + r).toList();

  @TempDir Path directory;

  private WorkerPool pool(Path results, int workers) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new WorkerPool(
        results,
        workers,
        1,
        i ->
            List.of(
                java,
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                ShardedRunMain.class.getName(),
                results.toString(),
                "1/1",
                directory.resolve("worker-" + i + ".started").toString()));
  }

  private List<ExperimentPlan> plans(Path results) {
    return Experiments.validate(
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(results)
            .withAllureResults(Optional.empty()),
        ResumeExperiment.class);
  }

  private List<String> started() throws Exception {
    List<String> all = new ArrayList<>();
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".started")).toList()) {
        all.addAll(Files.readAllLines(file));
      }
    }
    return all;
  }

  @Test
  void twoWorkersShareThePlanAndTrainEveryTrialOnce() throws Exception {
    Path results = directory.resolve("results");
    int status = pool(results, 2).run(plans(results), t -> true);
    assertThat(status).isZero();
    assertThat(started()).containsExactlyInAnyOrderElementsOf(TRIALS);
    assertThat(new ResultFiles(results).readTrials("resume"))
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED));
    assertThat(results.resolve(WorkerPool.LOG_DIRECTORY).resolve("worker-1.log")).exists();
    assertThat(results.resolve(WorkerPool.LOG_DIRECTORY).resolve("worker-2.log")).exists();
  }

  @Test
  void aWorkerKilledInTheMiddleOfATrialIsReplacedAndOnlyThatTrialRunsAgain() throws Exception {
    Path results = directory.resolve("results");
    ResultFiles files = new ResultFiles(results);
    List<ExperimentPlan> plans = plans(results);
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> pool(results, 2).run(plans, t -> true));
    String victimTrial = null;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (victimTrial == null && !status.isDone() && System.nanoTime() < deadline) {
      for (String id : TRIALS) {
        Path claim = TrialClaim.file(results, "resume", id);
        if (Files.exists(claim) && files.readTrial("resume", id).isEmpty()) {
          Optional<Long> pid = TrialClaim.pid(Files.readString(claim));
          // Kill once the worker has started training it (claimed, started, no result yet).
          if (pid.isPresent()
              && ProcessHandle.of(pid.get()).isPresent()
              && started().contains(id)) {
            ProcessHandle.of(pid.get()).get().destroyForcibly();
            victimTrial = id;
            break;
          }
        }
      }
      Thread.sleep(10);
    }
    assertThat(victimTrial).as("a worker was killed in the middle of a trial").isNotNull();
    assertThat(status.get(3, TimeUnit.MINUTES)).isZero();
    List<String> started = started();
    assertThat(started).filteredOn(victimTrial::equals).hasSize(2);
    String victim = victimTrial;
    assertThat(started)
        .filteredOn(id -> !id.equals(victim))
        .containsExactlyInAnyOrderElementsOf(
            TRIALS.stream().filter(id -> !id.equals(victim)).toList());
    assertThat(files.readTrials("resume"))
        .extracting(TrialResult::trialId)
        .containsExactlyElementsOf(TRIALS);
  }

  @Test
  void dividesTheParentsMemoryLimitsAmongTheWorkersAndDropsDebuggerAgents() {
    List<String> parent =
        List.of(
            "-Xmx3g",
            "-Dorg.bytedeco.javacpp.maxbytes=6G",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=10G",
            "-Dexperiments.scale=ci",
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005");
    assertThat(WorkerPool.jvmArgumentsPerWorker(parent, 2))
        .containsExactly(
            "-Xmx1536m",
            "-Dorg.bytedeco.javacpp.maxbytes=3072m",
            "-Dorg.bytedeco.javacpp.maxphysicalbytes=5120m",
            "-Dexperiments.scale=ci");
    assertThat(WorkerPool.jvmArgumentsPerWorker(List.of("-Xmx1g", "-Xss4m"), 4))
        .containsExactly("-Xmx512m", "-Xss4m");
    assertThat(WorkerPool.jvmArgumentsPerWorker(List.of("-Xmx3g"), 1)).containsExactly("-Xmx3g");
  }

  @Test
  void splitsTheCoresBetweenTheWorkersAndRefusesAnEmptyPool() {
    assertThat(WorkerPool.threadsPerWorker(2, 1)).isEqualTo(2);
    assertThat(WorkerPool.threadsPerWorker(2, 2)).isEqualTo(1);
    assertThat(WorkerPool.threadsPerWorker(16, 3)).isEqualTo(5);
    assertThat(WorkerPool.threadsPerWorker(2, 4)).isEqualTo(1);
    assertThatThrownBy(() -> new WorkerPool(directory, 0, 1, i -> List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 worker(s)");
  }
}
