package io.github.trustregion.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SubproblemExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.run.BackendCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's exit statuses and effects; of its text, only that it names the experiment and
 * the problem or scale concerned (the wording is for the user, not for these tests).
 */
class ExperimentsCliTest {

  @TempDir Path directory;

  private final PrintStream sink =
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  private int run(String... args) {
    return ExperimentsCli.run(args, sink, sink);
  }

  @Test
  void exitsWithTwoOnInvalidDeclarationsAndRunsNothing() {
    Path results = directory.resolve("results");

    assertThat(
            run(
                "--scale",
                "smoke",
                "--results",
                results.toString(),
                BrokenExperiments.ZeroRepeats.class.getName(),
                SubproblemExperiment.class.getName()))
        .isEqualTo(2);
    assertThat(results).doesNotExist();
  }

  @Test
  void listsWithoutRunning() {
    Path results = directory.resolve("results");

    assertThat(
            run(
                "--list",
                "--scale",
                "smoke",
                "--results",
                results.toString(),
                SubproblemExperiment.class.getName()))
        .isZero();
    assertThat(new ResultFiles(results).experiments()).isEmpty();
  }

  @Test
  void runsAndExitsWithOneWhenATrialFailedThenRetriesTheFailedTrialAndKeepsTheOthers() {
    Path results = directory.resolve("results");
    String[] args = {
      "--scale",
      "smoke",
      "--repeats",
      "1",
      "--results",
      results.toString(),
      SubproblemExperiment.class.getName()
    };

    assertThat(run(args)).isEqualTo(1);
    ResultFiles files = new ResultFiles(results);
    assertThat(files.readTrials("subproblem")).hasSize(3);
    assertThat(files.readTrial("subproblem", "subproblem__lambda0__r0").orElseThrow().status())
        .isEqualTo(TrialStatus.FAILED);
    assertThat(files.readManifest("subproblem").trials()).hasSize(3);
    Map<String, TrialResult> first =
        files.readTrials("subproblem").stream()
            .collect(Collectors.toMap(TrialResult::trialId, t -> t));

    assertThat(run(args)).isEqualTo(1);

    Map<String, TrialResult> second =
        files.readTrials("subproblem").stream()
            .collect(Collectors.toMap(TrialResult::trialId, t -> t));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    TrialResult retried = second.get("subproblem__lambda0__r0");
    assertThat(retried.status()).isEqualTo(TrialStatus.FAILED);
    assertThat(retried.environment().get("runId"))
        .isNotEqualTo(first.get("subproblem__lambda0__r0").environment().get("runId"));
    assertThat(second.get("subproblem__lambda2__r0"))
        .isEqualTo(first.get("subproblem__lambda2__r0"));
    assertThat(second.get("subproblem__lambda4__r0"))
        .isEqualTo(first.get("subproblem__lambda4__r0"));
  }

  @Test
  void exitsWithTwoWhenTheResultsDirectoryHoldsAnotherScale() {
    Path results = directory.resolve("results");
    run(
        "--scale",
        "smoke",
        "--repeats",
        "1",
        "--results",
        results.toString(),
        SubproblemExperiment.class.getName());

    assertThat(
            run(
                "--scale",
                "ci",
                "--results",
                results.toString(),
                SubproblemExperiment.class.getName()))
        .isEqualTo(2);
    assertThat(new ResultFiles(results).readManifest("subproblem").scale()).isEqualTo("smoke");
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertThat(run("--fast")).isEqualTo(2);
    assertThat(run("--scale", "huge")).isEqualTo(2);
    assertThat(run("--repeats", "0")).isEqualTo(2);
    assertThat(run("--results")).isEqualTo(2);
  }

  @Test
  void findsNothingToRunWithAFilterThatMatchesNoExperiment() {
    assertThat(
            run(
                "--filter",
                "no-such-experiment",
                "--results",
                directory.toString(),
                SubproblemExperiment.class.getName()))
        .isEqualTo(2);
  }

