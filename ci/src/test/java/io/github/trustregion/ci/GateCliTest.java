package io.github.trustregion.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BaselineComparison;
import io.github.trustregion.ci.baseline.BaselineFiles;
import io.github.trustregion.ci.baseline.BlessResult;
import io.github.trustregion.ci.baseline.BlessSettings;
import io.github.trustregion.ci.baseline.Blesser;
import io.github.trustregion.ci.baseline.Provenance;
import io.github.trustregion.ci.run.RunConfiguration;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCliTest {

  private static final double[] NOISE = {-0.004, 0.002, 0.0, 0.003, -0.001};
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final GateCli cli =
      new GateCli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          Map.of("GITHUB_SHA", COMMIT)::get);

  @Test
  void blessedRunPassesItsOwnGateWithExitCodeZero() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 5, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");

    int blessed =
        cli.run("bless", "--results", run.toString(), "--baselines", baselines.toString());
    int checked =
        cli.run(
            "check",
            "--results",
            run.toString(),
            "--baselines",
            baselines.toString(),
            "--json",
            temp.resolve("gate.json").toString(),
            "--markdown",
            temp.resolve("summary.md").toString());

    assertThat(blessed).isZero();
    assertThat(checked).isZero();
    JsonNode gate = ResultFiles.mapper().readTree(temp.resolve("gate.json").toFile());
    assertThat(gate.get("outcome").asText()).isEqualTo("PASS");
    assertThat(gate.get("exitCode").asInt()).isZero();
    assertThat(gate.get("rows"))
        .hasSize(8)
        .allSatisfy(
            row -> {
              assertThat(row.get("verdict").asText()).isEqualTo("PASS");
              assertThat(row.get("change").asDouble()).isCloseTo(0.0, within(1e-12));
            });
    assertThat(markdownTableRows(temp.resolve("summary.md"))).hasSize(8);
  }

  @Test
  void blessWritesAReadableBaselineWithProvenance() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 5, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");

    int code =
        cli.run(
            "bless",
            "--results",
            run.toString(),
            "--baselines",
            baselines.toString(),
            "--tolerance",
            "0.03",
            "--command",
            "mvn -B verify -Pexperiments -Dexperiments.scale=ci");

    assertThat(code).isZero();
    Path file = baselines.resolve(RunFixture.EXPERIMENT + ".json");
    assertThat(Files.readAllLines(file)).hasSizeGreaterThan(50);
    Baseline baseline = BaselineFiles.read(file);
    assertThat(baseline.scale()).isEqualTo("ci");
    assertThat(baseline.provenance().commit()).isEqualTo(COMMIT);
    assertThat(baseline.provenance().commitSource()).isEqualTo("GITHUB_SHA");
    assertThat(baseline.configuration())
        .isEqualTo(
            new RunConfiguration(
                "fixture-cnn",
                "1200",
                "400",
                "5000",
                "FLOAT",
                List.of(
                    new RunConfiguration.PlannedBatch("128", "3"),
                    new RunConfiguration.PlannedBatch("2048", "3")),
                List.of("fixture-run-1")));
    assertThat(baseline.provenance().scale()).isEqualTo("ci");
    assertThat(baseline.provenance().resultsDirectory()).isEqualTo(run.toString());
    assertThat(baseline.provenance().command())
        .isEqualTo("mvn -B verify -Pexperiments -Dexperiments.scale=ci");
    assertThat(baseline.provenance().environment()).containsEntry("backend", "CPU");
    assertThat(baseline.provenance().blessCommand())
        .isEqualTo(
            "ci/bin/gate bless --results "
                + run
                + " --baselines "
                + baselines
                + " --tolerance 0.03 --command 'mvn -B verify -Pexperiments -Dexperiments.scale=ci'");
    assertThat(java.time.Instant.parse(baseline.provenance().date()))
        .isBefore(java.time.Instant.now().plusSeconds(1));
    assertThat(baseline.comparisons())
        .hasSize(8)
        .allSatisfy(
            c -> {
              assertThat(c.tolerance()).isEqualTo(0.03);
              assertThat(c.n()).isEqualTo(5);
              assertThat(c.repeatGaps()).hasSize(5);
              assertThat(c.ciLow()).isLessThanOrEqualTo(c.gap());
              assertThat(c.ciHigh()).isGreaterThanOrEqualTo(c.gap());
            });
    BaselineComparison trAt2048 =
        baseline.comparisons().stream()
            .filter(
                c ->
                    c.metric().equals("finalTestAccuracy")
                        && c.method().equals("TR")
                        && c.setting().equals(Map.of("batchSize", "2048")))
            .findFirst()
            .orElseThrow();
    assertThat(trAt2048.reference()).isEqualTo("SGD");
    // Offsets shared per repeat cancel; each method's own noise does not. By hand: TR's noise at
    // B = 2048 averages −0.0002 and SGD's +0.0006, so the gap is 0.052 − 0.0008 = 0.0512.
    assertThat(trAt2048.gap()).isCloseTo(0.0512, within(1e-12));
    assertThat(trAt2048.methodMean()).isCloseTo(0.8548, within(1e-12));
    assertThat(trAt2048.referenceMean()).isCloseTo(0.8036, within(1e-12));
    for (int r = 0; r < 5; r++) {
      assertThat(trAt2048.repeatGaps().get(r))
          .isCloseTo(
              0.052
                  + RunFixture.methodNoise("TR", 2048, r)
                  - RunFixture.methodNoise("SGD", 2048, r),
              within(1e-12));
    }
    assertThat(trAt2048.ciLow()).isLessThan(trAt2048.gap());
    assertThat(trAt2048.ciHigh()).isGreaterThan(trAt2048.gap());
  }

  @Test
  void reblessKeepsHandTunedTolerancesUnlessAToleranceIsGiven() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");
    cli.run("bless", "--results", run.toString(), "--baselines", baselines.toString());
    BaselineFiles files = new BaselineFiles(baselines);
    Baseline first = files.readAll().get(0);
    List<BaselineComparison> tuned = new ArrayList<>(first.comparisons());
    BaselineComparison c = tuned.get(0);
    tuned.set(
        0,
        new BaselineComparison(
            c.metric(),
            c.setting(),
            c.method(),
            c.reference(),
            c.gap(),
            c.ciLow(),
            c.ciHigh(),
            c.confidenceLevel(),
            c.methodMean(),
            c.referenceMean(),
            c.n(),
            c.repeatGaps(),
            0.05));
    files.write(
        new Baseline(
            first.schemaVersion(),
            first.experiment(),
            first.scale(),
            first.configuration(),
            first.provenance(),
            tuned));

    cli.run("bless", "--results", run.toString(), "--baselines", baselines.toString());
    List<Double> kept =
        files.readAll().get(0).comparisons().stream().map(BaselineComparison::tolerance).toList();
    cli.run(
        "bless",
        "--results",
        run.toString(),
        "--baselines",
        baselines.toString(),
        "--tolerance",
        "0.01");
    List<Double> overridden =
        files.readAll().get(0).comparisons().stream().map(BaselineComparison::tolerance).toList();

    assertThat(kept.get(0)).isEqualTo(0.05);
    assertThat(kept.subList(1, kept.size())).containsOnly(0.02);
    assertThat(overridden).containsOnly(0.01);
  }

  @Test
  void checkExitsOneAndListsTheRegressedRowsWhenAGapDropped() throws Exception {
    Path blessedRun =
        RunFixture.write(temp.resolve("blessed"), "ci", 5, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");
    cli.run("bless", "--results", blessedRun.toString(), "--baselines", baselines.toString());
    Path lowered =
        RunFixture.write(
                temp.resolve("lowered"),
                "ci",
                5,
                (method, batchSize, repeat) ->
                    RunFixture.paperMeansWithNoise(NOISE).of(method, batchSize, repeat)
                        - (method.equals("Hybrid") && batchSize == 2048 ? 0.05 : 0.0))
            .root();

    int code =
        cli.run(
            "check",
            "--results",
            lowered.toString(),
            "--baselines",
            baselines.toString(),
            "--json",
            temp.resolve("gate.json").toString(),
            "--allure",
            temp.resolve("allure").toString());

    assertThat(code).isEqualTo(1);
    // The regressed rows are failed Allure results of their own, the others passed.
    List<JsonNode> allure = new ArrayList<>();
    try (var files = java.nio.file.Files.list(temp.resolve("allure"))) {
      for (Path file : files.toList()) {
        allure.add(ResultFiles.mapper().readTree(file.toFile()));
      }
    }
    assertThat(allure)
        .filteredOn(r -> r.get("status").asText().equals("failed"))
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(r.at("/statusDetails/message").asText())
                    .startsWith(
                        "REGRESSION: the gap Hybrid − SGD at batchSize=2048 dropped by 5.00"));
    assertThat(allure).filteredOn(r -> r.get("status").asText().equals("passed")).hasSize(7);
    JsonNode gate = ResultFiles.mapper().readTree(temp.resolve("gate.json").toFile());
    assertThat(gate.get("outcome").asText()).isEqualTo("REGRESSION");
    List<JsonNode> regressed = new ArrayList<>();
    gate.get("rows")
        .forEach(
            row -> {
              if (row.get("verdict").asText().equals("REGRESSED")) {
                regressed.add(row);
              }
            });
    assertThat(regressed)
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.at("/key/experiment").asText()).isEqualTo(RunFixture.EXPERIMENT);
              assertThat(row.at("/key/method").asText()).isEqualTo("Hybrid");
              assertThat(row.at("/key/setting/batchSize").asText()).isEqualTo("2048");
              assertThat(row.get("change").asDouble()).isCloseTo(-0.05, within(1e-9));
              assertThat(row.get("adjustedP").asDouble()).isLessThanOrEqualTo(0.05);
              assertThat(row.get("pValue").asDouble()).isPositive();
              assertThat(row.get("smallestFlaggedDrop").asDouble()).isBetween(0.02, 0.05);
            });
  }

  @Test
  void checkExitsTwoAndNamesTheTrialsWhenTrialsAreMissingOrDiverged() throws Exception {
    Path baselines = temp.resolve("baselines");
    Path blessedRun =
        RunFixture.write(temp.resolve("blessed"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    cli.run("bless", "--results", blessedRun.toString(), "--baselines", baselines.toString());
    ResultFiles run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE));
    Files.delete(run.trialFile(RunFixture.EXPERIMENT, RunFixture.trialId("SGD", 128, 1)));
    RunFixture.setStatus(
        run, RunFixture.trialId("TR", 2048, 2), TrialStatus.DIVERGED, "loss NaN at epoch 2");

    int code =
        cli.run(
            "check",
            "--results",
            run.root().toString(),
            "--baselines",
            baselines.toString(),
            "--json",
            temp.resolve("gate.json").toString());

    assertThat(code).isEqualTo(2);
    JsonNode problems =
        ResultFiles.mapper().readTree(temp.resolve("gate.json").toFile()).get("problems");
    List<String> named = new ArrayList<>();
    problems.forEach(p -> named.add(p.get("kind").asText() + " " + p.get("subject").asText()));
    assertThat(named)
        .containsExactlyInAnyOrder(
            "MISSING " + RunFixture.trialId("SGD", 128, 1),
            "DIVERGED " + RunFixture.trialId("TR", 2048, 2));
  }

  @Test
  void blessRefusesAnIncompleteRunWithExitCodeTwoAndWritesNothing() throws Exception {
    ResultFiles run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE));
    RunFixture.setStatus(run, RunFixture.trialId("SGD", 2048, 0), TrialStatus.FAILED, "boom");
    Path baselines = temp.resolve("baselines");

    int code =
        cli.run("bless", "--results", run.root().toString(), "--baselines", baselines.toString());

    assertThat(code).isEqualTo(2);
    assertThat(baselines).doesNotExist();
  }

  @Test
  void blessFromSomeRepeatsUsesExactlyTheirTrialsAndIgnoresTheOthers() throws Exception {
    ResultFiles run =
        RunFixture.write(temp.resolve("run"), "ci", 5, RunFixture.paperMeansWithNoise(NOISE));
    RunFixture.setStatus(run, RunFixture.trialId("SGD", 2048, 2), TrialStatus.FAILED, "boom");
    Path baselines = temp.resolve("baselines");

    int code =
        cli.run(
            "bless",
            "--results",
            run.root().toString(),
            "--repeats",
            "0-1,3-4",
            "--baselines",
            baselines.toString());

    assertThat(code).isZero();
    Baseline baseline = BaselineFiles.read(baselines.resolve(RunFixture.EXPERIMENT + ".json"));
    assertThat(baseline.provenance().resultsDirectory())
        .isEqualTo(run.root() + ", repeats 0-1,3-4");
    BaselineComparison trAt2048 =
        baseline.comparisons().stream()
            .filter(
                c ->
                    c.metric().equals("finalTestAccuracy")
                        && c.method().equals("TR")
                        && c.setting().equals(Map.of("batchSize", "2048")))
            .findFirst()
            .orElseThrow();
    assertThat(trAt2048.n()).isEqualTo(4);
    List<Double> expected = new ArrayList<>();
    for (int r : new int[] {0, 1, 3, 4}) {
      expected.add(
          0.052 + RunFixture.methodNoise("TR", 2048, r) - RunFixture.methodNoise("SGD", 2048, r));
    }
    assertThat(trAt2048.repeatGaps())
        .zipSatisfy(expected, (got, want) -> assertThat(got).isCloseTo(want, within(1e-12)));
  }

  @Test
  void blessFromRepeatsTheRunDoesNotPlanIsBadInputAndWritesNothing() {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");

    int code =
        cli.run(
            "bless",
            "--results",
            run.toString(),
            "--repeats",
            "7-9",
            "--baselines",
            baselines.toString());

    assertThat(code).isEqualTo(3);
    assertThat(baselines).doesNotExist();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--repeats 7-9", RunFixture.EXPERIMENT, "plans a trial of these repeats");
  }

  @Test
  void blessLeavesOutExperimentsWithASingleRepeat() {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 1, RunFixture.paperMeansWithNoise(NOISE))
            .root();

    int code =
        cli.run("bless", "--results", run.toString(), "--baselines", temp.resolve("b").toString());

    assertThat(code).isZero();
    assertThat(temp.resolve("b").resolve(RunFixture.EXPERIMENT + ".json")).doesNotExist();
    BlessResult result =
        new Blesser(
                new BlessSettings(
                    "SGD",
                    BlessSettings.DEFAULT_METRICS,
                    0.02,
                    true,
                    ComparisonSettings.defaults()))
            .bless(
                new ResultFiles(run),
                Map.of(),
                new Provenance(
                    COMMIT,
                    "--commit",
                    "2026-11-28T09:00:00Z",
                    run.toString(),
                    "",
                    "test",
                    "test",
                    Map.of()));
    assertThat(result.baselines()).isEmpty();
    assertThat(result.skipped()).containsOnlyKeys(RunFixture.EXPERIMENT);
  }

  @Test
  void blessSkipsExperimentsWithoutTheReferenceMethod() {
    ResultFiles run =
        RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(NOISE));
    RunFixture.writeLandscape(run, "ci");
    Path baselines = temp.resolve("baselines");

    int code =
        cli.run("bless", "--results", run.root().toString(), "--baselines", baselines.toString());

    assertThat(code).isZero();
    assertThat(baselines.resolve(RunFixture.EXPERIMENT + ".json")).isRegularFile();
    assertThat(baselines.resolve("e4-landscape.json")).doesNotExist();
  }

  @Test
  void exitsThreeOnBadArgumentsOrMissingDirectories() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Files.createDirectories(temp.resolve("empty-baselines"));

    assertThat(cli.run()).isEqualTo(3);
    assertThat(cli.run("frobnicate")).isEqualTo(3);
    assertThat(cli.run("check", "--results")).isEqualTo(3);
    assertThat(cli.run("check", "--results", run.toString(), "--bogus", "1")).isEqualTo(3);
    assertThat(cli.run("check", "--results", temp.resolve("absent").toString())).isEqualTo(3);
    assertThat(
            cli.run(
                "check",
                "--results",
                run.toString(),
                "--baselines",
                temp.resolve("absent").toString()))
        .isEqualTo(3);
    assertThat(
            cli.run(
                "check",
                "--results",
                run.toString(),
                "--baselines",
                temp.resolve("empty-baselines").toString()))
        .isEqualTo(3);
    assertThat(cli.run("bless", "--results", run.toString(), "--tolerance", "-1")).isEqualTo(3);
  }

  @Test
  void exitsThreeOnACorruptBaselineFile() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = Files.createDirectories(temp.resolve("baselines"));
    Files.writeString(
        baselines.resolve(RunFixture.EXPERIMENT + ".json"),
        "{\"schemaVersion\": 1, \"experiment\": ");

    assertThat(cli.run("check", "--results", run.toString(), "--baselines", baselines.toString()))
        .isEqualTo(3);
  }

  @Test
  void checkExitsThreeNamingTheFieldWhenTheRunTrainedOnAnotherConfiguration() {
    Path baselines = temp.resolve("baselines");
    Path blessedRun =
        RunFixture.write(temp.resolve("blessed"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    cli.run("bless", "--results", blessedRun.toString(), "--baselines", baselines.toString());
    Path longer =
        RunFixture.write(
                temp.resolve("longer"),
                "ci",
                3,
                RunFixture.paperMeansWithNoise(NOISE),
                RunFixture.Setup.DEFAULT.withEpochs(4))
            .root();
    Path json = temp.resolve("gate.json");

    int code =
        cli.run(
            "check",
            "--results",
            longer.toString(),
            "--baselines",
            baselines.toString(),
            "--json",
            json.toString());

    assertThat(code).isEqualTo(3);
    assertThat(json).doesNotExist();
    // The command line's only output for bad input is its message: it names the field and the fix.
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "plannedBatches is 'batchSize 128 × 4 epochs, batchSize 2048 × 4 epochs' in the run but "
                + "'batchSize 128 × 3 epochs, batchSize 2048 × 3 epochs' in the baseline",
            "ci/bin/gate bless");
  }

  @Test
  void checkPassesABaselineFileWithoutTheConfigurationAndListsTheUncomparedFields()
      throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");
    cli.run("bless", "--results", run.toString(), "--baselines", baselines.toString());
    Path file = baselines.resolve(RunFixture.EXPERIMENT + ".json");
    com.fasterxml.jackson.databind.node.ObjectNode old =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            ResultFiles.mapper().readTree(file.toFile());
    old.remove("configuration");
    ResultFiles.mapper().writeValue(file.toFile(), old);

    int code =
        cli.run(
            "check",
            "--results",
            run.toString(),
            "--baselines",
            baselines.toString(),
            "--json",
            temp.resolve("gate.json").toString());

    assertThat(code).isZero();
    JsonNode configurations =
        ResultFiles.mapper().readTree(temp.resolve("gate.json").toFile()).get("configurations");
    assertThat(configurations).hasSize(1);
    assertThat(configurations.get(0).get("unknownInBaseline")).hasSize(6);
    assertThat(configurations.get(0).get("runIds").get(0).asText()).isEqualTo("fixture-run-1");
  }

  @Test
  void blessRecordsWhereItsCommitCameFrom() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    GateCli withoutGithubSha =
        new GateCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            name -> null);
    String given = "fedcba9876543210fedcba9876543210fedcba98";

    cli.run(
        "bless",
        "--results",
        run.toString(),
        "--baselines",
        temp.resolve("option").toString(),
        "--commit",
        given);
    withoutGithubSha.run(
        "bless", "--results", run.toString(), "--baselines", temp.resolve("git").toString());

    Provenance option =
        BaselineFiles.read(temp.resolve("option").resolve(RunFixture.EXPERIMENT + ".json"))
            .provenance();
    Provenance local =
        BaselineFiles.read(temp.resolve("git").resolve(RunFixture.EXPERIMENT + ".json"))
            .provenance();
    assertThat(option.commit()).isEqualTo(given);
    assertThat(option.commitSource()).isEqualTo("--commit");
    assertThat(local.commitSource()).isIn("git rev-parse HEAD", "unknown");
    assertThat(local.commit())
        .matches(local.commitSource().equals("unknown") ? "unknown" : "[0-9a-f]{40}");
  }

  @Test
  void blessRefusesARunWhoseTrialsDisagreeOnTheWorkloadWithExitCodeThreeAndWritesNothing() {
    ResultFiles run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE));
    RunFixture.setEnvironment(run, RunFixture.trialId("TR", 128, 1), "workload", "fixture-mlp");
    Path baselines = temp.resolve("baselines");

    int code =
        cli.run("bless", "--results", run.root().toString(), "--baselines", baselines.toString());

    assertThat(code).isEqualTo(3);
    assertThat(baselines).doesNotExist();
  }

  private static List<String> markdownTableRows(Path file) throws Exception {
    return Files.readAllLines(file).stream()
        .filter(line -> line.startsWith("| " + RunFixture.EXPERIMENT + " |"))
        .toList();
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    for (String help : new String[] {"--help", "-h"}) {
      assertThat(cli.run(help)).as(help).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("usage: ci/bin/gate check")
        .contains("exit codes");
  }

  @Test
  void checkListsEveryBadResultFileAtOnceWithAFixAndExitsThree() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 3, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");
    assertThat(cli.run("bless", "--results", run.toString(), "--baselines", baselines.toString()))
        .isZero();
    ResultFiles files = new ResultFiles(run);
    Path truncated = files.trialFile(RunFixture.EXPERIMENT, RunFixture.trialId("TR", 128, 0));
    Files.writeString(truncated, Files.readString(truncated).substring(0, 60));
    Path garbage = files.trialFile(RunFixture.EXPERIMENT, RunFixture.trialId("SGD", 2048, 1));
    Files.writeString(garbage, "%%% garbage {[");
    Path notes = files.trialFile(RunFixture.EXPERIMENT, "notes");
    Files.writeString(notes, "{\"note\": \"looked odd\"}");

    int code = cli.run("check", "--results", run.toString(), "--baselines", baselines.toString());

    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(errors).isEqualTo(3);
    assertThat(errors)
        .contains(truncated.toString(), garbage.toString(), notes.toString())
        .doesNotContain("DeserializationFeature")
        .doesNotContain("com.fasterxml");
    String notesLine =
        errors.lines().filter(l -> l.contains(notes.toString())).findFirst().orElseThrow();
    assertThat(notesLine)
        .contains("move it")
        .contains("delete it")
        .doesNotContain("run the experiment");
    String truncatedLine =
        errors.lines().filter(l -> l.contains(truncated.toString())).findFirst().orElseThrow();
    assertThat(truncatedLine).contains("recomputes only this trial");
  }

  @Test
  void helpOfEachSubcommandPrintsItsOptionsOnStandardOutputAndExitsZero() {
    Map<String, List<String>> options =
        Map.of(
            "check",
                List.of(
                    "--results",
                    "--baselines",
                    "--alpha",
                    "--trim",
                    "--markdown",
                    "--json",
                    "--allure",
                    "--help"),
            "bless",
                List.of(
                    "--results",
                    "--repeats",
                    "--baselines",
                    "--tolerance",
                    "--reference",
                    "--metrics",
                    "--commit",
                    "--command",
                    "--help"));
    options.forEach(
        (subcommand, names) -> {
          out.reset();
          assertThat(cli.run(subcommand, "--help")).as(subcommand).isZero();
          assertThat(out.toString(StandardCharsets.UTF_8)).as(subcommand).contains(names);
          assertThat(GateCli.acceptedOptions(subcommand))
              .as(subcommand)
              .containsExactlyInAnyOrderElementsOf(
                  names.stream()
                      .filter(n -> !n.equals("--help"))
                      .map(n -> n.substring(2))
                      .toList());
        });
    assertThat(err.size()).isZero();
  }

  @Test
  void exitsThreeNamingTheOptionAndTheValueWhenANumberIsBadAndGatesNothing() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(NOISE))
            .root();
    Path baselines = temp.resolve("baselines");
    String json = temp.resolve("gate.json").toString();
    Map<List<String>, String[]> calls =
        Map.of(
            List.of("--alpha", "x"),
            new String[] {"check", "--results", run.toString(), "--json", json, "--alpha", "x"},
            List.of("--alpha", "0.9"),
            new String[] {"check", "--results", run.toString(), "--json", json, "--alpha", "0.9"},
            List.of("--tolerance", "x"),
            new String[] {
              "bless",
              "--results",
              run.toString(),
              "--baselines",
              baselines.toString(),
              "--tolerance",
              "x"
            });
    calls.forEach(
        (optionAndValue, call) -> {
          err.reset();

          assertThat(cli.run(call)).as(String.join(" ", call)).isEqualTo(3);
          assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
              .contains(optionAndValue.get(0))
              .contains("'" + optionAndValue.get(1) + "'");
        });
    assertThat(temp.resolve("gate.json")).doesNotExist();
    assertThat(baselines).doesNotExist();
  }

  @Test
  void exitsThreeNamingAnUnknownOption() throws Exception {
    Path run =
        RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(NOISE))
            .root();

    assertThat(cli.run("check", "--results", run.toString(), "--bogus", "1")).isEqualTo(3);

    assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
        .contains("--bogus");
  }
}
