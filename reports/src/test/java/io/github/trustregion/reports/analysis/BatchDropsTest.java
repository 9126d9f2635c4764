package io.github.trustregion.reports.analysis;

import static io.github.trustregion.reports.analysis.TrialData.parameters;
import static io.github.trustregion.reports.analysis.TrialData.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.Comparisons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values from {@code src/test/python/analysis_reference.py} (SciPy's Welch test, Holm by
 * definition).
 */
class BatchDropsTest {

  private static final String METRIC = "finalTestAccuracy";

  private static void add(List<TrialResult> trials, String method, String batch, double... values) {
    for (int r = 0; r < values.length; r++) {
      trials.add(value(METRIC, values[r], parameters(method, r, "batchSize", batch)));
    }
  }

  private static List<BatchDropRow> rows() {
    List<TrialResult> trials = new ArrayList<>();
    add(trials, "TR", "64", 0.90, 0.92, 0.95);
    add(trials, "TR", "128", 0.10, 0.10, 0.12);
    add(trials, "TR", "256", 0.84, 0.85, 0.89);
    add(trials, "SGD", "64", 0.89, 0.91, 0.90);
    add(trials, "SGD", "256", 0.80, 0.86, 0.83);
    add(trials, "SGD", "auto", 0.1, 0.2);
    add(trials, "Adam", "64", 0.7, 0.8);
    List<PaperValue> paper =
        List.of(
            new PaperValue(Map.of("method", "TR", "batchSize", "64"), METRIC, 0.93, "Figure 3", ""),
            new PaperValue(
                Map.of("method", "TR", "batchSize", "256"), METRIC, 0.91, "Figure 3", ""),
            new PaperValue(
                Map.of("method", "SGD", "batchSize", "64"), METRIC, 0.92, "Figure 3", ""));
    LoadedExperiment experiment =
        TrialData.experiment("training", List.of(METRIC), List.of(), paper, trials);
    return new BatchDrops(new Comparisons(ComparisonSettings.defaults()))
        .rows(experiment, TrialGroup.of(experiment), List.of(METRIC));
  }

  @Test
  void comparesEachMethodsSmallestWithItsLargestNumericBatchSize() {
    List<BatchDropRow> rows = rows();

    // Adam has one batch size, SGD's "auto" is not a number, TR's 128 lies between
    assertThat(rows).extracting(BatchDropRow::method).containsExactly("TR", "SGD");
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.smallBatch()).isEqualTo(64);
              assertThat(r.largeBatch()).isEqualTo(256);
              assertThat(r.setting()).isEqualTo("scale=smoke");
            });
    BatchDropRow tr = rows.get(0);
    assertThat(tr.comparison().labelA()).isEqualTo("B=64");
    assertThat(tr.comparison().labelB()).isEqualTo("B=256");
    assertThat(tr.comparison().difference()).isCloseTo(0.0633333333333333, within(1e-12));
    assertThat(tr.comparison().welch().pTwoSided()).isCloseTo(0.03990564890978328, within(1e-12));
    assertThat(rows.get(1).comparison().welch().pTwoSided())
        .isCloseTo(0.04469059297007903, within(1e-12));
  }

  @Test
  void holmAdjustsOverTheDropsAloneAndThePaperDropNeedsBothBatchSizes() {
    List<BatchDropRow> rows = rows();

    assertThat(rows.get(0).comparison().adjustedP()).isCloseTo(0.07981129781956656, within(1e-12));
    assertThat(rows.get(1).comparison().adjustedP()).isCloseTo(0.07981129781956656, within(1e-12));
    assertThat(rows.get(0).paperDrop()).isCloseTo(0.02, within(1e-12));
    assertThat(rows.get(0).paperSource()).isEqualTo("Figure 3");
    assertThat(rows.get(1).paperDrop()).isNull();
  }
}
