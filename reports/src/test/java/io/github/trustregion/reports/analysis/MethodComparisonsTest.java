package io.github.trustregion.reports.analysis;

import static io.github.trustregion.reports.analysis.TrialData.parameters;
import static io.github.trustregion.reports.analysis.TrialData.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.Comparisons;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values from {@code src/test/python/analysis_reference.py} (SciPy's Welch test, Holm by
 * definition).
 */
class MethodComparisonsTest {

  private static final String METRIC = "finalTestAccuracy";

  private static List<ComparisonRow> rows() {
    List<TrialResult> trials = new ArrayList<>();
    double[][] values = {{0.70, 0.72, 0.75}, {0.80, 0.83, 0.84}, {0.71, 0.74, 0.78}};
    String[] methods = {"SGD", "TR", "Adam"};
    for (int m = 0; m < methods.length; m++) {
      for (int r = 0; r < 3; r++) {
        trials.add(value(METRIC, values[m][r], parameters(methods[m], r, "batchSize", "64")));
      }
    }
    // a method at another setting only: no pair there
    trials.add(value(METRIC, 0.5, parameters("TR", 0, "batchSize", "128")));
    LoadedExperiment experiment =
        TrialData.experiment("training", List.of(METRIC), List.of(), List.of(), trials);
    return new MethodComparisons(new Comparisons(ComparisonSettings.defaults()))
        .rows(TrialGroup.of(experiment), List.of(METRIC));
  }

  @Test
  void comparesEveryPairAtASettingWithSgdAsTheBaseline() {
    List<ComparisonRow> rows = rows();

    assertThat(rows)
        .extracting(r -> r.comparison().labelA() + "-" + r.comparison().labelB())
        .containsExactly("TR-SGD", "Adam-SGD", "TR-Adam");
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.metric()).isEqualTo(METRIC);
              assertThat(r.setting()).isEqualTo("batchSize=64, scale=smoke");
            });
    Comparison trSgd = rows.get(0).comparison();
    assertThat(trSgd.difference()).isCloseTo(0.10, within(1e-12));
    assertThat(trSgd.welch().t()).isCloseTo(5.303300858899107, within(1e-10));
    assertThat(trSgd.welch().pTwoSided()).isCloseTo(0.006686995589484627, within(1e-12));
    assertThat(rows.get(1).comparison().welch().pTwoSided())
        .isCloseTo(0.4719216728902193, within(1e-12));
    assertThat(rows.get(2).comparison().welch().pTwoSided())
        .isCloseTo(0.037749585333453475, within(1e-12));
  }

  @Test
  void holmAdjustsOverTheExperimentsComparisonsAsOneFamily() {
    List<ComparisonRow> rows = rows();

    assertThat(rows.get(0).comparison().adjustedP()).isCloseTo(0.02006098676845388, within(1e-12));
    assertThat(rows.get(1).comparison().adjustedP()).isCloseTo(0.4719216728902193, within(1e-12));
    assertThat(rows.get(2).comparison().adjustedP()).isCloseTo(0.07549917066690695, within(1e-12));
    // at α = 0.05: TR − Adam (raw p 0.038) is not significant once adjusted (0.075)
    assertThat(rows)
        .extracting(r -> r.comparison().significant())
        .containsExactly(true, false, false);
  }

  @Test
  void pairsTheRepeatsOfTwoMethodsAndHolmAdjustsThePairedTestsOverTheSameFamily() {
    // differences by repeat: TR − SGD = .10, .11, .09; Adam − SGD = .01, .02, .03; TR − Adam =
    // .09, .09, .06. With 2 degrees of freedom the two-sided t p-value is 1 − |t|/√(2 + t²):
    // t = 17.3205, 3.4641, 8.0; the 95 % interval is mean ± 4.302652729911275 · sd/√3.
    List<ComparisonRow> rows = rows();

    var trSgd = rows.get(0).paired();
    assertThat(trSgd.pairs()).isEqualTo(3);
    assertThat(trSgd.t().meanDifference()).isCloseTo(0.10, within(1e-12));
    assertThat(trSgd.t().t()).isCloseTo(17.32050807568877, within(1e-9));
    assertThat(trSgd.t().pTwoSided()).isCloseTo(0.0033167587223569273, within(1e-10));
    assertThat(trSgd.t().interval().lower()).isCloseTo(0.07515862288156248, within(1e-10));
    assertThat(rows.get(1).paired().t().pTwoSided()).isCloseTo(0.07417990022744858, within(1e-10));
    assertThat(rows.get(2).paired().t().pTwoSided()).isCloseTo(0.015268072165338209, within(1e-10));
    // Holm: 3 · 0.003317, 2 · 0.015268, then max(0.074180, 0.030536)
    assertThat(trSgd.adjustedT()).isCloseTo(3 * 0.0033167587223569273, within(1e-10));
    assertThat(rows.get(2).paired().adjustedT()).isCloseTo(2 * 0.015268072165338209, within(1e-10));
    assertThat(rows.get(1).paired().adjustedT()).isCloseTo(0.07417990022744858, within(1e-10));
    // every difference positive, n = 3: V = 6, exact two-sided p = 2/8, Holm 3 · 0.25 for all
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.paired().wilcoxon().v()).isEqualTo(6);
              assertThat(r.paired().wilcoxon().pTwoSided()).isCloseTo(0.25, within(1e-12));
              assertThat(r.paired().adjustedWilcoxon()).isCloseTo(0.75, within(1e-12));
            });
  }
}
