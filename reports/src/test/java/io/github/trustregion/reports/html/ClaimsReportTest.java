package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trustregion.framework.result.ClaimBatch;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.ClaimDirection;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.analysis.claims.ClaimRow;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose experiment declares a claim: the report's claims table, {@code claims.csv} and the
 * {@code claims} of {@code summary.json} carry the evaluated row; a run without claims has no
 * claims section. The numbers: SciPy's {@code ttest_rel(tr, sgd, alternative='greater')}.
 */
class ClaimsReportTest {

  @TempDir Path dir;

  private static final double[] TR = {0.80, 0.82, 0.85, 0.79, 0.84};
  private static final double[] SGD = {0.78, 0.80, 0.81, 0.80, 0.80};

  private void write(Path results, List<ClaimDeclaration> claims) {
    ResultFiles files = new ResultFiles(results);
    List<PlannedTrial> planned = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      for (String method : List.of("TR", "SGD")) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("batchSize", "2048");
        p.put("repeat", Integer.toString(r));
        p.put("seed", Integer.toString(7 + r));
        String id = "e3__" + method + "__b2048__r" + r;
        planned.add(new PlannedTrial(id, p));
        double v = method.equals("TR") ? TR[r] : SGD[r];
        files.writeTrial(
            new TrialResult(
                1,
                id,
                "e3",
                TrialStatus.COMPLETED,
                "",
                p,
                Map.of(),
                List.of(new EpochRecord(1, 0, method, 0.5, 0.8, 0.6, v, 1.0, 10, 0, 0, null)),
                Map.of("bestTestAccuracy", v),
                Map.of(),
                1.0,
                Map.of()));
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            "e3",
            "a.E3",
            "E3",
            "",
            "training",
            "study",
            "w",
            List.of("bestTestAccuracy"),
            List.of(),
            planned,
            List.of(),
            claims));
  }

  private static ClaimDeclaration c1() {
    return new ClaimDeclaration(
        "C1",
        "TR at least SGD at a large batch",
        "Figure 3",
        ClaimComparison.DIFFERENCE,
        "bestTestAccuracy",
        List.of("TR", "SGD"),
        ClaimBatch.LARGEST,
        Map.of(),
        ClaimDirection.AT_LEAST,
        0,
        0,
        "",
        "",
        0);
  }

  @Test
  void writesTheClaimsTableIntoTheHtmlTheCsvAndTheSummary() throws IOException {
    Path results = dir.resolve("results");
    Path out = dir.resolve("out");
    write(results, List.of(c1()));

    ReportSummary summary =
        new ReportWriter(new ComparisonSettings(0.05, 0.95)).write(results, out);

    assertThat(summary.claims())
        .singleElement()
        .extracting(ClaimRow::verdict)
        .isEqualTo(ClaimRow.SUPPORTED);
    JsonNode json = new ObjectMapper().readTree(out.resolve(ReportWriter.SUMMARY_JSON).toFile());
    assertThat(json.get("claims").get(0).get("p").asDouble())
        .isCloseTo(0.03716216741318447, within(1e-10));
    String csv = Files.readString(out.resolve(ReportWriter.CLAIMS_CSV));
    assertThat(csv.lines().toList()).hasSize(2);
    assertThat(csv.lines().toList().get(0)).startsWith("experiment,claim,statement,source,");
    assertThat(csv.lines().toList().get(1)).startsWith("e3,C1,").contains(",supported,");
    List<String> markdown =
        Files.readString(out.resolve(ReportWriter.CLAIMS_MARKDOWN)).lines().toList();
    assertThat(markdown).hasSize(3);
    assertThat(markdown.get(0)).contains("effect [95 % interval]");
    List<String> cells =
        List.of(markdown.get(2).substring(2, markdown.get(2).length() - 2).split(" \\| "));
    assertThat(cells).hasSize(10);
    assertThat(cells.get(0)).isEqualTo("e3 C1");
    // effect 0.022 with the paired-t interval, p raw and Holm-adjusted (one row: the same), the
    // smallest detectable effect, each to 4 significant digits
    assertThat(cells.get(4)).isEqualTo("paired t, 5");
    assertThat(cells.get(5)).isEqualTo("0.022 [-0.003447, 0.04745]");
    assertThat(cells.get(6)).isEqualTo("0.03716, 0.03716");
    assertThat(cells.get(7)).isEqualTo("0.02816");
    assertThat(cells.get(8)).isEqualTo("**supported**");

    Document html = Jsoup.parse(out.resolve(ReportWriter.HTML).toFile(), "UTF-8");
    Element row = html.selectFirst("table.claims tr[data-claim=C1]");
    assertThat(row).isNotNull();
    assertThat(row.attr("data-experiment")).isEqualTo("e3");
    assertThat(row.selectFirst("td.verdict").text()).isEqualTo("supported");
    // n, effect, CI low, CI high, p, Holm p, smallest detectable
    List<Double> numbers =
        row.select("td[data-value]").stream()
            .map(td -> Double.parseDouble(td.attr("data-value")))
            .toList();
    assertThat(numbers.get(0)).isEqualTo(5.0);
    assertThat(numbers.get(1)).isCloseTo(0.022, within(1e-12));
    assertThat(numbers.get(4)).isCloseTo(0.03716216741318447, within(1e-10));
    assertThat(numbers.get(5)).isCloseTo(0.03716216741318447, within(1e-10));
    assertThat(numbers.get(6)).isCloseTo(0.02816278133968508, within(1e-10));
  }

  @Test
  void aRunWithoutClaimsHasNoClaimsSection() throws IOException {
    Path results = dir.resolve("results");
    Path out = dir.resolve("out");
    write(results, List.of());

    new ReportWriter(new ComparisonSettings(0.05, 0.95)).write(results, out);

    Document html = Jsoup.parse(out.resolve(ReportWriter.HTML).toFile(), "UTF-8");
    assertThat(html.select("section.claims")).isEmpty();
    assertThat(Files.readString(out.resolve(ReportWriter.CLAIMS_CSV)).lines()).hasSize(1);
  }
}
