package io.github.trustregion.reports.analysis;

import static io.github.trustregion.reports.analysis.TrialData.epoch;
import static io.github.trustregion.reports.analysis.TrialData.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every expected number worked out by hand from the trials below (in the comments). */
class CostTableTest {

  private static List<CostRow> rows() {
    var tr0 =
        TrialData.trial(
            parameters("TR", 0),
            List.of(
                epoch(
                    1,
                    0,
                    "TR",
                    4.0,
                    10,
                    50,
                    20,
                    new TrustRegionSummary(10, 2, 0.5, 1.0, 0.5, 3, 0)),
                epoch(
                    2,
                    0,
                    "TR",
                    8.0,
                    20,
                    100,
                    40,
                    new TrustRegionSummary(10, 4, 0.8, 1.0, 0.25, 5, 1))),
            Map.of(),
            10.0);
    var tr1 =
        TrialData.trial(
            parameters("TR", 1),
            List.of(
                epoch(
                    1,
                    0,
                    "TR",
                    6.0,
                    12,
                    60,
                    24,
                    new TrustRegionSummary(20, 5, 0.6, 1.0, 1.0, 10, 0))),
            Map.of(),
            14.0);
    var sgd =
        TrialData.trial(
            parameters("SGD", 0),
            List.of(
                epoch(1, 0, "SGD", 2.0, 5, 0, 5, null), epoch(2, 0, "SGD", 4.0, 10, 0, 10, null)),
            Map.of(),
            5.0);
    var hybrid =
        TrialData.trial(
            parameters("Hybrid", 0),
            List.of(
                epoch(1, 0, "TR", 1.0, 1, 1, 1, null),
                epoch(2, 0, "TR", 2.0, 2, 2, 2, null),
                epoch(3, 0, "SGD", 3.0, 3, 3, 3, null)),
            Map.of(),
            4.0);
    var noEpochs =
        TrialData.trial(parameters("Adam", 0), List.of(), Map.of("finalTestAccuracy", 0.5), 1.0);
    LoadedExperiment experiment =
        TrialData.experiment(
            "training", List.of(), List.of(), List.of(), List.of(tr0, tr1, sgd, hybrid, noEpochs));
    return CostTable.rows(TrialGroup.of(experiment));
  }

  @Test
  void summarisesTimeAndEvaluationsPerMethod() {
    List<CostRow> rows = rows();

    // Adam's only trial has no epochs: no row
    assertThat(rows).extracting(CostRow::method).containsExactly("TR", "SGD", "Hybrid");
    CostRow tr = rows.get(0);
    assertThat(tr.n()).isEqualTo(2);
    assertThat(tr.wallSeconds()).isCloseTo(12.0, within(1e-12)); // (10 + 14)/2
    assertThat(tr.wallSecondsSd()).isCloseTo(Math.sqrt(8), within(1e-12)); // √((4 + 4)/1)
    assertThat(tr.epochs()).isCloseTo(1.5, within(1e-12)); // (2 + 1)/2
    assertThat(tr.trainingSecondsPerEpoch()).isCloseTo(5.0, within(1e-12)); // (8/2 + 6/1)/2
    assertThat(tr.secondsPerEpochVsSgd()).isCloseTo(2.5, within(1e-12)); // 5 / (4/2)
    assertThat(tr.gradientEvaluations()).isCloseTo(16.0, within(1e-12)); // last epochs: (20 + 12)/2
    assertThat(tr.hessianVectorProducts()).isCloseTo(80.0, within(1e-12)); // (100 + 60)/2
    assertThat(tr.functionEvaluations()).isCloseTo(32.0, within(1e-12)); // (40 + 24)/2
    assertThat(rows.get(1).secondsPerEpochVsSgd()).isCloseTo(1.0, within(1e-12));
    assertThat(rows.get(2).secondsPerEpochVsSgd()).isCloseTo(0.5, within(1e-12)); // (3/3) / 2
  }

  @Test
  void sumsTheTrustRegionTelemetryOverAllEpochs() {
    CostRow tr = rows().get(0);

    assertThat(tr.trSteps()).isEqualTo(40); // 10 + 10 + 20
    assertThat(tr.trRejections()).isEqualTo(11); // 2 + 4 + 5
    assertThat(tr.rejectionRate()).isCloseTo(11.0 / 40, within(1e-12));
    assertThat(tr.boundaryFraction()).isCloseTo(18.0 / 40, within(1e-12)); // (3 + 5 + 10)/40
    assertThat(tr.hardCases()).isEqualTo(1);
    assertThat(tr.meanRho()).isCloseTo(0.625, within(1e-12)); // (0.5·10 + 0.8·10 + 0.6·20)/40
    assertThat(tr.finalRadius()).isCloseTo(0.625, within(1e-12)); // last epochs: (0.25 + 1.0)/2
    assertThat(tr.methodSwitches()).isEmpty();
  }

  @Test
  void hasNoTelemetryWithoutTrustRegionStepsAndListsMethodSwitches() {
    List<CostRow> rows = rows();
    CostRow sgd = rows.get(1);

    assertThat(sgd.trSteps()).isZero();
    assertThat(sgd.rejectionRate()).isNaN();
    assertThat(sgd.meanRho()).isNaN();
    assertThat(sgd.finalRadius()).isNaN();
    assertThat(rows.get(2).methodSwitches())
        .containsExactly("TR→SGD after epoch 2 (1 of 1 trials)");
  }
}
