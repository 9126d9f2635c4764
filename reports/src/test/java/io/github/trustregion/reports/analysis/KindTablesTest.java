package io.github.trustregion.reports.analysis;

import static io.github.trustregion.reports.analysis.TrialData.epoch;
import static io.github.trustregion.reports.analysis.TrialData.parameters;
import static io.github.trustregion.reports.analysis.TrialData.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected numbers worked out by hand (in the comments). */
class KindTablesTest {

  @Test
  void fitsTheIterationCountsOfEachSolverAcrossLambda() {
    List<TrialResult> trials = new ArrayList<>();
    for (double lambda : new double[] {1, 2, 4, 8}) {
      // T(λ) = log(1 + 5λ)/log(1 + λ): c₁ = 5, c₂ = 1 fit exactly
      double t = Math.log(1 + 5 * lambda) / Math.log(1 + lambda);
      trials.add(
          value(
              Analyzer.ITERATIONS_TO_BOUNDARY,
              t,
              parameters("Algorithm2", 0, "lambda", "" + lambda)));
    }
    trials.add(
        value(Analyzer.ITERATIONS_TO_BOUNDARY, 3, parameters("Lanczos", 0, "lambda", "1.0")));
    trials.add(
        value(Analyzer.ITERATIONS_TO_BOUNDARY, 4, parameters("Lanczos", 0, "lambda", "2.0")));
    LoadedExperiment experiment =
        TrialData.experiment("subproblem", List.of(), List.of(), List.of(), trials);

    List<FitRow> fits = KindTables.fits(experiment, TrialGroup.of(experiment));

    assertThat(fits).extracting(FitRow::method).containsExactly("Algorithm2", "Lanczos");
    FitRow exact = fits.get(0);
    assertThat(exact.setting()).isEqualTo("scale=smoke");
    assertThat(exact.points()).hasSize(4);
    assertThat(exact.c1()).isCloseTo(5.0, within(1e-3));
    assertThat(exact.c2()).isCloseTo(1.0, within(1e-3));
    assertThat(exact.rmse()).isLessThan(1e-4);
    assertThat(fits.get(1).c1()).isNaN();
    assertThat(fits.get(1).note())
        .isEqualTo("fewer than 3 distinct λ with an iteration count; no fit");
    assertThat(
            KindTables.fits(
                TrialData.experiment("training", List.of(), List.of(), List.of(), trials),
                TrialGroup.of(experiment)))
        .isEmpty();
  }

  @Test
  void tabulatesEachTracksAccuracyAtTheEndOfEachStage() {
    List<TrialResult> trials = new ArrayList<>();
    double[][] stages = {{0.80, 0.86}, {0.84, 0.90}};
    for (int r = 0; r < 2; r++) {
      trials.add(
          TrialData.trial(
              parameters("TR-SGD", r),
              List.of(
                  epoch(1, 0, "TR", 1, 1, 1, 1, null),
                  epoch(2, 0, "TR", 2, 2, 2, 2, null),
                  epoch(3, 1, "SGD", 3, 3, 3, 3, null)),
              Map.of("stage1.testAccuracy", stages[r][0], "stage2.testAccuracy", stages[r][1]),
              3));
    }
    PaperValue paper =
        new PaperValue(Map.of("method", "TR-SGD"), "stage2.testAccuracy", 0.9, "Table 1", "");
    LoadedExperiment experiment =
        TrialData.experiment("tracks", List.of(), List.of(), List.of(paper), trials);

    List<StageRow> rows = KindTables.stages(experiment, TrialGroup.of(experiment));

    assertThat(rows).extracting(StageRow::stage).containsExactly(1, 2);
    StageRow first = rows.get(0);
    assertThat(first.activeMethod()).isEqualTo("TR");
    assertThat(first.epochs()).isEqualTo(2);
    assertThat(first.n()).isEqualTo(2);
    assertThat(first.mean()).isCloseTo(0.82, within(1e-12)); // (0.80 + 0.84)/2
    assertThat(first.sd())
        .isCloseTo(Math.sqrt(2 * 0.02 * 0.02), within(1e-12)); // √((0.02² + 0.02²)/1)
    assertThat(first.paper()).isNull();
    StageRow second = rows.get(1);
    assertThat(second.activeMethod()).isEqualTo("SGD");
    assertThat(second.epochs()).isEqualTo(1);
    assertThat(second.mean()).isCloseTo(0.88, within(1e-12));
    assertThat(second.paper()).isEqualTo(0.9);
    assertThat(second.paperSource()).isEqualTo("Table 1");

    PaperComparison beside = PaperValues.table(experiment).get(0);
    assertThat(beside.n()).isEqualTo(2);
    assertThat(beside.oursMean()).isCloseTo(0.88, within(1e-12));
  }

  @Test
  void tabulatesTheDistancesBetweenSolutions() {
    List<TrialResult> trials =
        List.of(
            value(Analyzer.DISTANCE, 3.0, parameters("TR-SGD", 0)),
            value(Analyzer.DISTANCE, 5.0, parameters("TR-SGD", 1)),
            value("finalTestAccuracy", 0.8, parameters("SGD", 0)));
    LoadedExperiment experiment =
        TrialData.experiment("landscape", List.of(), List.of(), List.of(), trials);

    List<LandscapeRow> rows = KindTables.landscape(TrialGroup.of(experiment));

    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.pair()).isEqualTo("TR-SGD");
              assertThat(r.n()).isEqualTo(2);
              assertThat(r.distanceMean()).isCloseTo(4.0, within(1e-12));
              assertThat(r.distanceSd()).isCloseTo(Math.sqrt(2), within(1e-12)); // √((1 + 1)/1)
            });
  }
}
