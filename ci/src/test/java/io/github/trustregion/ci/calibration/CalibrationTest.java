package io.github.trustregion.ci.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.ci.RunFixture;
import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BlessSettings;
import io.github.trustregion.ci.baseline.Blesser;
import io.github.trustregion.ci.baseline.Provenance;
import io.github.trustregion.ci.calibration.CalibrationResult.InjectedRow;
import io.github.trustregion.ci.calibration.CalibrationResult.InjectionResult;
import io.github.trustregion.ci.calibration.CalibrationResult.Row;
import io.github.trustregion.ci.gate.Gate;
import io.github.trustregion.ci.gate.GateResult;
import io.github.trustregion.ci.gate.GateRow;
import io.github.trustregion.ci.gate.Verdict;
import io.github.trustregion.ci.run.RepeatSet;
import io.github.trustregion.ci.run.RunReader;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

  private static final int REPEATS = 60;
  private static final double SEED_SD = 0.01;
  private static final double OWN_SD = 0.006;

  @TempDir Path temp;

  /**
   * Accuracies of the same distribution in every repeat: the method's mean, a per-repeat offset
   * shared by the methods (sd 1 point) and each trial's own noise (sd 0.6 points), so the per-seed
   * sd of a gap is 0.6·√2 ≈ 0.85 points.
   */
  private static RunFixture.Accuracy noisy(long seed) {
    Random random = new Random(seed);
    double[] shared = new double[REPEATS];
    double[][][] own = new double[3][2][REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      shared[r] = SEED_SD * random.nextGaussian();
      for (int m = 0; m < 3; m++) {
        for (int b = 0; b < 2; b++) {
          own[m][b][r] = OWN_SD * random.nextGaussian();
        }
      }
    }
    return (method, batchSize, repeat) ->
        RunFixture.paperMean(method, batchSize)
            + shared[repeat]
            + own[RunFixture.METHODS.indexOf(method)][RunFixture.BATCH_SIZES.indexOf(batchSize)][
                repeat];
  }

  private static CalibrationSettings settings(
      RepeatSet baseline, RepeatSet draws, int n, int k, List<Injection> injections) {
    return settings(baseline, draws, n, k, injections, 0.2);
  }

  private static CalibrationSettings settings(
      RepeatSet baseline, RepeatSet draws, int n, int k, List<Injection> injections, double trim) {
    return new CalibrationSettings(
        RunFixture.EXPERIMENT,
        baseline,
        draws,
        n,
        k,
        7,
        0.05,
        0.95,
        0,
        trim,
        0.8,
        "SGD",
        List.of("finalTestAccuracy"),
        injections);
  }

  private static CalibrationResult calibrate(ResultFiles files, CalibrationSettings settings) {
    return new Calibration(settings).run(RunReader.read(files), files.root().toString());
  }

  @Test
  void randomDrawsOfOneDistributionRaiseFalseAlarmsAtAboutAlpha() {
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", REPEATS, noisy(11));
    CalibrationResult result =
        calibrate(
            files, settings(RepeatSet.range(0, 19), RepeatSet.range(20, 59), 5, 400, List.of()));
    // α = 0.05 per Holm family of 4 rows; 400 draws of a fixed baseline: slack for sampling and for
    // the one baseline drawn
    assertThat(result.falseAlarmsRandom().draws()).isEqualTo(400);
    assertThat(result.falseAlarmsRandom().fraction()).isLessThanOrEqualTo(0.05 + 0.05);
    assertThat(result.disjointBlocks()).isEqualTo(8);
    assertThat(result.rows()).hasSize(4);
    for (Row row : result.rows()) {
      assertThat(row.falseAlarmsRandom().fraction()).isLessThanOrEqualTo(0.05 + 0.03);
      assertThat(row.baselineN()).isEqualTo(20);
      assertThat(row.drawN()).isEqualTo(5);
      // the per-seed sd of a gap is OWN_SD·√2 in distribution
      assertThat(row.drawSetGapSd())
          .isBetween(0.6 * OWN_SD * Math.sqrt(2), 1.4 * OWN_SD * Math.sqrt(2));
      assertThat(row.baselineGapSd())
          .isBetween(0.6 * OWN_SD * Math.sqrt(2), 1.4 * OWN_SD * Math.sqrt(2));
      assertThat(row.detectableDropAtPower().median())
          .isGreaterThan(row.smallestFlaggedDropRandom().median());
    }
  }

  @Test
  void trimmingKeepsFalseAlarmsAtAlphaAndSeesThroughCollapsedSeeds() {
    RunFixture.Accuracy base = noisy(16);
    // Hybrid at B = 2048 collapses by 15 points on every tenth seed, baseline and draws alike
    RunFixture.Accuracy accuracy =
        (method, batchSize, repeat) ->
            base.of(method, batchSize, repeat)
                - (method.equals("Hybrid") && batchSize == 2048 && repeat % 10 == 3 ? 0.15 : 0);
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", REPEATS, accuracy);
    CalibrationSettings trimmed =
        settings(RepeatSet.range(0, 29), RepeatSet.range(30, 59), 20, 400, List.of());
    CalibrationSettings welch =
        settings(RepeatSet.range(0, 29), RepeatSet.range(30, 59), 20, 400, List.of(), 0.0);
    CalibrationResult withTrimming = calibrate(files, trimmed);
    CalibrationResult withoutTrimming = calibrate(files, welch);

    assertThat(withTrimming.falseAlarmsRandom().fraction()).isLessThanOrEqualTo(0.05 + 0.05);
    for (int i = 0; i < withTrimming.rows().size(); i++) {
      Row row = withTrimming.rows().get(i);
      double trimmedDrop = row.detectableDropAtPower().median();
      double welchDrop = withoutTrimming.rows().get(i).detectableDropAtPower().median();
      if (row.key().method().equals("Hybrid") && row.key().settingText().contains("2048")) {
        // the collapses inflate the sd of the gap about five-fold; the trimmed test ignores them
        assertThat(trimmedDrop).as(row.key().toString()).isLessThan(0.5 * welchDrop);
      } else {
        // normal gaps: trimming costs a little power, not much
        assertThat(trimmedDrop).as(row.key().toString()).isBetween(welchDrop, 1.3 * welchDrop);
      }
    }
  }

  @Test
  void aBaselineOfTwoRangesUsesExactlyTheirRepeats() {
    RunFixture.Accuracy accuracy = noisy(17);
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", REPEATS, accuracy);
    RepeatSet baselineRepeats = RepeatSet.parse("0-9,40-59", "--baseline-repeats");
    CalibrationResult result =
        calibrate(files, settings(baselineRepeats, RepeatSet.range(10, 39), 10, 50, List.of()));

    assertThat(result.baselineRepeats()).containsExactlyElementsOf(baselineRepeats.repeats());
    assertThat(result.drawRepeats()).hasSize(30).allMatch(r -> r >= 10 && r <= 39);
    assertThat(result.disjointBlocks()).isEqualTo(3);
    for (Row row : result.rows()) {
      int batchSize = row.key().settingText().contains("2048") ? 2048 : 128;
      // by hand: the sample sd of the 30 per-seed gaps of those repeats
      double[] gaps =
          baselineRepeats.repeats().stream()
              .mapToDouble(
                  r ->
                      accuracy.of(row.key().method(), batchSize, r)
                          - accuracy.of("SGD", batchSize, r))
              .toArray();
      double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
      double sd =
          Math.sqrt(
              java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum()
                  / (gaps.length - 1));
      assertThat(row.baselineN()).isEqualTo(30);
      assertThat(row.baselineGapSd()).as(row.key().toString()).isCloseTo(sd, within(1e-12));
    }
  }

  @Test
  void disjointBlocksAreGatedAsRunsHoldingOnlyTheirRepeats() {
    RunFixture.Accuracy base = noisy(12);
    // the first block's TR at B = 128 is 3 points lower, so that the hand count is not zero
    RunFixture.Accuracy accuracy =
        (method, batchSize, repeat) ->
            base.of(method, batchSize, repeat)
                - (method.equals("TR") && batchSize == 128 && repeat >= 20 && repeat < 25
                    ? 0.03
                    : 0);
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", 30, accuracy);
    CalibrationResult result =
        calibrate(
            files, settings(RepeatSet.range(0, 19), RepeatSet.range(20, 29), 5, 10, List.of()));

    // by hand: the baseline blessed from a directory with repeats 0-19 only, and each block gated
    // as a directory holding only its repeats
    ResultFiles baselineRun = RunFixture.write(temp.resolve("baseline"), "ci", 20, accuracy);
    Baseline baseline =
        new Blesser(
                new BlessSettings(
                    "SGD",
                    List.of("finalTestAccuracy"),
                    0,
                    false,
                    new ComparisonSettings(0.05, 0.95)))
            .bless(baselineRun, Map.of(), new Provenance("x", "x", "", "", "", "", "", Map.of()))
            .baselines()
            .get(0);
    Gate gate = new Gate(new ComparisonSettings(0.05, 0.95));
    List<GateResult> blocks = new ArrayList<>();
    for (int block = 0; block < 2; block++) {
      int first = 20 + 5 * block;
      ResultFiles blockRun =
          RunFixture.write(
              temp.resolve("block" + block),
              "ci",
              5,
              (method, batchSize, repeat) -> accuracy.of(method, batchSize, first + repeat));
      blocks.add(gate.evaluate(blockRun, List.of(baseline)));
    }
    assertThat(result.disjointBlocks()).isEqualTo(2);
    int anyFlagged = 0;
    for (GateResult block : blocks) {
      anyFlagged += block.regressions().isEmpty() ? 0 : 1;
    }
    assertThat(anyFlagged).isEqualTo(1);
    assertThat(result.falseAlarmsDisjoint().flagged()).isEqualTo(anyFlagged);
    for (int i = 0; i < result.rows().size(); i++) {
      int flagged = 0;
      double drops = 0;
      for (GateResult block : blocks) {
        GateRow row = block.rows().get(i);
        assertThat(row.key()).isEqualTo(result.rows().get(i).key());
        flagged += row.verdict() == Verdict.REGRESSED ? 1 : 0;
        drops += row.smallestFlaggedDrop();
      }
      assertThat(result.rows().get(i).falseAlarmsDisjoint().flagged()).isEqualTo(flagged);
      assertThat(result.rows().get(i).falseAlarmsDisjoint().draws()).isEqualTo(2);
      assertThat(result.rows().get(i).smallestFlaggedDropDisjoint().mean())
          .isCloseTo(drops / 2, within(1e-12));
    }
  }

  @Test
  void anInjectedShiftIsMeasuredExactlyAndALargeOneIsAlwaysFlagged() {
    RunFixture.Accuracy accuracy = noisy(13);
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", REPEATS, accuracy);
    double d = 0.2;
    RunFixture.writeOnSeeds(
        files,
        "e3-weakened",
        List.of("TR-weak", "TR-same"),
        30,
        30,
        (method, batchSize, repeat) ->
            accuracy.of("TR", batchSize, repeat + 30) - (method.equals("TR-weak") ? d : 0));
    Injection weak = new Injection("TR", "e3-weakened", "TR-weak", 30);
    Injection same = new Injection("TR", "e3-weakened", "TR-same", 30);
    CalibrationResult result =
        calibrate(
            files,
            settings(RepeatSet.range(0, 29), RepeatSet.range(30, 59), 5, 200, List.of(weak, same)));

    InjectionResult weakened = result.injections().get(0);
    assertThat(weakened.repeats()).hasSize(30);
    for (int i = 0; i < result.rows().size(); i++) {
      InjectedRow row = weakened.rows().get(i);
      boolean tr = row.key().method().equals("TR");
      assertThat(row.change()).isCloseTo(tr ? -d : 0, within(1e-12));
      assertThat(row.changeSd()).isCloseTo(0, within(1e-12));
      assertThat(row.n()).isEqualTo(30);
      if (tr) {
        assertThat(d).isGreaterThan(5 * result.rows().get(i).smallestFlaggedDropRandom().median());
        assertThat(row.detectionRandom().fraction()).isEqualTo(1.0);
        assertThat(row.detectionDisjoint().flagged()).isEqualTo(6);
        assertThat(row.detectionDisjoint().draws()).isEqualTo(6);
      }
    }
    assertThat(weakened.detectionRandom().fraction()).isEqualTo(1.0);

    InjectionResult unchanged = result.injections().get(1);
    assertThat(unchanged.detectionRandom()).isEqualTo(result.falseAlarmsRandom());
    assertThat(unchanged.detectionDisjoint()).isEqualTo(result.falseAlarmsDisjoint());
    for (int i = 0; i < result.rows().size(); i++) {
      assertThat(unchanged.rows().get(i).change()).isCloseTo(0, within(1e-15));
      assertThat(unchanged.rows().get(i).detectionRandom())
          .isEqualTo(result.rows().get(i).falseAlarmsRandom());
    }
  }

  @Test
  void aWeakeningAtOneBatchSizeLeavesTheOtherBatchSizesTrialsInPlace() {
    RunFixture.Accuracy accuracy = noisy(15);
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", REPEATS, accuracy);
    double d = 0.2;
    RunFixture.writeOnSeeds(
        files,
        "e3-weakened",
        List.of("TR-weak"),
        List.of(2048),
        30,
        30,
        (method, batchSize, repeat) -> accuracy.of("TR", batchSize, repeat + 30) - d);
    Injection weak = new Injection("TR", "e3-weakened", "TR-weak", 30);
    CalibrationResult result =
        calibrate(
            files, settings(RepeatSet.range(0, 29), RepeatSet.range(30, 59), 5, 50, List.of(weak)));

    InjectionResult weakened = result.injections().get(0);
    assertThat(weakened.repeats()).hasSize(30);
    for (InjectedRow row : weakened.rows()) {
      boolean hit = row.key().method().equals("TR") && row.key().settingText().contains("2048");
      assertThat(row.change()).as(row.key().toString()).isCloseTo(hit ? -d : 0, within(1e-12));
      if (hit) {
        assertThat(row.detectionRandom().fraction()).isEqualTo(1.0);
      }
    }
  }

  @Test
  void incompleteRepeatsAreLeftOutAndNamed() throws Exception {
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", 20, noisy(14));
    java.nio.file.Files.delete(
        files
            .experimentDirectory(RunFixture.EXPERIMENT)
            .resolve("trials")
            .resolve(RunFixture.trialId("Hybrid", 2048, 13) + ".json"));
    CalibrationResult result =
        calibrate(
            files, settings(RepeatSet.range(0, 9), RepeatSet.range(10, 19), 3, 20, List.of()));
    assertThat(result.incompleteRepeats()).containsOnlyKeys(13);
    assertThat(result.incompleteRepeats().get(13)).contains(RunFixture.trialId("Hybrid", 2048, 13));
    assertThat(result.drawRepeats()).hasSize(9).doesNotContain(13);
    assertThat(result.disjointBlocks()).isEqualTo(3);
  }
}
