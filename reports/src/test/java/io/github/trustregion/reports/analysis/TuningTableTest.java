package io.github.trustregion.reports.analysis;

import static io.github.trustregion.reports.analysis.TrialData.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningTableTest {

  private static final String[] STEPS = {"0.01", "0.1", "1.0"};

  /** A tuning trial of SGD-tuned at a point whose last epoch has this validation accuracy. */
  private static TrialResult tuningTrial(int point, int repeat, double accuracy) {
    Map<String, String> p =
        parameters(
            "SGD-tuned",
            repeat,
            "batchSize",
            "64",
            "trialType",
            "tuning",
            "tuningPoint",
            "learningRate=" + STEPS[point],
            "tuningPointIndex",
            Integer.toString(point),
            "tuningMetric",
            "finalValidationAccuracy",
            "tuningScope",
            "batchSize");
    List<EpochRecord> epochs =
        List.of(
            new EpochRecord(1, 0, "SGD", 0.9, 0.5, 0.9, 0.5, 1, 10, 0, 0, null),
            new EpochRecord(2, 0, "SGD", 0.5, 0.7, 0.6, accuracy, 2, 20, 0, 0, null));
    return TrialData.trial(p, epochs, Map.of("finalValidationAccuracy", accuracy), 1);
  }

  private static TrialResult repeat(String method, int repeat, String tuning, double accuracy) {
    Map<String, String> p =
        parameters(method, repeat, "batchSize", "64", "trialType", "training", "tuning", tuning);
    TrialResult t = TrialData.value("finalTestAccuracy", accuracy, p);
    return new TrialResult(
        1,
        t.trialId(),
        "e",
        TrialStatus.COMPLETED,
        "",
        p,
        Map.of(),
        List.of(),
        t.metrics(),
        Map.of(),
        1,
        Map.of(),
        Map.of(method, Map.of("learningRate", method.equals("SGD") ? "0.1" : "1.0")));
  }

  private static LoadedExperiment experiment() {
    List<TrialResult> trials = new ArrayList<>();
    // means: 0.01 → 0.60, 0.1 → 0.75, 1.0 → 0.80 (the last value: on the grid's edge)
    trials.add(tuningTrial(0, 0, 0.55));
    trials.add(tuningTrial(0, 1, 0.65));
    trials.add(tuningTrial(1, 0, 0.70));
    trials.add(tuningTrial(1, 1, 0.80));
    trials.add(tuningTrial(2, 0, 0.78));
    trials.add(tuningTrial(2, 1, 0.82));
    for (int r = 0; r < 2; r++) {
      trials.add(repeat("SGD-tuned", r, "learningRate in {0.01, 0.1, 1.0}", 0.8 + r / 100.0));
      trials.add(repeat("SGD", r, "not tuned", 0.7 + r / 100.0));
    }
    return TrialData.experiment(
        "training", List.of("finalTestAccuracy"), List.of(), List.of(), trials);
  }

  @Test
  void showsEveryGridPointsMeanTheChosenPointTheEdgeAndTheCost() {
    List<TuningRow> rows = TuningTable.rows(experiment());

    assertThat(rows).singleElement();
    TuningRow row = rows.get(0);
    assertThat(row.method()).isEqualTo("SGD-tuned");
    assertThat(row.scope()).isEqualTo("batchSize=64");
    assertThat(row.points()).extracting(TuningRow.TuningPoint::n).containsExactly(2, 2, 2);
    assertThat(row.points().get(0).score()).isCloseTo(0.60, within(1e-12));
    assertThat(row.points().get(1).score()).isCloseTo(0.75, within(1e-12));
    assertThat(row.points().get(2).score()).isCloseTo(0.80, within(1e-12));
    assertThat(row.chosen()).isEqualTo(2);
    assertThat(row.chosenPoint()).isEqualTo("learningRate=1.0");
    assertThat(row.onEdge()).isTrue();
    assertThat(row.edge()).contains("learningRate=1.0 is the last value of the grid");
    assertThat(row.usedByRepeats()).isEqualTo("learningRate=1.0");
    assertThat(row.trials()).isEqualTo(6);
    assertThat(row.epochs()).isEqualTo(12);
    assertThat(row.gradientEquivalents()).isEqualTo(6 * 20);
  }

  @Test
  void aChosenPointInsideTheGridHasNoEdgeNote() {
    List<TuningRow.TuningPoint> points = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      points.add(
          new TuningRow.TuningPoint(
              p, "learningRate=" + STEPS[p], Map.of("learningRate", STEPS[p]), 1, p));
    }
    assertThat(TuningTable.edge(points.get(1), points)).isEmpty();
    assertThat(TuningTable.edge(points.get(0), points)).contains("first value");
  }

  @Test
  void comparesOnlyTheRepeatsAndReportsTheUntunedMethodAsNotTuned() {
    ExperimentSummary summary = new Analyzer(ComparisonSettings.defaults()).analyze(experiment());

    assertThat(summary.planned()).isEqualTo(10);
    assertThat(summary.comparisons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.comparison().labelA()).isEqualTo("SGD-tuned");
              assertThat(r.comparison().labelB()).isEqualTo("SGD");
              assertThat(r.comparison().a().n()).isEqualTo(2);
              assertThat(r.paired().pairs()).isEqualTo(2);
            });
    assertThat(summary.settings())
        .anySatisfy(
            s -> {
              assertThat(s.name()).startsWith("tuning");
              assertThat(s.toString()).contains("not tuned");
            });
    assertThat(summary.tuning()).hasSize(1);
  }

  @Test
  void thePageShowsTheTuningSectionWithItsChartAndTheEdgeInWords(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    LoadedExperiment e = experiment();
    io.github.trustregion.framework.result.ResultFiles files =
        new io.github.trustregion.framework.result.ResultFiles(dir.resolve("results"));
    files.writeManifest(e.manifest());
    e.trials().forEach(files::writeTrial);

    new io.github.trustregion.reports.html.ReportWriter(ComparisonSettings.defaults())
        .write(dir.resolve("results"), dir.resolve("out"));

    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(java.nio.file.Files.readString(dir.resolve("out/report.html")));
    org.jsoup.nodes.Element row = page.selectFirst("section.tuning tr[data-method=SGD-tuned]");
    assertThat(row).isNotNull();
    assertThat(row.hasClass("edge")).isTrue();
    assertThat(row.text())
        .contains("learningRate=1.0: 0.8 (2) ← chosen")
        .contains("on the edge: learningRate=1.0 is the last value of the grid");
    assertThat(page.select("svg").outerHtml()).contains("chosen, on the grid");
  }
}
