package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.load.ResultsLoader;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Committed result files render: an E3 run written before gradient-equivalents and ratio-tested
 * steps were recorded, and the E6 run of the trust-region variants, whose every new setting shows
 * in the settings table and whose work shows in the cost table and the work section.
 */
class VariantResultsReportTest {

  /** E3 at ci scale, written before the variants' fields existed. */
  static final Path OLD_E3 = Path.of("..", "ci", "results", "e3-large-batch-ci");

  /** E6 at ci scale: SGD, TR, TR-sub8, TR-lanczos3, TR-code; 3 repeats, B = 128, 8 epochs. */
  static final Path E6 = Path.of("..", "benchmarks", "results", "e6-tr-variants-ci");

  /** Steps per epoch: 12,000 training images in minibatches of 128, the last incomplete dropped. */
  static final int STEPS = 12_000 / 128;

  @TempDir Path out;

  private Document render(Path results) throws IOException {
    new ReportWriter(new ComparisonSettings(0.05, 0.95)).write(results, out);
    return Jsoup.parse(out.resolve(ReportWriter.HTML).toFile(), "UTF-8");
  }

  private static double cell(Element row, String column) {
    Element table = row.parent().closest("table");
    List<String> headers = table.select("tr").first().select("th").eachText();
    int index = headers.indexOf(column);
    assertThat(index).as("column %s of %s", column, headers).isNotNegative();
    return Double.parseDouble(row.child(index).attr("data-value"));
  }

  @Test
  void anOldResultFileLoadsWithoutTheNewFieldsAndItsWorkIsItsCounts() throws IOException {
    LoadedExperiment e3 = ResultsLoader.load(OLD_E3).get(0);
    for (TrialResult t : e3.trials()) {
      for (EpochRecord e : t.epochs()) {
        assertThat(e.gradientEquivalents()).isNull();
        if (e.trustRegion() != null) {
          assertThat(e.trustRegion().ratioTests()).isNull();
          assertThat(e.trustRegion().ratioTestedSteps()).isEqualTo(e.trustRegion().steps());
        }
      }
    }

    Document html = render(OLD_E3);

    Element cost = html.selectFirst("section#exp-e3-large-batch > section.cost");
    List<Element> rows = cost.select("table.cost tr[data-method]");
    assertThat(rows).hasSize(6);
    for (Element row : rows) {
      // Forward-difference products on the whole minibatch: one pass each.
      assertThat(cell(row, "gradient-equivalents"))
          .isEqualTo(
              cell(row, "gradients") + cell(row, "Hv products") + cell(row, "function evals"));
      assertThat(cell(row, "ratio-tested")).isEqualTo(cell(row, "TR steps"));
    }
    Element tr = cost.selectFirst("tr[data-method=TR][data-setting~=batchSize=128]");
    // 6 epochs of 93 steps, each 1 gradient, 3 products and 1 value: 5 passes.
    assertThat(cell(tr, "gradient-equivalents")).isEqualTo(6 * 93 * 5.0);
    assertThat(html.select("section.work")).isEmpty();
  }

  @Test
  void theVariantsCostWhatTheirStepsMustCostInGradientEquivalents() throws IOException {
    Document html = render(E6);

    Element work = html.selectFirst("section#exp-e6-tr-variants > section.work");
    assertThat(work).isNotNull();
    // Per step: SGD 1 gradient; TR 1 + 3 products + 1 value; TR-sub8 1 + 16/128·(1 subset gradient
    // + 3 products) + 1; Lanczos 1 + 3 + 1; TR-code 1 + 1 product, no value.
    Map<String, Double> perStep =
        Map.of(
            "SGD", 1.0,
            "TR", 5.0,
            "TR-sub8", 2.5,
            "TR-lanczos3", 5.0,
            "TR-code", 2.0);
    assertThat(work.select("table.work tr[data-method]").eachAttr("data-method"))
        .containsExactlyInAnyOrderElementsOf(perStep.keySet());
    perStep.forEach(
        (method, cost) -> {
          Element row = work.selectFirst("table.work tr[data-method=" + method + "]");
          assertThat(cell(row, "gradient-equivalents / epoch"))
              .as(method)
              .isCloseTo(STEPS * cost, within(1e-9));
          assertThat(cell(row, "÷ SGD's")).as(method).isCloseTo(cost, within(1e-9));
          assertThat(cell(row, "n")).isEqualTo(3);
        });
    Element code = work.selectFirst("table.work tr[data-method=TR-code]");
    assertThat(cell(code, "ratio-tested")).isZero();
    assertThat(cell(code, "accepted share")).isNaN();
    assertThat(cell(code, "final radius")).isEqualTo(1.0);
    Element tr = work.selectFirst("table.work tr[data-method=TR]");
    assertThat(cell(tr, "ratio-tested")).isEqualTo(cell(tr, "TR steps")).isEqualTo(3 * 8 * STEPS);
    assertThat(cell(tr, "accepted share")).isBetween(0.0, 1.0);
    assertThat(work.select("figure[data-chart]").eachAttr("data-chart"))
        .containsExactly(
            "work-accuracy-epoch-0", "work-accuracy-work-0", "work-acceptance-0", "work-radius-0");
    // The work charts are in the work section only.
    assertThat(
            html.select("section#exp-e6-tr-variants > section.figures figure[data-chart^=work-]"))
        .isEmpty();
    Element cost = html.selectFirst("section#exp-e6-tr-variants > section.cost");
    assertThat(cell(cost.selectFirst("tr[data-method=TR-code]"), "rejection rate")).isNaN();
  }

  @Test
  void everyNewSettingShowsInTheSettingsTableWithItsDeclaredValues() throws IOException {
    Document html = render(E6);

    Element settings = html.selectFirst("section#exp-e6-tr-variants > section.settings");
    Map<String, List<String>> expected =
        Map.of(
            "hessianBatchFraction",
                List.of("TR: 1.0", "TR-sub8: 0.125", "TR-lanczos3: 1.0", "TR-code: 1.0"),
            "solver", List.of("TR: paper", "TR-sub8: paper", "TR-lanczos3: lanczos"),
            "solverProducts", List.of("TR-lanczos3: 3"),
            "hessian", List.of("TR: forward", "TR-lanczos3: forward"),
            "learningRateReferenceBatch", List.of("SGD: 0"),
            "radius", List.of("TR-code: 1.0"),
            "innerSteps", List.of("TR-code: 1"),
            "finiteDifferenceScale", List.of("TR-code: 100000.0"));
    expected.forEach(
        (name, values) -> {
          Element row = settings.selectFirst("tr[data-setting=" + name + "]");
          assertThat(row).as(name).isNotNull();
          assertThat(row.child(1).text()).as(name).contains(values);
        });
    assertThat(settings.selectFirst("tr[data-setting=hessianBatchFraction]").child(2).text())
        .isEqualTo("differs (declared)");
    assertThat(settings.select("tr.flagged")).isEmpty();
  }
}
