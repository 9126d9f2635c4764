package io.github.trustregion.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.engine.ExperimentTestEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line finds experiments in any package named on it or in -Dexperiments.packages. */
class PackageScanCliTest {

  @TempDir Path results;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void clearProperty() {
    System.clearProperty(ExperimentTestEngine.PACKAGES);
  }

  private int run(String... args) {
    return ExperimentsCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void findsAnExperimentInAPackageNamedOnTheCommandLine() {
    int status = run("--list", "--scale", "smoke", "--results", results.toString(), "com.example");
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("elsewhere (com.example.elsewhere.ElsewhereExperiment)")
        .contains("elsewhere__SGD__b32__r0");
  }

  @Test
  void findsAnExperimentInThePackagesOfThePropertyAndNotInTheDefaultScan() {
    System.setProperty(ExperimentTestEngine.PACKAGES, "com.example.elsewhere");
    assertThat(run("--list", "--scale", "smoke", "--results", results.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("elsewhere__SGD__b32__r0");
  }

  @Test
  void saysWhichPackagesItScannedWhenItFindsNothing() {
    System.setProperty(ExperimentTestEngine.PACKAGES, "org.nothing.here");
    assertThat(run("--list", "--scale", "smoke", "--results", results.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("org.nothing.here")
        .contains("-D" + ExperimentTestEngine.PACKAGES);
    out.reset();
    err.reset();
    assertThat(
            run(
                "--list",
                "--scale",
                "smoke",
                "--results",
                results.toString(),
                "--filter",
                "no-such-experiment",
                "com.example"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("No experiment found in [com.example] matching no-such-experiment")
        .contains("the command line");
  }
}
