package io.github.trustregion.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.fixtures.TuningResumeExperiment;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a command-line run of a tuning experiment during its tuning and again during its repeats,
 * and checks that nothing finished was recomputed and that every repeat uses the same choice.
 */
class TuningResumeAfterKillTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String ID = "tuning-resume";

  @TempDir Path directory;

  private Map<String, String> killAfter(Path results, int files, String log) throws Exception {
    Process run = ChildRuns.start(results, directory.resolve(log), TuningResumeExperiment.class);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (ChildRuns.trialFiles(results, ID).size() < files
        && run.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    run.destroyForcibly();
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Map<String, String> runIds = new HashMap<>();
    new ResultFiles(results)
        .readTrials(ID)
        .forEach(t -> runIds.put(t.trialId(), t.environment().get("runId")));
    return runIds;
  }

  @Test
  void aRunKilledDuringTuningAndDuringTheRepeatsFinishesWithoutRecomputingAndOneChoice()
      throws Exception {
    Path results = directory.resolve("results");
    Map<String, String> afterFirst = killAfter(results, 1, "first.log");
    assertThat(afterFirst)
        .as("killed during the tuning, see %s", directory.resolve("first.log"))
        .isNotEmpty()
        .allSatisfy((id, runId) -> assertThat(id).contains("__tune"));
    assertThat(afterFirst.size()).isLessThan(3);
    Map<String, String> afterSecond = killAfter(results, 4, "second.log");
    assertThat(afterSecond.keySet())
        .as("killed during the repeats, see %s", directory.resolve("second.log"))
        .contains(
            ID + "__Sleepy__tune0__b32__r0",
            ID + "__Sleepy__tune1__b32__r0",
            ID + "__Sleepy__tune2__b32__r0");
    assertThat(afterSecond.size()).isBetween(4, 5);

    Process last =
        ChildRuns.start(results, directory.resolve("third.log"), TuningResumeExperiment.class);
    assertThat(last.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).as("exit status, see %s", directory.resolve("third.log")).isZero();

    List<TrialResult> trials = new ResultFiles(results).readTrials(ID);
    assertThat(trials)
        .hasSize(6)
        .allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.COMPLETED));
    assertThat(ChildRuns.trialFiles(results, ID)).hasSize(6);
    for (TrialResult t : trials) {
      String kept = afterSecond.get(t.trialId());
      if (kept != null) {
        assertThat(t.environment().get("runId")).as(t.trialId()).isEqualTo(kept);
      }
      String first = afterFirst.get(t.trialId());
      if (first != null) {
        assertThat(t.environment().get("runId")).as(t.trialId()).isEqualTo(first);
      }
    }
    String[] steps = {"0.0001", "0.3", "3.0"};
    int best = 0;
    double bestAccuracy = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < 3; p++) {
      String id = ID + "__Sleepy__tune" + p + "__b32__r0";
      TrialResult t = trials.stream().filter(x -> x.trialId().equals(id)).findFirst().orElseThrow();
      List<EpochRecord> epochs = t.epochs();
      double accuracy = epochs.get(epochs.size() - 1).testAccuracy();
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        best = p;
      }
    }
    double chosen = Double.parseDouble(steps[best]);
    assertThat(trials.stream().filter(t -> !t.trialId().contains("__tune")))
        .hasSize(3)
        .allSatisfy(
            t ->
                assertThat(
                        Double.parseDouble(t.declaredSettings().get("Sleepy").get("learningRate")))
                    .as(t.trialId())
                    .isEqualTo(chosen));
  }
}
