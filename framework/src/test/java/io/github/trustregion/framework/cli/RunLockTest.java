package io.github.trustregion.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.fixtures.ResumeExperiment;
import io.github.trustregion.framework.fixtures.SubproblemExperiment;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.run.RunLock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs into one results directory: a second run, while a first one runs in a child JVM, is
 * refused with a message that names the first; a lock left by a dead process is taken over.
 */
class RunLockTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path directory;

  @Test
  void aSecondRunIntoTheDirectoryOfARunningOneIsRefusedNamingTheFirstAndTrainsNothing()
      throws Exception {
    Path results = directory.resolve("results");
    Path log = directory.resolve("first.log");
    Process first = ChildRuns.start(results, log);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (ChildRuns.trialFiles(results).isEmpty()
        && first.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(first.isAlive()).as("the first run is still running, see %s", log).isTrue();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    int status =
        ExperimentsCli.run(
            new String[] {
              "--scale", "smoke", "--results", results.toString(), ResumeExperiment.class.getName()
            },
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));
    boolean firstStillRunning = first.isAlive();

    assertThat(first.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(status).as("exit status of the second run").isEqualTo(2);
    assertThat(firstStillRunning).as("the second run was refused while the first ran").isTrue();
    assertThat(first.exitValue()).as("exit status of the first run, see %s", log).isZero();
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains(results.resolve(RunLock.FILE_NAME).toString())
        .contains("process " + first.pid())
        .contains(InetAddress.getLocalHost().getHostName());
  }

  @Test
  void aLockLeftByADeadProcessIsTakenOverAndReleasedAtTheEnd() throws Exception {
    Process dead =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("version.log").toFile())
            .start();
    assertThat(dead.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path results = Files.createDirectories(directory.resolve("results"));
    Path lock =
        Files.writeString(
            results.resolve(RunLock.FILE_NAME),
            "pid=" + dead.pid() + "\nhost=" + InetAddress.getLocalHost().getHostName() + "\n");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    int status =
        ExperimentsCli.run(
            new String[] {
              "--scale",
              "smoke",
              "--repeats",
              "1",
              "--results",
              results.toString(),
              SubproblemExperiment.class.getName()
            },
            sink,
            sink);

    assertThat(status).as("one trial of the experiment fails by design").isEqualTo(1);
    assertThat(new ResultFiles(results).readTrials("subproblem")).hasSize(3);
    assertThat(lock).isEmptyFile();
  }
}