  @Test
  void findsAnInvalidExperimentByItsDeclaredIdAndPrintsItsProblems() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {
              "--list",
              "--filter",
              "paper-only-with-smoke",
              "--scale",
              "paper",
              "--results",
              directory.toString(),
              BrokenExperiments.AtScaleForAbsentScale.class.getName()
            },
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains(BrokenExperiments.AtScaleForAbsentScale.class.getName())
        .contains("@AtScale(scale = SMOKE)")
        .doesNotContain("No experiment found");
  }

  @Test
  void findsAnInvalidExperimentByTheKebabCaseNameOfItsClass() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {
              "--validate",
              "--filter",
              "^zero-repeats$",
              "--scale",
              "smoke",
              BrokenExperiments.ZeroRepeats.class.getName()
            },
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains(BrokenExperiments.ZeroRepeats.class.getName())
        .contains("the number of repeats is 0");
  }

  @Test
  void listsAnExperimentNotDeclaredAtTheScaleAsExistingOnlyAtItsScales() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {
              "--list",
              "--scale",
              "smoke",
              "--results",
              directory.toString(),
              PaperOnlyExperiment.class.getName(),
              SubproblemExperiment.class.getName()
            },
            new PrintStream(output, true, StandardCharsets.UTF_8),
            sink);

    assertThat(status).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains(
            "paper-only (" + PaperOnlyExperiment.class.getName() + "): only at scale(s) paper")
        .contains("subproblem__lambda0__r0")
        .doesNotContain("paper-only__");
  }

  @Test
  void validatesAndRunsNothingForAnExperimentNotDeclaredAtTheScale() {
    Path results = directory.resolve("results");

    assertThat(run("--validate", "--scale", "smoke", PaperOnlyExperiment.class.getName())).isZero();
    assertThat(
            run(
                "--scale",
                "smoke",
                "--results",
                results.toString(),
                PaperOnlyExperiment.class.getName()))
        .isZero();
    assertThat(results).doesNotExist();
  }

  @Test
  void listsTheTrialsOfAnExperimentAtTheScaleItIsDeclaredAt() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {
              "--list",
              "--scale",
              "paper",
              "--results",
              directory.toString(),
              PaperOnlyExperiment.class.getName()
            },
            new PrintStream(output, true, StandardCharsets.UTF_8),
            sink);

    assertThat(status).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("paper-only__SGD__b32__r0")
        .contains("paper-only__TR__b64__r0")
        .doesNotContain("only at scale(s)");
  }

  @Test
  void exitsWithTwoNamingATargetThatIsNeitherAClassNorAPackageWithExperiments() {
    Path results = directory.resolve("results");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String misspelled = SubproblemExperiment.class.getName() + "Typo";

    int status =
        ExperimentsCli.run(
            new String[] {
              "--scale",
              "smoke",
              "--results",
              results.toString(),
              SubproblemExperiment.class.getName(),
              misspelled
            },
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("'" + misspelled + "'");
    assertThat(results).doesNotExist();
  }

  @Test
  void exitsWithTwoNamingTheFileWhenAManifestIsCorrupt() throws IOException {
    Path results = directory.resolve("results");
    String[] args = {
      "--scale",
      "smoke",
      "--repeats",
      "1",
      "--results",
      results.toString(),
      SubproblemExperiment.class.getName()
    };
    run(args);
    Path manifest = results.resolve("subproblem").resolve(ResultFiles.MANIFEST);
    Files.writeString(manifest, "{\"schemaVersion\": ");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(args, sink, new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains(manifest.toString());
  }

  @Test
  void exitsWithTwoNamingTheOptionAndTheValueWhenTheFilterIsNoRegularExpression() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {"--filter", "[", "--validate", SubproblemExperiment.class.getName()},
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--filter").contains("'['");
  }

  @Test
  void exitsWithThreeAndCountsTheDivergedTrialsWhenSomeDivergedAndNoneFailed() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {
              "--scale",
              "smoke",
              "--results",
              directory.resolve("results").toString(),
              DivergingExperiment.class.getName()
            },
            new PrintStream(output, true, StandardCharsets.UTF_8),
            sink);

    assertThat(status).isEqualTo(ExperimentsCli.EXIT_DIVERGED).isEqualTo(3);
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("1 diverged");
  }

  @Test
  void removesTheHiddenTemporaryFilesOfKilledWritesWhenARunStarts() throws IOException {
    Path results = directory.resolve("results");
    Path trials =
        Files.createDirectories(results.resolve("subproblem").resolve(ResultFiles.TRIALS));
    Path stale =
        Files.writeString(trials.resolve(".subproblem__lambda0__r0.json12345.tmp"), "{\"half");
    Path staleManifest =
        Files.writeString(results.resolve("subproblem").resolve(".manifest.json987.tmp"), "");
    Path unrelated = Files.writeString(trials.resolve("notes.tmp"), "mine");

    run(
        "--scale",
        "smoke",
        "--repeats",
        "1",
        "--results",
        results.toString(),
        SubproblemExperiment.class.getName());

    assertThat(stale).doesNotExist();
    assertThat(staleManifest).doesNotExist();
    assertThat(unrelated).exists();
  }

  @Test
  void exitsWithTwoAndOneMessageWithoutWritingAnythingWhenTheCudaDriverIsMissing() {
    Path results = directory.resolve("results");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    BackendCheck noDriver =
        new BackendCheck(
            () -> {
              throw new IllegalStateException(
                  "Backend JCublasBackend is unavailable",
                  new RuntimeException(
                      new UnsatisfiedLinkError(
                          "libjnicudart.so: libcuda.so.1: cannot open shared object file")));
            });

    int status =
        ExperimentsCli.run(
            new String[] {
              "--scale",
              "smoke",
              "--results",
              results.toString(),
              SubproblemExperiment.class.getName()
            },
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8),
            noDriver);

    assertThat(status).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains("libcuda.so.1 could not be loaded")
        .contains("-Pcuda")
        .hasLineCount(1);
    assertThat(results).doesNotExist();
  }

  @Test
  void printsTheBackendAndDeviceBeforeTheTrials() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    ExperimentsCli.run(
        new String[] {
          "--scale",
          "smoke",
          "--repeats",
          "1",
          "--results",
          directory.resolve("results").toString(),
          SubproblemExperiment.class.getName()
        },
        new PrintStream(output, true, StandardCharsets.UTF_8),
        sink);

    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("ND4J backend CpuBackend on 1 device(s)");
  }

  @Test
  void helpPrintsTheUsageWithEveryOptionOnStandardOutputAndExitsZero() {
    for (String help : new String[] {"--help", "-h"}) {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      ByteArrayOutputStream errors = new ByteArrayOutputStream();

      int status =
          ExperimentsCli.run(
              new String[] {help},
              new PrintStream(output, true, StandardCharsets.UTF_8),
              new PrintStream(errors, true, StandardCharsets.UTF_8));

      assertThat(status).as(help).isZero();
      assertThat(output.toString(StandardCharsets.UTF_8))
          .contains(
              "--list",
              "--validate",
              "--scale",
              "--repeats",
              "--filter",
              "--results",
              "--allure",
              "--help");
      assertThat(errors.size()).isZero();
    }
  }

  @Test
  void exitsWithTwoNamingTheOptionAndTheValueWhenANumberIsNoNumber() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {"--repeats", "x", "--validate", SubproblemExperiment.class.getName()},
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(ExperimentsCli.EXIT_USAGE);
    String text = errors.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow()).contains("--repeats").contains("'x'");
    assertThat(text)
        .contains("--help")
        .doesNotContain("For input string")
        .doesNotContain("Exception");
  }

  @Test
  void exitsWithTwoNamingAnUnknownOptionWithoutRunning() {
    Path results = directory.resolve("results");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int status =
        ExperimentsCli.run(
            new String[] {
              "--alpha",
              "x",
              "--scale",
              "smoke",
              "--results",
              results.toString(),
              SubproblemExperiment.class.getName()
            },
            sink,
            new PrintStream(errors, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(ExperimentsCli.EXIT_USAGE);
    assertThat(errors.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
        .contains("--alpha");
    assertThat(results).doesNotExist();
  }
}
