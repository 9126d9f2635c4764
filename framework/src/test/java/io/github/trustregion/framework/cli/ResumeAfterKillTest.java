package io.github.trustregion.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a command-line run in a child JVM after its first trial file appears, restarts it, and
 * checks that every trial ends up present once and that finished trials were not recomputed.
 */
class ResumeAfterKillTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path directory;

  @Test
  void aRunKilledAfterItsFirstTrialFinishesEveryTrialOnRestartWithoutRecomputingAny()
      throws Exception {
    Path results = directory.resolve("results");
    Process first = ChildRuns.start(results, directory.resolve("first.log"));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (ChildRuns.trialFiles(results).isEmpty()
        && first.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<Path> afterKill = ChildRuns.trialFiles(results);
    assertThat(afterKill)
        .as("the run was killed between trials, see %s", directory.resolve("first.log"))
        .isNotEmpty()
        .hasSizeLessThan(4);
    ResultFiles files = new ResultFiles(results);
    Map<String, String> keptRunIds =
        files.readTrials("resume").stream()
            .collect(Collectors.toMap(TrialResult::trialId, t -> t.environment().get("runId")));

    Process second = ChildRuns.start(results, directory.resolve("second.log"));
    assertThat(second.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(second.exitValue())
        .as("exit status, see %s", directory.resolve("second.log"))
        .isZero();
    List<TrialResult> trials = files.readTrials("resume");
    assertThat(trials)
        .extracting(TrialResult::trialId)
        .containsExactly(
            "resume__Sleepy__b32__r0",
            "resume__Sleepy__b32__r1",
            "resume__Sleepy__b32__r2",
            "resume__Sleepy__b32__r3");
    assertThat(trials).allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED));
    assertThat(ChildRuns.trialFiles(results)).hasSize(4);
    String secondRunId =
        trials.stream()
            .filter(t -> !keptRunIds.containsKey(t.trialId()))
            .map(t -> t.environment().get("runId"))
            .findFirst()
            .orElseThrow();
    for (TrialResult trial : trials) {
      String expected = keptRunIds.getOrDefault(trial.trialId(), secondRunId);
      assertThat(trial.environment().get("runId")).as(trial.trialId()).isEqualTo(expected);
    }
    assertThat(keptRunIds.values()).doesNotContain(secondRunId);
  }
}
