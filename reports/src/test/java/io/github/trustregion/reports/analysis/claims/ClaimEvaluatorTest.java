package io.github.trustregion.reports.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.ClaimBatch;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.ClaimDirection;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claims table on hand-made trials. Expected numbers from SciPy 1.17 ({@code ttest_rel}, {@code
 * ttest_ind(equal_var=False)}, {@code ttest_1samp}, {@code t.ppf}) and Holm's formula by hand.
 */
class ClaimEvaluatorTest {

  private static final double[] TR = {0.80, 0.82, 0.85, 0.79, 0.84};
  private static final double[] SGD = {0.78, 0.80, 0.81, 0.80, 0.80};
  private static final double[] HYBRID = {0.79, 0.80, 0.84, 0.78, 0.83};

  private static TrialResult trial(
      String method, int repeat, int batch, Map<String, Double> metrics, List<EpochRecord> epochs) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("method", method);
    p.put("batchSize", Integer.toString(batch));
    p.put("repeat", Integer.toString(repeat));
    p.put("seed", Integer.toString(100 + repeat));
    p.put("scale", "study");
    return new TrialResult(
        1,
        "e__" + method + "__b" + batch + "__r" + repeat,
        "e",
        TrialStatus.COMPLETED,
        "",
        p,
        Map.of(),
        epochs,
        metrics,
        Map.of(),
        1.0,
        Map.of());
  }

  private static TrialResult accuracy(String method, int repeat, int batch, double value) {
    return trial(method, repeat, batch, Map.of("bestTestAccuracy", value), List.of());
  }

  private static LoadedExperiment experiment(
      String kind, List<ClaimDeclaration> claims, List<TrialResult> trials) {
    return experiment(kind, claims, trials, List.of());
  }

  private static LoadedExperiment experiment(
      String kind,
      List<ClaimDeclaration> claims,
      List<TrialResult> trials,
      List<PaperValue> paperValues) {
    List<PlannedTrial> planned = new ArrayList<>();
    trials.forEach(t -> planned.add(new PlannedTrial(t.trialId(), t.parameters())));
    ExperimentManifest manifest =
        new ExperimentManifest(
            1,
            "e",
            "a.E",
            "e",
            "",
            kind,
            "study",
            "w",
            List.of("bestTestAccuracy"),
            List.of(),
            planned,
            paperValues,
            claims);
    return new LoadedExperiment(Path.of("e"), manifest, trials, List.of(), List.of());
  }

  private static ClaimDeclaration claim(
      String id,
      ClaimComparison comparison,
      String metric,
      List<String> methods,
      ClaimBatch batch,
      int stage,
      double alphaStep) {
    return new ClaimDeclaration(
        id,
        "s",
        "Figure 3",
        comparison,
        metric,
        methods,
        batch,
        Map.of(),
        ClaimDirection.AT_LEAST,
        0,
        stage,
        "",
        "",
        alphaStep);
  }

  /** Returns a claim on the best test accuracy of {@code methods} at the largest batch. */
  private static ClaimDeclaration largestBatchAccuracyClaim(
      String id, ClaimComparison comparison, String... methods) {
    return claim(id, comparison, "bestTestAccuracy", List.of(methods), ClaimBatch.LARGEST, 0, 0);
  }

  @Test
  void pairsByRepeatAtTheLargestBatchAndAdjustsAcrossTheRunsClaims() {
    List<TrialResult> trials = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      trials.add(accuracy("TR", r, 2048, TR[r]));
      trials.add(accuracy("SGD", r, 2048, SGD[r]));
      trials.add(accuracy("Hybrid", r, 2048, HYBRID[r]));
      // the small batch must not enter a claim at the largest batch
      trials.add(accuracy("TR", r, 128, 0.1));
      trials.add(accuracy("SGD", r, 128, 0.9));
      trials.add(accuracy("Hybrid", r, 128, 0.1));
    }
    LoadedExperiment e =
        experiment(
            "training",
            List.of(
                largestBatchAccuracyClaim("C1", ClaimComparison.DIFFERENCE, "TR", "SGD"),
                largestBatchAccuracyClaim(
                    "C2", ClaimComparison.MARGIN_OVER_MAX, "Hybrid", "TR", "SGD")),
            trials);

    List<ClaimRow> rows = new ClaimEvaluator(0.05).evaluate(List.of(e));

    assertThat(rows).hasSize(2);
    ClaimRow c1 = rows.get(0);
    assertThat(c1.test()).isEqualTo("paired t");
    assertThat(c1.n()).isEqualTo(5);
    assertThat(c1.setting()).isEqualTo("batchSize=2048, scale=study");
    assertThat(c1.effect()).isCloseTo(0.022, within(1e-12));
    assertThat(c1.lower()).isCloseTo(-0.0034465397149170476, within(1e-10));
    assertThat(c1.upper()).isCloseTo(0.047446539714916955, within(1e-10));
    assertThat(c1.p()).isCloseTo(0.03716216741318447, within(1e-10));
    assertThat(c1.detectable()).isCloseTo(0.02816278133968508, within(1e-10));
    // Holm over {0.0372, 0.9977}: 2 · 0.0372
    assertThat(c1.adjustedP()).isCloseTo(0.07432433482636894, within(1e-10));
    assertThat(c1.verdict()).isEqualTo(ClaimRow.NOT_DISTINGUISHABLE);
    assertThat(c1.quantity()).isEqualTo("TR − SGD of bestTestAccuracy ≥ 0");

    ClaimRow c2 = rows.get(1);
    // Hybrid − max(TR, SGD) per repeat: −0.01, −0.02, −0.01, −0.02, −0.01
    assertThat(c2.effect()).isCloseTo(-0.014, within(1e-12));
    assertThat(c2.p()).isCloseTo(0.9976820802910479, within(1e-10));
    assertThat(c2.adjustedP()).isCloseTo(0.9976820802910479, within(1e-10));
    // opposite family {1 − 0.0372, 0.00232}: 2 · 0.00232
    assertThat(c2.adjustedOppositeP()).isCloseTo(2 * 0.002317919708952172, within(1e-10));
    assertThat(c2.verdict()).isEqualTo(ClaimRow.CONTRADICTED);
  }

  @Test
  void leavesTheTuningTrialsOfATunedBaselineOutOfItsClaims() {
    List<TrialResult> trials = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      trials.add(accuracy("TR", r, 2048, TR[r]));
      trials.add(accuracy("SGD-tuned", r, 2048, SGD[r]));
    }
    for (int point = 0; point < 3; point++) {
      Map<String, String> p = new LinkedHashMap<>(accuracy("SGD-tuned", 0, 2048, 0).parameters());
      p.put("trialType", "tuning");
      p.put("tuningPointIndex", Integer.toString(point));
      trials.add(
          new TrialResult(
              1,
              "e__SGD-tuned__tune" + point + "__b2048__r0",
              "e",
              TrialStatus.COMPLETED,
              "",
              p,
              Map.of(),
              List.of(),
              Map.of("bestTestAccuracy", 0.1),
              Map.of(),
              1.0,
              Map.of()));
    }
    LoadedExperiment e =
        experiment(
            "training",
            List.of(
                largestBatchAccuracyClaim(
                    "C1-tuned", ClaimComparison.DIFFERENCE, "TR", "SGD-tuned")),
            trials);

    List<ClaimRow> rows = new ClaimEvaluator(0.05).evaluate(List.of(e));

    // exactly the numbers of TR − SGD in the test above: the tuning trials' 0.1 never enter
    assertThat(rows).singleElement();
    assertThat(rows.get(0).test()).isEqualTo("paired t");
    assertThat(rows.get(0).n()).isEqualTo(5);
    assertThat(rows.get(0).effect()).isCloseTo(0.022, within(1e-12));
    assertThat(rows.get(0).p()).isCloseTo(0.03716216741318447, within(1e-10));
  }

  @Test
  void pairsTrainingSecondsOnlyOfTrialsTimedOnTheSameProcessor() {
    // seconds per epoch: TR 3.0, 3.3, 2.7 and 9.0 (repeat 3, on another processor); SGD 1.0 each
    double[] tr = {3.0, 3.3, 2.7, 9.0};
    List<TrialResult> trials = new ArrayList<>();
    for (int r = 0; r < tr.length; r++) {
      String trCpu = r == 3 ? "AMD EPYC" : "Intel(R) Xeon(R) Processor";
      trials.add(timed("TR", r, tr[r], trCpu));
      trials.add(timed("SGD", r, 1.0, "Intel(R) Xeon(R) Processor"));
    }
    ClaimDeclaration cost =
        new ClaimDeclaration(
            "C6",
            "s",
            "abstract",
            ClaimComparison.RATIO,
            ClaimDeclaration.SECONDS_PER_EPOCH,
            List.of("TR", "SGD"),
            ClaimBatch.ALL,
            Map.of(),
            ClaimDirection.AT_MOST,
            3,
            0,
            "",
            "",
            0);

    ClaimRow row =
        new ClaimEvaluator(0.05)
            .evaluate(List.of(experiment("training", List.of(cost), trials)))
            .get(0);

    assertThat(row.n()).isEqualTo(3);
    assertThat(row.effect()).isCloseTo(3.0, within(1e-12));
    assertThat(row.note()).contains("1 pair(s) timed on different processors");
  }

  private static TrialResult timed(String method, int repeat, double secondsPerEpoch, String cpu) {
    TrialResult t = trial(method, repeat, 2048, Map.of(), List.of());
    List<EpochRecord> epochs = new ArrayList<>();
    for (int e = 1; e <= 2; e++) {
      epochs.add(
          new EpochRecord(e, 0, method, 0.5, 0.8, 0.6, 0.7, e * secondsPerEpoch, 1, 0, 0, null));
    }
    return new TrialResult(
        1,
        t.trialId(),
        "e",
        TrialStatus.COMPLETED,
        "",
        t.parameters(),
        Map.of(),
        epochs,
        Map.of(),
        Map.of(),
        2 * secondsPerEpoch,
        Map.of("cpu", cpu));
  }

  @Test
  void givesTheSameQuantityFromThePapersNumbersAtThePapersLargestBatch() {
    List<TrialResult> trials = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      trials.add(accuracy("TR", r, 2048, TR[r]));
      trials.add(accuracy("SGD", r, 2048, SGD[r]));
      trials.add(accuracy("Hybrid", r, 2048, HYBRID[r]));
      trials.add(accuracy("SGD-tuned", r, 2048, SGD[r]));
    }
    List<PaperValue> paper = new ArrayList<>();
    double[][] figure3 = {{128, 0.867, 0.868, 0.881}, {2048, 0.803, 0.855, 0.870}};
    for (double[] row : figure3) {
      String batch = Integer.toString((int) row[0]);
      paper.add(paperValue("SGD", batch, row[1]));
      paper.add(paperValue("TR", batch, row[2]));
      paper.add(paperValue("Hybrid", batch, row[3]));
    }
    LoadedExperiment e =
        experiment(
            "training",
            List.of(
                largestBatchAccuracyClaim("C1", ClaimComparison.DIFFERENCE, "TR", "SGD"),
                largestBatchAccuracyClaim(
                    "C2", ClaimComparison.MARGIN_OVER_MAX, "Hybrid", "TR", "SGD"),
                largestBatchAccuracyClaim(
                    "C1-tuned", ClaimComparison.DIFFERENCE, "TR", "SGD-tuned")),
            trials,
            paper);

    List<ClaimRow> rows = new ClaimEvaluator(0.05).evaluate(List.of(e));

    // Figure 3 at B = 2048: TR 85.5 − SGD 80.3; Hybrid 87.0 − max(85.5, 80.3)
    assertThat(rows.get(0).paperEffect()).isCloseTo(0.052, within(1e-12));
    assertThat(rows.get(0).paperSetting()).isEqualTo("VGG16 on CIFAR-10, B = 2048 (Figure 3)");
    assertThat(rows.get(1).paperEffect()).isCloseTo(0.015, within(1e-12));
    // the paper ran no tuned SGD
    assertThat(rows.get(2).paperEffect()).isNaN();
    assertThat(rows.get(2).paperSetting()).isEmpty();
  }

  private static PaperValue paperValue(String method, String batch, double value) {
    return new PaperValue(
        Map.of("method", method, "batchSize", batch),
        "bestTestAccuracy",
        value,
        "Figure 3",
        "VGG16 on CIFAR-10");
  }

  @Test
  void fallsBackToWelchWhenTheRepeatsDoNotPair() {
    double[] a = {0.80, 0.82, 0.85};
    double[] b = {0.78, 0.80, 0.81, 0.70};
    List<TrialResult> trials = new ArrayList<>();
    for (int r = 0; r < a.length; r++) {
      trials.add(accuracy("TR", r, 512, a[r]));
    }
    for (int r = 0; r < b.length; r++) {
      trials.add(accuracy("SGD", 10 + r, 512, b[r]));
    }
    LoadedExperiment e =
        experiment(
            "training",
            List.of(
                claim(
                    "C1",
                    ClaimComparison.DIFFERENCE,
                    "bestTestAccuracy",
                    List.of("TR", "SGD"),
                    ClaimBatch.ALL,
                    0,
                    0)),
            trials);

    ClaimRow row = new ClaimEvaluator(0.05).evaluate(List.of(e)).get(0);

    assertThat(row.test()).isEqualTo("Welch");
    assertThat(row.n()).isEqualTo(7);
    assertThat(row.effect()).isCloseTo(0.0508333333333334, within(1e-12));
    assertThat(row.p()).isCloseTo(0.07196860057045379, within(1e-10));
    assertThat(row.lower()).isCloseTo(-0.025456588486511597, within(1e-9));
    assertThat(row.upper()).isCloseTo(0.1271232551531784, within(1e-9));
    assertThat(row.detectable()).isCloseTo(0.08614509593931896, within(1e-9));
    assertThat(row.adjustedP()).isEqualTo(row.p());
    assertThat(row.verdict()).isEqualTo(ClaimRow.NOT_DISTINGUISHABLE);
  }

  private static EpochRecord epoch(int epoch, int stage, double trainLoss) {
    return new EpochRecord(
        epoch, stage, stage == 0 ? "SGD" : "TR", trainLoss, 0.8, 0.6, 0.7, epoch, 1, 0, 0, null);
  }

  @Test
  void measuresTheJumpAtAStageBoundaryPerTrialAndSupportsIt() {
    double[][] losses = {
      {0.50, 0.40, 0.70, 0.60}, {0.45, 0.35, 0.60, 0.50}, {0.52, 0.30, 0.71, 0.4}
    };
    List<TrialResult> trials = new ArrayList<>();
    for (int r = 0; r < losses.length; r++) {
      double[] l = losses[r];
      trials.add(
          trial(
              "SGD-TR",
              r,
              1024,
              Map.of(),
              List.of(epoch(1, 0, l[0]), epoch(2, 0, l[1]), epoch(3, 1, l[2]), epoch(4, 1, l[3]))));
    }
    LoadedExperiment e =
        experiment(
            "tracks",
            List.of(
                claim(
                    "C3",
                    ClaimComparison.STAGE_JUMP,
                    "trainLoss",
                    List.of("SGD-TR"),
                    ClaimBatch.ALL,
                    1,
                    0)),
            trials);

    ClaimRow row = new ClaimEvaluator(0.05).evaluate(List.of(e)).get(0);

    // jumps 0.30, 0.25, 0.41 (first epoch of stage 2 − last epoch of stage 1)
    assertThat(row.effect()).isCloseTo((0.30 + 0.25 + 0.41) / 3, within(1e-12));
    assertThat(row.p()).isCloseTo(0.010560685916088762, within(1e-10));
    assertThat(row.verdict()).isEqualTo(ClaimRow.SUPPORTED);
  }

  @Test
  void comparesTheSharpnessOfBothEndsOfAnInterpolationCurve() {
    // L(α) = 3(α − 1)² near α = 1 and (α)² near α = 0, sampled at −0.5 … 1.5 in steps of 0.5:
    // rise(1) = (L(0.5) + L(1.5))/2 − L(1), rise(0) = (L(−0.5) + L(0.5))/2 − L(0)
    double[][] curve = {{-0.5, 0.25}, {0.0, 0.0}, {0.5, 0.75}, {1.0, 0.0}, {1.5, 0.75}};
    List<List<Double>> rows = new ArrayList<>();
    for (double[] p : curve) {
      rows.add(List.of(p[0], p[1]));
    }
    Map<String, String> parameters =
        Map.of("method", "SGD-vs-TR", "methodA", "SGD", "methodB", "TR", "repeat", "0");
    TrialResult t =
        new TrialResult(
            1,
            "e__SGD-vs-TR__r0",
            "e",
            TrialStatus.COMPLETED,
            "",
            parameters,
            Map.of(),
            List.of(),
            Map.of(),
            Map.of("interpolation", new Series(List.of("alpha", "trainLoss"), rows)),
            1.0,
            Map.of());

    assertThat(ClaimEvaluator.sharpnessDifference(t, "trainLoss", 0.5).getAsDouble())
        .isCloseTo(0.75 - 0.5, within(1e-12));
    assertThat(ClaimEvaluator.sharpnessDifference(t, "trainLoss", 0.1)).isEmpty();

    LoadedExperiment e =
        experiment(
            "landscape",
            List.of(
                claim(
                    "C4",
                    ClaimComparison.BASIN_SHARPNESS,
                    "trainLoss",
                    List.of("SGD", "TR"),
                    ClaimBatch.ALL,
                    0,
                    0.5)),
            List.of(t));
    ClaimRow row = new ClaimEvaluator(0.05).evaluate(List.of(e)).get(0);
    assertThat(row.n()).isEqualTo(1);
    assertThat(row.effect()).isCloseTo(0.25, within(1e-12));
    assertThat(row.test()).isEqualTo("—");
    assertThat(row.verdict()).isEqualTo("not tested (see the note)");
    assertThat(row.note()).startsWith("fewer than 2 values (n = 1)");
  }

  private static List<ClaimRow> bound(double... margins) {
    ClaimDeclaration within =
        new ClaimDeclaration(
            "C5b",
            "s",
            "Lemma 6",
            ClaimComparison.BOUND,
            "iterations",
            List.of("paper"),
            ClaimBatch.ALL,
            Map.of(),
            ClaimDirection.AT_MOST,
            0,
            0,
            "",
            "bound",
            0);
    List<TrialResult> trials = new ArrayList<>();
    for (int i = 0; i < margins.length; i++) {
      trials.add(
          trial("paper", i, 1, Map.of("iterations", 100 + margins[i], "bound", 100.0), List.of()));
    }
    return new ClaimEvaluator(0.05)
        .evaluate(List.of(experiment("SUBPROBLEM", List.of(within), trials)));
  }

  @Test
  void contradictsABoundThatOneInstanceBreaksWhateverTheMeanMargin() {
    List<ClaimRow> held = bound(-500, -400, -450, -480, -420, -5);
    List<ClaimRow> broken = bound(-500, -400, -450, -480, -420, 5);

    assertThat(held).singleElement().extracting(ClaimRow::verdict).isEqualTo(ClaimRow.SUPPORTED);
    assertThat(held.get(0).note()).contains("all 6 instances within the bound");
    // the mean margin of the broken bound is as far below 0 as the held one's
    assertThat(broken.get(0).adjustedP()).isLessThan(0.05);
    assertThat(broken.get(0).verdict()).isEqualTo(ClaimRow.CONTRADICTED);
    assertThat(broken.get(0).note()).contains("1 of 6 instances break the bound");
  }

  @Test
  void fitsTheSlopeAndTheFitQualityPerRepeat() {
    assertThat(ClaimEvaluator.slope(List.of(new double[] {1, 3}, new double[] {3, 7})))
        .isCloseTo(2.0, within(1e-12));
    // points exactly on T(λ) = log(1 + 0.5λ)/log(1 + 0.01λ) give R² = 1 up to the fit's accuracy
    List<double[]> exact = new ArrayList<>();
    for (double l : new double[] {10, 30, 50, 70, 90, 110}) {
      exact.add(new double[] {l, Math.log(1 + 0.5 * l) / Math.log(1 + 0.01 * l)});
    }
    assertThat(ClaimEvaluator.fitQuality(exact)).isCloseTo(1.0, within(1e-4));
  }
}
