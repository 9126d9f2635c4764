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

  /** Per-repeat offsets of the blessed run (mean 0, sd ≈ 0.27 accuracy points). */
  private static final double[] BLESSED_NOISE = {-0.004, 0.002, 0.0, 0.003, -0.001};

  private static final Gate GATE = new Gate(ComparisonSettings.defaults());

  @TempDir Path temp;

  private List<Baseline> baselines;

  @BeforeEach
  void blessAFiveRepeatRun() {
    ResultFiles blessed = RunFixture.write(temp.resolve("blessed"), "ci", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));
    baselines = bless(blessed);
  }

  @Test
  void passesOnARunEqualToItsBaselines() {
    ResultFiles same = RunFixture.write(temp.resolve("same"), "ci", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));

    GateResult result = GATE.evaluate(same, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.outcome().exitCode()).isZero();
    assertThat(result.problems()).isEmpty();
    // 2 metrics × 2 batch sizes × 2 pairs (TR − SGD, Hybrid − SGD)
    assertThat(result.rows()).hasSize(8).allSatisfy(row -> {
      assertThat(row.verdict()).isEqualTo(Verdict.PASS);
      assertThat(row.change()).isCloseTo(0.0, within(1e-12));
      assertThat(row.newGap()).isCloseTo(row.baselineGap(), within(1e-12));
      assertThat(row.newN()).isEqualTo(5);
    });
  }

  @Test
  void failsOnARunWhoseGapWasLoweredBeyondTheTolerance() {
    ResultFiles lowered = RunFixture.write(temp.resolve("lowered"), "ci", 5, (method, batchSize, repeat) ->
        RunFixture.paperMean(method, batchSize) + BLESSED_NOISE[repeat]
            - (method.equals("TR") && batchSize == 2048 ? 0.04 : 0.0));

    GateResult result = GATE.evaluate(lowered, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.REGRESSION);
    assertThat(result.outcome().exitCode()).isEqualTo(1);
    assertThat(result.regressions()).hasSize(2).allSatisfy(row -> {
      assertThat(row.key().method()).isEqualTo("TR");
      assertThat(row.key().reference()).isEqualTo("SGD");
      assertThat(row.key().setting()).containsExactly(Map.entry("batchSize", "2048"));
      assertThat(row.baselineGap()).isCloseTo(0.855 - 0.803, within(1e-9));
      assertThat(row.newGap()).isCloseTo(0.855 - 0.803 - 0.04, within(1e-9));
      assertThat(row.change()).isCloseTo(-0.04, within(1e-9));
      assertThat(row.adjustedP()).isLessThanOrEqualTo(0.05);
    });
    assertThat(result.regressions()).extracting(row -> row.key().metric())
        .containsExactlyInAnyOrder("finalTestAccuracy", "bestTestAccuracy");
    assertThat(result.rows()).filteredOn(row -> row.verdict() != Verdict.REGRESSED)
        .hasSize(6)
        .allSatisfy(row -> assertThat(row.verdict()).isEqualTo(Verdict.PASS));
  }

  @Test
  void adjustsThePValuesByHolmWithinEachExperimentAndMetric() {
    ResultFiles lowered = RunFixture.write(temp.resolve("lowered"), "ci", 5, (method, batchSize, repeat) ->
        RunFixture.paperMean(method, batchSize) + BLESSED_NOISE[repeat] * (method.equals("SGD") ? 1 : -1)
            - (method.equals("Hybrid") ? 0.021 : 0.0));

    GateResult result = GATE.evaluate(lowered, baselines);

    for (String metric : List.of("finalTestAccuracy", "bestTestAccuracy")) {
      List<GateRow> family = result.rows().stream().filter(r -> r.key().metric().equals(metric)).toList();
      assertThat(family).hasSize(4);
      double[] raw = family.stream().mapToDouble(GateRow::pValue).sorted().toArray();
      // Holm by hand: p̃_(i) = max_{j ≤ i} min(1, (k − j + 1) p_(j)), k = 4 rows (2 batch sizes × 2 pairs).
      double running = 0;
      double[] expected = new double[raw.length];
      for (int j = 0; j < raw.length; j++) {
        running = Math.max(running, Math.min(1.0, (raw.length - j) * raw[j]));
        expected[j] = running;
      }
      assertThat(family.stream().sorted(java.util.Comparator.comparingDouble(GateRow::pValue))
          .mapToDouble(GateRow::adjustedP).toArray()).containsExactly(expected, within(1e-12));
    }
  }

  @Test
  void doesNotFailOnARunThatDiffersOnlyByNoiseInsideTheIntervals() {
    Map<String, double[]> otherNoise = Map.of(
        "SGD", new double[] {0.003, -0.002, 0.001, -0.004, 0.004},
        "TR", new double[] {-0.001, 0.002, -0.003, 0.001, 0.0},
        "Hybrid", new double[] {0.002, 0.001, -0.002, -0.003, 0.001});
    ResultFiles noisy = RunFixture.write(temp.resolve("noisy"), "ci", 5, (method, batchSize, repeat) ->
        RunFixture.paperMean(method, batchSize) + otherNoise.get(method)[repeat] * (batchSize == 128 ? 1 : -1));

    GateResult result = GATE.evaluate(noisy, baselines);

    assertThat(result.rows()).hasSize(8).allSatisfy(row -> {
      assertThat(row.newGap()).isNotEqualTo(row.baselineGap());
      assertThat(row.newGap()).isBetween(row.baselineCiLow(), row.baselineCiHigh());
      assertThat(row.verdict()).isEqualTo(Verdict.PASS);
    });
    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
  }

  @Test
  void reportsADropBeyondTheToleranceThatIsNotSignificantAsNoise() {
    double[] wide = {-0.04, 0.03, 0.0, 0.05, -0.04};
    List<Baseline> noisyBaselines = bless(RunFixture.write(temp.resolve("wide"), "ci", 5,
        (method, batchSize, repeat) -> RunFixture.paperMean(method, batchSize) + (method.equals("SGD") ? 0 : wide[repeat])));
    ResultFiles dropped = RunFixture.write(temp.resolve("dropped"), "ci", 5, (method, batchSize, repeat) ->
        RunFixture.paperMean(method, batchSize) + (method.equals("SGD") ? 0 : wide[(repeat + 2) % 5] - 0.03));

    GateResult result = GATE.evaluate(dropped, noisyBaselines);

    assertThat(result.rows()).hasSize(8).allSatisfy(row -> {
      assertThat(row.change()).isCloseTo(-0.03, within(1e-9));
      assertThat(row.pValue()).isLessThan(0.5);
      assertThat(row.adjustedP()).isGreaterThan(0.05);
      assertThat(row.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
    });
    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
  }

  @Test
  void ignoresResultFilesOfTrialsTheManifestDoesNotPlan() {
    ResultFiles run = RunFixture.write(temp.resolve("stray"), "ci", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));
    io.github.trustregion.framework.result.TrialResult kept =
        run.readTrial(RunFixture.EXPERIMENT, RunFixture.trialId("TR", 2048, 0)).orElseThrow();
    Map<String, String> parameters = new java.util.LinkedHashMap<>(kept.parameters());
    parameters.put("repeat", "9");
    run.writeTrial(new io.github.trustregion.framework.result.TrialResult(kept.schemaVersion(), "stray-TR-r9",
        kept.experiment(), TrialStatus.COMPLETED, "", parameters, Map.of(), List.of(),
        Map.of("finalTestAccuracy", 0.1, "bestTestAccuracy", 0.1), Map.of(), 1.0, Map.of()));

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.rows()).allSatisfy(row -> assertThat(row.newN()).isEqualTo(5));
  }

  @Test
  void failsNamingAMissingTrial() throws Exception {
    ResultFiles run = RunFixture.write(temp.resolve("missing"), "ci", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));
    String missing = RunFixture.trialId("TR", 2048, 3);
    Files.delete(run.trialFile(RunFixture.EXPERIMENT, missing));

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.outcome().exitCode()).isEqualTo(2);
    assertThat(result.problems()).extracting(TrialProblem::kind, TrialProblem::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TrialProblem.Kind.MISSING, missing));
    assertThat(result.rows()).filteredOn(row -> row.key().method().equals("TR") && row.key().setting().get("batchSize").equals("2048"))
        .hasSize(2)
        .allSatisfy(row -> assertThat(row.newN()).isEqualTo(4));
  }

  @Test
  void failsNamingDivergedAndFailedTrials() {
    ResultFiles run = RunFixture.write(temp.resolve("diverged"), "ci", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));
    String diverged = RunFixture.trialId("SGD", 2048, 0);
    String failed = RunFixture.trialId("Hybrid", 128, 4);
    RunFixture.setStatus(run, diverged, TrialStatus.DIVERGED, "loss became NaN at epoch 3");
    RunFixture.setStatus(run, failed, TrialStatus.FAILED, "OutOfMemoryError");

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.problems()).extracting(TrialProblem::kind, TrialProblem::subject, TrialProblem::detail)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(TrialProblem.Kind.DIVERGED, diverged, "loss became NaN at epoch 3"),
            org.assertj.core.groups.Tuple.tuple(TrialProblem.Kind.FAILED, failed, "OutOfMemoryError"));
  }

  @Test
  void failsWhenABaselinedComparisonHasFewerThanTwoRepeatsInTheRun() {
    ResultFiles run = RunFixture.write(temp.resolve("one"), "ci", 1, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.rows()).hasSize(8).allSatisfy(row -> assertThat(row.verdict()).isEqualTo(Verdict.NO_DATA));
    assertThat(result.problems()).hasSize(8).allSatisfy(p -> assertThat(p.kind()).isEqualTo(TrialProblem.Kind.NOT_IN_RUN));
  }

  @Test
  void failsWhenABaselinedExperimentIsAbsentFromTheRun() {
    ResultFiles other = new ResultFiles(temp.resolve("other"));
    RunFixture.writeLandscape(other, "ci");

    GateResult result = GATE.evaluate(other, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
    assertThat(result.problems()).extracting(TrialProblem::experiment, TrialProblem::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(RunFixture.EXPERIMENT, TrialProblem.Kind.NOT_IN_RUN));
    assertThat(result.ungatedExperiments()).containsExactly("e4-landscape");
  }

  @Test
  void listsExperimentsWithoutABaselineWithoutFailing() {
    ResultFiles run = RunFixture.write(temp.resolve("with-e4"), "ci", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));
    RunFixture.writeLandscape(run, "ci");

    GateResult result = GATE.evaluate(run, baselines);

    assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
    assertThat(result.ungatedExperiments()).containsExactly("e4-landscape");
  }

  @Test
  void refusesARunAtAnotherScaleThanTheBaseline() {
    ResultFiles smoke = RunFixture.write(temp.resolve("smoke"), "smoke", 5, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));

    assertThatThrownBy(() -> GATE.evaluate(smoke, baselines))
        .isInstanceOf(GateInputException.class)
        .hasMessageContaining("'smoke'")
        .hasMessageContaining("'ci'");
  }

  @Test
  void refusesToRunWithoutBaselines() {
    ResultFiles run = RunFixture.write(temp.resolve("run"), "ci", 2, RunFixture.paperMeansWithOffsets(BLESSED_NOISE));

    assertThatThrownBy(() -> GATE.evaluate(run, List.of())).isInstanceOf(GateInputException.class);
  }

  private static List<Baseline> bless(ResultFiles run) {
    Provenance provenance = new Provenance("0123456789abcdef0123456789abcdef01234567", "2026-11-28T09:00:00Z",
        run.root().toString(), "", "mvn -B verify -Pexperiments", "test", Map.of());
    return new Blesser(new BlessSettings("SGD", BlessSettings.DEFAULT_METRICS, BlessSettings.DEFAULT_TOLERANCE, true,
        ComparisonSettings.defaults())).bless(run, Map.of(), provenance).baselines();
  }
}
