package io.github.trustregion.ci.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.ci.run.ComparisonKey;
import io.github.trustregion.ci.run.TrialProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTableTest {

  private static final ComparisonKey TR_AT_2048 =
      new ComparisonKey(
          "e3-large-batch", "finalTestAccuracy", Map.of("batchSize", "2048"), "TR", "SGD");
  private static final ComparisonKey HYBRID_AT_64 =
      new ComparisonKey(
          "e3-large-batch", "bestTestAccuracy", Map.of("batchSize", "64"), "Hybrid", "SGD");

  @Test
  void cellsGiveEveryColumnInAccuracyPointsWithIntervalsAndN() {
    GateRow regressed =
        new GateRow(
            TR_AT_2048,
            0.052,
            0.049,
            0.055,
            5,
            0.012,
            0.009,
            0.015,
            5,
            -0.04,
            0.02,
            1.25e-6,
            1.0e-5,
            0.0312,
            Verdict.REGRESSED);

    List<List<String>> cells =
        GateTable.cells(
            new GateResult(List.of(regressed), List.of(), List.of(), List.of(), 0.05, 0.2));

    assertThat(cells)
        .containsExactly(
            List.of(
                "e3-large-batch",
                "finalTestAccuracy",
                "batchSize=2048",
                "TR − SGD",
                "+5.20 [+4.90, +5.50] (5)",
                "+1.20 [+0.90, +1.50] (5)",
                "-4.00",
                "2.00",
                "1.3e-06",
                "1.0e-05",
                "3.12",
                "REGRESSED"));
    assertThat(cells.get(0)).hasSize(GateTable.HEADERS.size());
  }

  @Test
  void cellsShowDashesWhereTheRunHasNoData() {
    GateRow noData =
        new GateRow(
            HYBRID_AT_64,
            0.01,
            0.0,
            0.02,
            3,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            Double.NaN,
            0.02,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Verdict.NO_DATA);
    TrialProblem problem =
        new TrialProblem("e3-large-batch", "e3__Hybrid__b64__r0", TrialProblem.Kind.MISSING, "");

    GateResult result =
        new GateResult(List.of(noData), List.of(problem), List.of(), List.of(), 0.05, 0.2);

    assertThat(GateTable.cells(result))
        .containsExactly(
            List.of(
                "e3-large-batch",
                "bestTestAccuracy",
                "batchSize=64",
                "Hybrid − SGD",
                "+1.00 [+0.00, +2.00] (3)",
                "-",
                "-",
                "2.00",
                "-",
                "-",
                "-",
                "NO DATA"));
    assertThat(result.outcome()).isEqualTo(GateOutcome.INCOMPLETE);
  }

  @Test
  void cellsSayARowWithoutVarianceIsNotTestable() {
    GateRow constant =
        new GateRow(
            TR_AT_2048,
            0.052,
            Double.NaN,
            Double.NaN,
            3,
            0.002,
            Double.NaN,
            Double.NaN,
            3,
            -0.05,
            0.02,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Verdict.NOT_TESTABLE);

    assertThat(
            GateTable.cells(
                    new GateResult(List.of(constant), List.of(), List.of(), List.of(), 0.05, 0.2))
                .get(0))
        .containsExactly(
            "e3-large-batch",
            "finalTestAccuracy",
            "batchSize=2048",
            "TR − SGD",
            "+5.20 [-, -] (3)",
            "+0.20 [-, -] (3)",
            "-5.00",
            "2.00",
            "-",
            "-",
            "-",
            "not testable (no variance)");
  }

  @Test
  void incompleteTakesPrecedenceOverRegression() {
    GateRow regressed =
        new GateRow(
            TR_AT_2048,
            0.052,
            0.049,
            0.055,
            5,
            0.012,
            0.009,
            0.015,
            5,
            -0.04,
            0.02,
            1.25e-6,
            1.0e-5,
            0.0312,
            Verdict.REGRESSED);
    TrialProblem diverged =
        new TrialProblem("e3-large-batch", "e3__SGD__b64__r1", TrialProblem.Kind.DIVERGED, "NaN");

    assertThat(
            new GateResult(List.of(regressed), List.of(), List.of(), List.of(), 0.05, 0.2)
                .outcome()
                .exitCode())
        .isEqualTo(1);
    assertThat(
            new GateResult(List.of(regressed), List.of(diverged), List.of(), List.of(), 0.05, 0.2)
                .outcome()
                .exitCode())
        .isEqualTo(2);
  }
}
