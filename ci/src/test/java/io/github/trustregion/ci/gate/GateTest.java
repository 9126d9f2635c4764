package io.github.trustregion.ci.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.ci.RunFixture;
import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BlessSettings;
import io.github.trustregion.ci.baseline.Blesser;
import io.github.trustregion.ci.baseline.Provenance;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.TrialProblem;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

  /**
   * Per-repeat offsets shared by every method of the blessed run (they cancel in the gaps, whose
   * noise comes from {@link RunFixture#METHOD_NOISE}).
   */
  private static final double[] BLESSED_NOISE = {-0.004, 0.002, 0.0, 0.003, -0.001};

  private static final Gate GATE = new Gate(ComparisonSettings.defaults());

  /** The module directory (Surefire sets basedir), for the committed baselines. */
  private static final Path MODULE =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

  @TempDir Path temp;

  private List<Baseline> baselines;

  @BeforeEach
  void blessAFiveRepeatRun() {
    ResultFiles blessed =
        RunFixture.write(
            temp.resolve("blessed"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));
    baselines = bless(blessed);
  }

  @Test
  void passesOnARunEqualToItsBaselines() {
    ResultFiles same =
        RunFixture.write(
            temp.resolve("same"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));

    GateResult result = GATE.evaluate(same, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.outcome().exitCode()).isZero();
    assertThat(result.problems()).isEmpty();
    // 2 metrics × 2 batch sizes × 2 pairs (TR − SGD, Hybrid − SGD)
    assertThat(result.rows())
        .hasSize(8)
        .allSatisfy(
            row -> {
              assertThat(row.verdict()).isEqualTo(Verdict.PASS);
              assertThat(row.change()).isCloseTo(0.0, within(1e-12));
              assertThat(row.newGap()).isCloseTo(row.baselineGap(), within(1e-12));
              assertThat(row.newN()).isEqualTo(5);
            });
  }

  @Test
  void failsOnARunWhoseGapWasLoweredBeyondTheTolerance() {
    ResultFiles lowered =
        RunFixture.write(
            temp.resolve("lowered"),
            "ci",
            5,
            (method, batchSize, repeat) ->
                RunFixture.paperMeansWithNoise(BLESSED_NOISE).of(method, batchSize, repeat)
                    - (method.equals("TR") && batchSize == 2048 ? 0.04 : 0.0));

    GateResult result = GATE.evaluate(lowered, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.REGRESSION);
    // The gaps vary (sd 0.63 points over 5 repeats), so 4 points is a real test, not a certainty:
    // the rows could flag drops from about 3.1 points on.
    assertThat(result.rows()).allSatisfy(row -> assertThat(row.pValue()).isNotNaN());
    assertThat(result.regressions())
        .allSatisfy(row -> assertThat(row.smallestFlaggedDrop()).isBetween(0.025, 0.035));
    assertThat(result.outcome().exitCode()).isEqualTo(1);
    assertThat(result.regressions())
        .hasSize(2)
        .allSatisfy(
            row -> {
              assertThat(row.key().method()).isEqualTo("TR");
              assertThat(row.key().reference()).isEqualTo("SGD");
              assertThat(row.key().setting()).containsExactly(Map.entry("batchSize", "2048"));
              // 5.2 points plus the mean of TR's minus SGD's own noise at B = 2048 (−0.02 − 0.06
              // points, by hand).
              assertThat(row.baselineGap()).isCloseTo(0.0512, within(1e-9));
              assertThat(row.newGap()).isCloseTo(row.baselineGap() - 0.04, within(1e-9));
              assertThat(row.change()).isCloseTo(-0.04, within(1e-9));
              assertThat(row.adjustedP()).isLessThanOrEqualTo(0.05);
            });
    assertThat(result.regressions())
        .extracting(row -> row.key().metric())
        .containsExactlyInAnyOrder("finalTestAccuracy", "bestTestAccuracy");
    assertThat(result.rows())
        .filteredOn(row -> row.verdict() != Verdict.REGRESSED)
        .hasSize(6)
        .allSatisfy(row -> assertThat(row.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void adjustsThePValuesByHolmWithinEachExperimentAndMetric() {
    ResultFiles lowered =
        RunFixture.write(
            temp.resolve("lowered"),
            "ci",
            5,
            (method, batchSize, repeat) ->
                RunFixture.paperMean(method, batchSize)
                    + BLESSED_NOISE[repeat] * (method.equals("SGD") ? 1 : -1)
                    - (method.equals("Hybrid") ? 0.021 : 0.0));

    GateResult result = GATE.evaluate(lowered, baselines);

    for (String metric : List.of("finalTestAccuracy", "bestTestAccuracy")) {
      List<GateRow> family =
          result.rows().stream().filter(r -> r.key().metric().equals(metric)).toList();
      assertThat(family).hasSize(4);
      double[] raw = family.stream().mapToDouble(GateRow::pValue).sorted().toArray();
      // Holm by hand: p̃_(i) = max_{j ≤ i} min(1, (k − j + 1) p_(j)), k = 4 rows (2 batch sizes × 2
      // pairs).
      double running = 0;
      double[] expected = new double[raw.length];
      for (int j = 0; j < raw.length; j++) {
        running = Math.max(running, Math.min(1.0, (raw.length - j) * raw[j]));
        expected[j] = running;
      }
      assertThat(
              family.stream()
                  .sorted(java.util.Comparator.comparingDouble(GateRow::pValue))
                  .mapToDouble(GateRow::adjustedP)
                  .toArray())
          .containsExactly(expected, within(1e-12));
    }
  }

  @Test
  void doesNotFailOnARunThatDiffersOnlyByNoiseInsideTheIntervals() {
    Map<String, double[]> otherNoise =
        Map.of(
            "SGD", new double[] {0.003, -0.002, 0.001, -0.004, 0.004},
            "TR", new double[] {-0.001, 0.002, -0.003, 0.001, 0.0},
            "Hybrid", new double[] {0.002, 0.001, -0.002, -0.003, 0.001});
    ResultFiles noisy =
        RunFixture.write(
            temp.resolve("noisy"),
            "ci",
            5,
            (method, batchSize, repeat) ->
                RunFixture.paperMean(method, batchSize)
                    + otherNoise.get(method)[repeat] * (batchSize == 128 ? 1 : -1));

    GateResult result = GATE.evaluate(noisy, baselines);

    assertThat(result.rows())
        .hasSize(8)
        .allSatisfy(
            row -> {
              assertThat(row.newGap()).isNotEqualTo(row.baselineGap());
              assertThat(row.newGap()).isBetween(row.baselineCiLow(), row.baselineCiHigh());
              assertThat(row.verdict()).isEqualTo(Verdict.PASS);
            });
    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
  }

  @Test
  void reportsADropBeyondTheToleranceThatIsNotSignificantAsNoise() {
    double[] wide = {-0.04, 0.03, 0.0, 0.05, -0.04};
    List<Baseline> noisyBaselines =
        bless(
            RunFixture.write(
                temp.resolve("wide"),
                "ci",
                5,
                (method, batchSize, repeat) ->
                    RunFixture.paperMean(method, batchSize)
                        + (method.equals("SGD") ? 0 : wide[repeat])));
    ResultFiles dropped =
        RunFixture.write(
            temp.resolve("dropped"),
            "ci",
            5,
            (method, batchSize, repeat) ->
                RunFixture.paperMean(method, batchSize)
                    + (method.equals("SGD") ? 0 : wide[(repeat + 2) % 5] - 0.03));

    GateResult result = GATE.evaluate(dropped, noisyBaselines);

    assertThat(result.rows())
        .hasSize(8)
        .allSatisfy(
            row -> {
              assertThat(row.change()).isCloseTo(-0.03, within(1e-9));
              assertThat(row.pValue()).isLessThan(0.5);
              assertThat(row.adjustedP()).isGreaterThan(0.05);
              assertThat(row.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
            });
    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
  }

  @Test
  void smallestFlaggedDropIsWhereTheHolmAdjustedPReachesAlpha() {
    // α = 0.10 so that the required level is a t-table entry: 4 tested rows per metric, none of
    // the others rejected, so the row needs p ≤ 0.10/4 = 0.025. A run equal to the blessed one has
    // the same gaps (n = 5 on both sides, equal variances), hence ν = 2(5 − 1) = 8, and Student's t
    // table gives t_{0.975,8} = 2.306: D = τ + 2.306 · √(2 s²/5), s² the sample variance of the
    // TR − SGD gaps at B = 2048 (by hand: gaps 5.2 + {0.4, −0.7, −0.1, −0.7, 0.7} points,
    // s² = 4.02e-5, se = 0.004010, D = 0.02 + 2.306 · 0.004010 = 0.029247).
    Gate gate = new Gate(new ComparisonSettings(0.10, 0.90));
    double[] gaps = new double[5];
    for (int r = 0; r < 5; r++) {
      gaps[r] = RunFixture.methodNoise("TR", 2048, r) - RunFixture.methodNoise("SGD", 2048, r);
    }
    double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
    double variance = java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / 4;
    double se = Math.sqrt(2 * variance / 5);
    assertThat(variance).isCloseTo(4.02e-5, within(1e-12));

    GateRow same =
        trAt2048Final(
            gate.evaluate(
                RunFixture.write(
                    temp.resolve("same"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE)),
                baselines));
    double drop = same.smallestFlaggedDrop();
    GateRow atDrop =
        trAt2048Final(gate.evaluate(lowerTrAt2048(temp.resolve("at"), drop), baselines));
    GateRow beyond =
        trAt2048Final(
            gate.evaluate(lowerTrAt2048(temp.resolve("beyond"), drop + 0.001), baselines));
    GateRow short_ =
        trAt2048Final(gate.evaluate(lowerTrAt2048(temp.resolve("short"), drop - 0.001), baselines));

    assertThat(drop).isCloseTo(0.02 + 2.306 * se, within(0.0005 * se));
    assertThat(atDrop.change()).isCloseTo(-drop, within(1e-12));
    assertThat(atDrop.pValue()).isCloseTo(0.025, within(1e-9));
    assertThat(atDrop.adjustedP()).isCloseTo(0.10, within(1e-9));
    assertThat(atDrop.smallestFlaggedDrop()).isCloseTo(drop, within(1e-12));
    assertThat(beyond.verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(short_.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
  }

  @Test
  void withTheCommittedBaselinesSpreadsFlagsAFewPointsAndLetsHalfTheSmallestFlaggedDropPass()
      throws Exception {
    Baseline committed =
        io.github.trustregion.ci.baseline.BaselineFiles.read(
            MODULE.resolve("baselines").resolve(RunFixture.EXPERIMENT + ".json"));
    List<Baseline> real = List.of(committed);
    int repeats = committed.comparisons().get(0).n();

    GateRow unchanged =
        trAt128Final(GATE.evaluate(fromCommittedGaps(committed, "unchanged", 0.0), real));
    double drop = unchanged.smallestFlaggedDrop();
    GateResult wellAbove = GATE.evaluate(fromCommittedGaps(committed, "above", drop + 0.002), real);
    GateResult half = GATE.evaluate(fromCommittedGaps(committed, "half", drop / 2), real);
    GateResult twoPoints = GATE.evaluate(fromCommittedGaps(committed, "two", 0.02), real);

    assertThat(repeats).isEqualTo(90);
    // the fixture rebuilds each gap as (SGD + gap) − SGD, which may round an ulp below it, and the
    // tolerance is 0: "kept" or "dropped, not significant", never flagged
    assertThat(unchanged.verdict()).isIn(Verdict.PASS, Verdict.WITHIN_NOISE);
    assertThat(unchanged.newGap()).isCloseTo(unchanged.baselineGap(), within(1e-12));
    // 90 repeats against the same 90, 20 % trimmed (g = 18, h = 54 each), tolerance 0, Holm level
    // 0.05/4: D = t_{0.9875, 106} · √(2 d) = 0.006582 (SciPy's t quantile on the winsorized gaps;
    // SciPy's own Yuen test, ttest_ind(trim=0.2), gives p = 0.0125 at that drop).
    assertThat(drop).isCloseTo(0.006582, within(1e-5));
    assertThat(trAt128Final(wellAbove).verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(wellAbove.outcome()).isEqualTo(GateOutcome.REGRESSION);
    assertThat(wellAbove.regressions()).containsExactly(trAt128Final(wellAbove));
    assertThat(trAt128Final(half).verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    assertThat(half.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(trAt128Final(twoPoints).verdict()).isEqualTo(Verdict.REGRESSED);
  }

  @Test
  void theCommittedBaselinePassesARunThatMatchesItsConfigurationAndComparesEveryField()
      throws Exception {
    Baseline committed =
        io.github.trustregion.ci.baseline.BaselineFiles.read(
            MODULE.resolve("baselines").resolve(RunFixture.EXPERIMENT + ".json"));

    GateResult result =
        GATE.evaluate(fromCommittedGaps(committed, "matching", 0.0), List.of(committed));

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.configurations())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.experiment()).isEqualTo(RunFixture.EXPERIMENT);
              assertThat(check.unknownInBaseline()).isEmpty();
              assertThat(check.unknownInRun()).isEmpty();
              // the fixture's trials all carry the blessed run's first run id
              assertThat(check.runIds())
                  .isNotEmpty()
                  .isSubsetOf(committed.configuration().runIds());
            });
  }

  @Test
  void refusesARunOfAnotherWorkloadExampleCountEpochsOrNetworkNamingEachField() {
    RunFixture.Setup blessed = RunFixture.Setup.DEFAULT;
    Map<String, RunFixture.Setup> changes = new java.util.LinkedHashMap<>();
    changes.put("workload", blessed.withWorkload("fixture-mlp"));
    changes.put("trainExamples", blessed.withTrainExamples(2400));
    changes.put("plannedBatches", blessed.withEpochs(5));
    changes.put("parameterCount", blessed.withParameterCount(5001));

    for (Map.Entry<String, RunFixture.Setup> change : changes.entrySet()) {
      ResultFiles run =
          RunFixture.write(
              temp.resolve(change.getKey()),
              "ci",
              5,
              RunFixture.paperMeansWithNoise(BLESSED_NOISE),
              change.getValue());
      assertThatThrownBy(() -> GATE.evaluate(run, baselines))
          .as(change.getKey())
          .isInstanceOfSatisfying(
              ConfigurationMismatchException.class,
              e ->
                  assertThat(e.differences())
                      .extracting(ConfigurationDifference::field)
                      .containsExactly(change.getKey()));
    }
    ResultFiles all =
        RunFixture.write(
            temp.resolve("all"),
            "ci",
            5,
            RunFixture.paperMeansWithNoise(BLESSED_NOISE),
            blessed
                .withWorkload("fixture-mlp")
                .withTrainExamples(2400)
                .withEpochs(5)
                .withParameterCount(5001));
    assertThatThrownBy(() -> GATE.evaluate(all, baselines))
        .isInstanceOfSatisfying(
            ConfigurationMismatchException.class,
            e ->
                assertThat(e.differences())
                    .containsExactly(
                        new ConfigurationDifference(
                            RunFixture.EXPERIMENT, "workload", "fixture-cnn", "fixture-mlp"),
                        new ConfigurationDifference(
                            RunFixture.EXPERIMENT, "trainExamples", "1200", "2400"),
                        new ConfigurationDifference(
                            RunFixture.EXPERIMENT, "parameterCount", "5000", "5001"),
                        new ConfigurationDifference(
                            RunFixture.EXPERIMENT,
                            "plannedBatches",
                            "batchSize 128 × 3 epochs, batchSize 2048 × 3 epochs",
                            "batchSize 128 × 5 epochs, batchSize 2048 × 5 epochs")))
        .isInstanceOf(GateInputException.class);
  }

  @Test
  void checksABaselineWrittenBeforeTheConfigurationWasRecordedAndWarnsThatNothingWasCompared()
      throws Exception {
    Path directory = Files.createDirectories(temp.resolve("old-baselines"));
    com.fasterxml.jackson.databind.node.ObjectNode json =
        ResultFiles.mapper().valueToTree(baselines.get(0));
    json.remove("configuration");
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("provenance"))
        .remove("commitSource");
    ResultFiles.mapper()
        .writeValue(directory.resolve(RunFixture.EXPERIMENT + ".json").toFile(), json);
    List<Baseline> old = new io.github.trustregion.ci.baseline.BaselineFiles(directory).readAll();
    ResultFiles otherWorkload =
        RunFixture.write(
            temp.resolve("other"),
            "ci",
            5,
            RunFixture.paperMeansWithNoise(BLESSED_NOISE),
            RunFixture.Setup.DEFAULT.withWorkload("fixture-mlp"));

    GateResult result = GATE.evaluate(otherWorkload, old);

    assertThat(old.get(0).configuration()).isNull();
    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.rows()).hasSize(8);
    assertThat(result.configurations())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.unknownInBaseline())
                  .containsExactly(
                      "workload",
                      "trainExamples",
                      "testExamples",
                      "parameterCount",
                      "dataType",
                      "plannedBatches");
              assertThat(check.hasUnknownFields()).isTrue();
            });
  }

  @Test
  void aFieldNeitherTheOldBaselineNorTheRunRecordsIsReportedAsMissingFromTheRun() throws Exception {
    Path directory = Files.createDirectories(temp.resolve("old-baselines-2"));
    com.fasterxml.jackson.databind.node.ObjectNode json =
        ResultFiles.mapper().valueToTree(baselines.get(0));
    json.remove("configuration");
    ResultFiles.mapper()
        .writeValue(directory.resolve(RunFixture.EXPERIMENT + ".json").toFile(), json);
    List<Baseline> old = new io.github.trustregion.ci.baseline.BaselineFiles(directory).readAll();
    ResultFiles run =
        RunFixture.write(
            temp.resolve("no-data-type"),
            "ci",
            5,
            RunFixture.paperMeansWithNoise(BLESSED_NOISE),
            RunFixture.Setup.DEFAULT);
    for (String method : RunFixture.METHODS) {
      for (int batchSize : RunFixture.BATCH_SIZES) {
        for (int repeat = 0; repeat < 5; repeat++) {
          RunFixture.setEnvironment(
              run, RunFixture.trialId(method, batchSize, repeat), "dataType", null);
        }
      }
    }

    GateResult result = GATE.evaluate(run, old);

    // Re-blessing from such a run could not record dataType either: the advice must be about the
    // run.
    assertThat(result.configurations())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.unknownInRun()).containsExactly("dataType");
              assertThat(check.unknownInBaseline()).doesNotContain("dataType").contains("workload");
            });
  }

  @Test
  void reportsEveryRunIdOfAResumedRunWithoutRefusingIt() {
    ResultFiles resumed =
        RunFixture.write(
            temp.resolve("resumed"),
            "ci",
            5,
            RunFixture.paperMeansWithNoise(BLESSED_NOISE),
            RunFixture.Setup.DEFAULT.withRunId("run-b"));
    RunFixture.setEnvironment(resumed, RunFixture.trialId("SGD", 128, 0), "runId", "run-a");
    RunFixture.setEnvironment(resumed, RunFixture.trialId("TR", 2048, 4), "runId", "run-a");

    GateResult result = GATE.evaluate(resumed, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.configurations())
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.runIds()).containsExactly("run-a", "run-b");
              assertThat(check.hasUnknownFields()).isFalse();
            });
  }

  @Test
  void refusesARunWhoseTrialsDisagreeOnTheNetworkNamingTheKey() {
    ResultFiles mixed =
        RunFixture.write(
            temp.resolve("mixed"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));
    RunFixture.setEnvironment(
        mixed, RunFixture.trialId("Hybrid", 128, 3), "parameterCount", "4999");

    assertThatThrownBy(() -> GATE.evaluate(mixed, baselines))
        .isInstanceOf(GateInputException.class)
        .hasMessageContaining("parameterCount")
        .hasMessageContaining(RunFixture.trialId("Hybrid", 128, 3));
  }

  @Test
  void callsARowWithoutVarianceNotTestableAndTheRunIncomplete() {
    // Every method shifted by the same offset per repeat: every gap is the same in every repeat.
    double[] offsets = {-0.004, 0.002, 0.0};
    List<Baseline> constant =
        bless(
            RunFixture.write(
                temp.resolve("constant"),
                "ci",
                3,
                (method, batchSize, repeat) ->
                    RunFixture.paperMean(method, batchSize) + offsets[repeat]));
    ResultFiles dropped =
        RunFixture.write(
            temp.resolve("dropped"),
            "ci",
            3,
            (method, batchSize, repeat) ->
                RunFixture.paperMean(method, batchSize)
                    + offsets[repeat]
                    - (method.equals("TR") ? 0.05 : 0.0));

    GateResult result = GATE.evaluate(dropped, constant);

    assertThat(result.rows())
        .hasSize(8)
        .allSatisfy(
            row -> {
              assertThat(row.pValue()).isNaN();
              assertThat(row.smallestFlaggedDrop()).isNaN();
              assertThat(row.verdict()).isEqualTo(Verdict.NOT_TESTABLE);
            });
    assertThat(result.regressions()).isEmpty();
    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.problems())
        .hasSize(8)
        .allSatisfy(p -> assertThat(p.kind()).isEqualTo(TrialProblem.Kind.NO_VARIANCE));
  }

  @Test
  void ignoresResultFilesOfTrialsTheManifestDoesNotPlan() {
    ResultFiles run =
        RunFixture.write(
            temp.resolve("stray"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));
    io.github.trustregion.framework.result.TrialResult kept =
        run.readTrial(RunFixture.EXPERIMENT, RunFixture.trialId("TR", 2048, 0)).orElseThrow();
    Map<String, String> parameters = new java.util.LinkedHashMap<>(kept.parameters());
    parameters.put("repeat", "9");
    run.writeTrial(
        new io.github.trustregion.framework.result.TrialResult(
            kept.schemaVersion(),
            "stray-TR-r9",
            kept.experiment(),
            TrialStatus.COMPLETED,
            "",
            parameters,
            Map.of(),
            List.of(),
            Map.of("finalTestAccuracy", 0.1, "bestTestAccuracy", 0.1),
            Map.of(),
            1.0,
            Map.of()));

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.rows()).allSatisfy(row -> assertThat(row.newN()).isEqualTo(5));
  }

  @Test
  void failsNamingAMissingTrial() throws Exception {
    ResultFiles run =
        RunFixture.write(
            temp.resolve("missing"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));
    String missing = RunFixture.trialId("TR", 2048, 3);
    Files.delete(run.trialFile(RunFixture.EXPERIMENT, missing));

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.outcome().exitCode()).isEqualTo(2);
    assertThat(result.problems())
        .extracting(TrialProblem::kind, TrialProblem::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TrialProblem.Kind.MISSING, missing));
    assertThat(result.rows())
        .filteredOn(
            row ->
                row.key().method().equals("TR")
                    && row.key().setting().get("batchSize").equals("2048"))
        .hasSize(2)
        .allSatisfy(row -> assertThat(row.newN()).isEqualTo(4));
  }

  @Test
  void failsNamingDivergedAndFailedTrials() {
    ResultFiles run =
        RunFixture.write(
            temp.resolve("diverged"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));
    String diverged = RunFixture.trialId("SGD", 2048, 0);
    String failed = RunFixture.trialId("Hybrid", 128, 4);
    RunFixture.setStatus(run, diverged, TrialStatus.DIVERGED, "loss became NaN at epoch 3");
    RunFixture.setStatus(run, failed, TrialStatus.FAILED, "OutOfMemoryError");

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.problems())
        .extracting(TrialProblem::kind, TrialProblem::subject, TrialProblem::detail)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                TrialProblem.Kind.DIVERGED, diverged, "loss became NaN at epoch 3"),
            org.assertj.core.groups.Tuple.tuple(
                TrialProblem.Kind.FAILED, failed, "OutOfMemoryError"));
  }

  @Test
  void failsWhenABaselinedComparisonHasFewerThanTwoRepeatsInTheRun() {
    ResultFiles run =
        RunFixture.write(
            temp.resolve("one"), "ci", 1, RunFixture.paperMeansWithNoise(BLESSED_NOISE));

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.rows())
        .hasSize(8)
        .allSatisfy(row -> assertThat(row.verdict()).isEqualTo(Verdict.NO_DATA));
    assertThat(result.problems())
        .hasSize(8)
        .allSatisfy(p -> assertThat(p.kind()).isEqualTo(TrialProblem.Kind.NOT_IN_RUN));
  }

  @Test
  void failsWhenABaselinedExperimentIsAbsentFromTheRun() {
    ResultFiles other = new ResultFiles(temp.resolve("other"));
    RunFixture.writeLandscape(other, "ci");

    GateResult result = GATE.evaluate(other, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.problems())
        .extracting(TrialProblem::experiment, TrialProblem::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                RunFixture.EXPERIMENT, TrialProblem.Kind.NOT_IN_RUN));
    assertThat(result.ungatedExperiments()).containsExactly("e4-landscape");
  }

  @Test
  void listsExperimentsWithoutABaselineWithoutFailing() {
    ResultFiles run =
        RunFixture.write(
            temp.resolve("with-e4"), "ci", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));
    RunFixture.writeLandscape(run, "ci");

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.ungatedExperiments()).containsExactly("e4-landscape");
  }

  @Test
  void refusesARunAtAnotherScaleThanTheBaseline() {
    ResultFiles smoke =
        RunFixture.write(
            temp.resolve("smoke"), "smoke", 5, RunFixture.paperMeansWithNoise(BLESSED_NOISE));

    assertThatThrownBy(() -> GATE.evaluate(smoke, baselines))
        .isInstanceOf(GateInputException.class)
        .hasMessageContaining("'smoke'")
        .hasMessageContaining("'ci'");
  }

  @Test
  void refusesToRunWithoutBaselines() {
    ResultFiles run =
        RunFixture.write(
            temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithNoise(BLESSED_NOISE));

    assertThatThrownBy(() -> GATE.evaluate(run, List.of())).isInstanceOf(GateInputException.class);
  }

  private ResultFiles lowerTrAt2048(Path root, double drop) {
    return RunFixture.write(
        root,
        "ci",
        5,
        (method, batchSize, repeat) ->
            RunFixture.paperMeansWithNoise(BLESSED_NOISE).of(method, batchSize, repeat)
                - (method.equals("TR") && batchSize == 2048 ? drop : 0.0));
  }

  private static GateRow trAt2048Final(GateResult result) {
    return row(result, "finalTestAccuracy", "2048", "TR");
  }

  private static GateRow trAt128Final(GateResult result) {
    return row(result, "finalTestAccuracy", "128", "TR");
  }

  private static GateRow row(GateResult result, String metric, String batchSize, String method) {
    return result.rows().stream()
        .filter(
            r ->
                r.key().metric().equals(metric)
                    && r.key().method().equals(method)
                    && r.key().setting().equals(Map.of("batchSize", batchSize)))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Writes a run whose per-repeat gaps are the committed baseline's own, with TR's final accuracy
   * at B = 128 lowered by {@code drop} (SGD's accuracies are arbitrary: only the differences
   * matter), trained on the configuration the baseline records.
   */
  private ResultFiles fromCommittedGaps(Baseline committed, String name, double drop) {
    Map<String, double[]> gaps = new java.util.HashMap<>();
    committed
        .comparisons()
        .forEach(
            c ->
                gaps.put(
                    c.metric() + "/" + c.setting().get("batchSize") + "/" + c.method(),
                    c.repeatGapArray()));
    RunFixture.Accuracy sgdFinal = (method, batchSize, repeat) -> 0.84 + 0.003 * repeat;
    RunFixture.Accuracy sgdBest = (method, batchSize, repeat) -> 0.85 + 0.002 * repeat;
    return RunFixture.write(
        temp.resolve(name),
        "ci",
        committed.comparisons().get(0).n(),
        (method, batchSize, repeat) ->
            method.equals("SGD")
                ? sgdFinal.of(method, batchSize, repeat)
                : sgdFinal.of(method, batchSize, repeat)
                    + gaps.get("finalTestAccuracy/" + batchSize + "/" + method)[repeat]
                    - (method.equals("TR") && batchSize == 128 ? drop : 0.0),
        (method, batchSize, repeat) ->
            method.equals("SGD")
                ? sgdBest.of(method, batchSize, repeat)
                : sgdBest.of(method, batchSize, repeat)
                    + gaps.getOrDefault(
                            "bestTestAccuracy/" + batchSize + "/" + method, new double[repeat + 1])[
                        repeat],
        RunFixture.Setup.matching(committed.configuration()));
  }

  private static List<Baseline> bless(ResultFiles run) {
    Provenance provenance =
        new Provenance(
            "0123456789abcdef0123456789abcdef01234567",
            "--commit",
            "2026-11-28T09:00:00Z",
            run.root().toString(),
            "",
            "mvn -B verify -Pexperiments",
            "test",
            Map.of());
    return new Blesser(
            new BlessSettings(
                "SGD",
                BlessSettings.DEFAULT_METRICS,
                BlessSettings.DEFAULT_TOLERANCE,
                true,
                ComparisonSettings.defaults()))
        .bless(run, Map.of(), provenance)
        .baselines();
  }
}
