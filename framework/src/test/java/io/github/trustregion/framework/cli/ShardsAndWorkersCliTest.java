package io.github.trustregion.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.fixtures.ResumeExperiment;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.run.Shard;
import io.github.trustregion.framework.run.WorkerPool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's {@code --shard} and {@code --workers}: bad values, and real runs. */
class ShardsAndWorkersCliTest {

  @TempDir Path directory;

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ExperimentsCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void refusesShardsOutsideOneToNAndTextThatIsNotKOfNAndAPoolOfNoWorkers() {
    for (String bad : List.of("0/3", "4/3", "a/b")) {
      Outcome outcome =
          run("--list", "--scale", "smoke", "--shard", bad, ResumeExperiment.class.getName());
      assertThat(outcome.status()).as(bad).isEqualTo(ExperimentsCli.EXIT_USAGE);
      assertThat(outcome.err()).as(bad).contains("--shard").contains(bad).contains("K/N");
    }
    Outcome none = run("--scale", "smoke", "--workers", "0", ResumeExperiment.class.getName());
    assertThat(none.status()).isEqualTo(ExperimentsCli.EXIT_USAGE);
    assertThat(none.err()).contains("--workers").contains("'0'");
  }

  @Test
  void theShardsOfAPlanRunInSeparateProcessesCoverEveryTrialOnce() throws Exception {
    Path results = directory.resolve("results");
    List<Process> shards = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      shards.add(start(results, directory.resolve("shard-" + k + ".log"), "--shard", k + "/3"));
    }
    for (Process shard : shards) {
      assertThat(shard.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(shard.exitValue()).isZero();
    }
    List<TrialResult> trials = new ResultFiles(results).readTrials("resume");
    assertThat(trials)
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED));
    // Each process records its own run id in the trials it trains: the trials of one run id all
    // belong to one shard, and every shard that has trials is one process.
    java.util.Map<String, java.util.Set<Integer>> shardsOfRun = new java.util.HashMap<>();
    for (TrialResult trial : trials) {
      shardsOfRun
          .computeIfAbsent(trial.environment().get("runId"), r -> new java.util.HashSet<>())
          .add(Shard.of(trial.trialId(), 3));
    }
    assertThat(shardsOfRun.values()).allSatisfy(set -> assertThat(set).hasSize(1));
    assertThat(shardsOfRun)
        .hasSize((int) trials.stream().map(t -> Shard.of(t.trialId(), 3)).distinct().count());
  }

  @Test
  void twoWorkersRunThePlanOnceAndSayWhereTheirLogsAre() throws Exception {
    Path results = directory.resolve("results");
    Path log = directory.resolve("pool.log");
    Process pool = start(results, log, "--workers", "2");
    assertThat(pool.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(log);
    assertThat(pool.exitValue()).as(output).isZero();
    assertThat(new ResultFiles(results).readTrials("resume"))
        .hasSize(4)
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED));
    assertThat(output).contains("4 trial(s) run by 2 workers: 4 completed");
    Path logs = results.resolve(WorkerPool.LOG_DIRECTORY);
    assertThat(logs.resolve("worker-1.log")).exists();
    assertThat(logs.resolve("worker-2.log")).exists();
    assertThat(
            new ResultFiles(results)
                .readTrials("resume").stream().map(t -> t.environment().get("runId")).distinct())
        .as("the trials were trained by the workers, one run id each")
        .hasSizeBetween(1, 2);
    assertThat(Files.readString(logs.resolve("worker-1.log"))).doesNotContain("Exception");
  }

  private static Process start(Path results, Path log, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                ExperimentsCli.class.getName(),
                "--scale",
                "smoke",
                "--results",
                results.toString()));
    command.addAll(List.of(extra));
    command.add(ResumeExperiment.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }
}
