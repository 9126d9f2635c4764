package io.github.trustregion.reports.html;

import static io.github.trustregion.reports.html.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the fixtures of every manifest kind and checks summary.json, the CSVs and the HTML for
 * the sections and the numbers (hand-computed, or from SciPy via stats_reference.py).
 */
class ReportWriterTest {

  /** Rendered once into the build directory, so the Chromium test and a person can open it. */
  static final Path RESULTS = Path.of("target", "fixture-results");

  static final Path OUT = Path.of("target", "fixture-report");

  private static JsonNode summary;
  private static Document html;

  @BeforeAll
  static void render() throws IOException {
    renderFixtures();
    summary = new ObjectMapper().readTree(OUT.resolve(ReportWriter.SUMMARY_JSON).toFile());
    html = Jsoup.parse(OUT.resolve(ReportWriter.HTML).toFile(), "UTF-8");
  }

  /** Writes the fixtures and renders them (also used by the Chromium test). */
  static synchronized void renderFixtures() throws IOException {
    deleteRecursively(RESULTS);
    deleteRecursively(OUT);
    ReportFixtures.writeAll(RESULTS);
    new ReportWriter(new ComparisonSettings(0.05, 0.95)).write(RESULTS, OUT);
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static JsonNode experiment(String id) {
    return StreamSupport.stream(summary.get("experiments").spliterator(), false)
        .filter(e -> e.get("experiment").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> rows(
      JsonNode array, java.util.function.Predicate<JsonNode> filter) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(
        n -> {
          if (filter.test(n)) {
            out.add(n);
          }
        });
    return out;
  }

  private static Element section(String experiment, String cssClass) {
    Element s = html.selectFirst("section#exp-" + experiment + " > section." + cssClass);
    assertThat(s).as("section %s of %s", cssClass, experiment).isNotNull();
    return s;
  }

  @Test
  void summaryListsEveryExperimentWithItsKindAndCounts() {
    assertThat(summary.get("experiments")).hasSize(4);
    JsonNode e3 = experiment(E3);
    assertThat(e3.get("kind").asText()).isEqualTo("training");
    assertThat(e3.get("planned").asInt()).isEqualTo(18);
    assertThat(e3.get("completed").asInt()).isEqualTo(16);
    assertThat(e3.get("diverged").asInt()).isEqualTo(1);
    assertThat(e3.get("missing").asInt()).isEqualTo(1);
    assertThat(experiment(E1).get("kind").asText()).isEqualTo("subproblem");
    assertThat(experiment(E4).get("kind").asText()).isEqualTo("landscape");
    assertThat(experiment(E5).get("kind").asText()).isEqualTo("tracks");
  }

  @Test
  void divergedAndMissingTrialsAreListedById() {
    JsonNode problems = experiment(E3).get("problems");
    assertThat(rows(problems, p -> true))
        .extracting(p -> p.get("trialId").asText() + ":" + p.get("status").asText())
        .containsExactlyInAnyOrder(
            e3Id("SGD", 128, 2) + ":DIVERGED", e3Id("Hybrid", 128, 2) + ":MISSING");
    Elements listed = section(E3, "trials").select("table.problems tr[data-trial]");
    assertThat(listed.eachAttr("data-trial"))
        .containsExactlyInAnyOrder(e3Id("SGD", 128, 2), e3Id("Hybrid", 128, 2));
    assertThat(
            section(E3, "metrics")
                .select("table[data-metric=finalTestAccuracy] tr[data-method=SGD]")
                .first()
                .text())
        .contains(e3Id("SGD", 128, 2));
  }

  @Test
  void finalAndBestEpochAccuracyAreComparedSeparatelyWithTheRightNumbers() {
    JsonNode e3 = experiment(E3);
    JsonNode finalRow =
        rows(
                e3.get("comparisons"),
                c ->
                    c.get("metric").asText().equals("finalTestAccuracy")
                        && c.get("setting").asText().equals("batchSize=2048, scale=ci")
                        && c.at("/comparison/labelA").asText().equals("TR")
                        && c.at("/comparison/labelB").asText().equals("SGD"))
            .get(0);
    JsonNode c = finalRow.get("comparison");
    // means 0.86 and 0.80; SciPy ttest_ind(equal_var=False): t = 7.348469228349506, df = 4, p =
    // 0.0018262606682600089
    assertThat(c.at("/a/n").asInt()).isEqualTo(3);
    assertThat(c.at("/b/n").asInt()).isEqualTo(3);
    assertThat(c.at("/a/mean").asDouble()).isCloseTo(0.86, within(1e-12));
    assertThat(c.at("/b/sd").asDouble()).isCloseTo(0.01, within(1e-12));
    assertThat(c.get("difference").asDouble()).isCloseTo(0.06, within(1e-12));
    assertThat(c.at("/welch/t").asDouble()).isCloseTo(7.348469228349506, within(1e-9));
    assertThat(c.at("/welch/pTwoSided").asDouble()).isCloseTo(0.0018262606682600089, within(1e-12));
    // exact Mann–Whitney with 3 vs 3 fully separated: U = 9, p = 2/20 = 0.1
    assertThat(c.at("/mannWhitney/u").asDouble()).isEqualTo(9.0);
    assertThat(c.at("/mannWhitney/pTwoSided").asDouble()).isCloseTo(0.1, within(1e-15));
    assertThat(c.get("hedgesG").asDouble()).isCloseTo(4.787307364817175, within(1e-9));
    // 2 metrics × 2 batch sizes × 3 pairs = 12 comparisons in the Holm family
    assertThat(e3.get("comparisons")).hasSize(12);
    assertThat(c.get("familySize").asInt()).isEqualTo(12);
    assertThat(c.get("adjustedP").asDouble()).isGreaterThan(c.at("/welch/pTwoSided").asDouble());

    JsonNode best =
        rows(
                e3.get("comparisons"),
                r ->
                    r.get("metric").asText().equals("bestTestAccuracy")
                        && r.get("setting").asText().equals("batchSize=2048, scale=ci")
                        && r.at("/comparison/labelA").asText().equals("TR")
                        && r.at("/comparison/labelB").asText().equals("SGD"))
            .get(0)
            .get("comparison");
    // best-epoch: TR {0.87, 0.86, 0.87}, SGD {0.82, 0.81, 0.79}; SciPy p = 0.012436365124394463
    assertThat(best.at("/a/mean").asDouble()).isCloseTo((0.87 + 0.86 + 0.87) / 3, within(1e-12));
    assertThat(best.at("/welch/pTwoSided").asDouble())
        .isCloseTo(0.012436365124394463, within(1e-12));

    Element table =
        section(E3, "significance").selectFirst("table.comparisons[data-metric=finalTestAccuracy]");
    Element row =
        table.selectFirst("tr[data-setting='batchSize=2048, scale=ci'][data-a=TR][data-b=SGD]");
    assertThat(row).isNotNull();
    assertThat(Double.parseDouble(row.child(9).attr("data-value"))).isCloseTo(0.06, within(1e-12));
    assertThat(Double.parseDouble(row.child(14).attr("data-value")))
        .isCloseTo(0.0018262606682600089, within(1e-12));
    assertThat(
            section(E3, "significance").select("table.comparisons[data-metric=bestTestAccuracy]"))
        .hasSize(1);
    assertThat(section(E3, "metrics").select("table.metric").eachAttr("data-metric"))
        .containsExactly("finalTestAccuracy", "bestTestAccuracy");
  }

  @Test
  void smallDifferencesAreCalledNotSignificantInWords() {
    // Hybrid vs TR at 2048: {0.87, 0.865, 0.875} vs {0.85, 0.86, 0.87}: interval contains 0 at n =
    // 3.
    JsonNode c =
        rows(
                experiment(E3).get("comparisons"),
                r ->
                    r.get("metric").asText().equals("finalTestAccuracy")
                        && r.get("setting").asText().equals("batchSize=2048, scale=ci")
                        && r.at("/comparison/labelA").asText().equals("TR")
                        && r.at("/comparison/labelB").asText().equals("Hybrid"))
            .get(0)
            .get("comparison");
    assertThat(c.at("/interval/lower").asDouble()).isNegative();
    assertThat(c.get("verdict").asText()).isEqualTo("not significant");
    Element row =
        section(E3, "significance")
            .selectFirst(
                "table[data-metric=finalTestAccuracy] tr[data-setting='batchSize=2048, scale=ci'][data-a=TR][data-b=Hybrid]");
    assertThat(row.selectFirst("td.verdict").text()).isEqualTo("not significant");
  }

  @Test
  void groupStatisticsShowNAndThePapersNumberLabelledAsThePapers() {
    JsonNode sgd128 =
        rows(
                experiment(E3).get("groups"),
                g ->
                    g.get("metric").asText().equals("finalTestAccuracy")
                        && g.get("method").asText().equals("SGD")
                        && g.get("setting").asText().startsWith("batchSize=128"))
            .get(0);
    assertThat(sgd128.get("n").asInt()).isEqualTo(2);
    assertThat(sgd128.get("mean").asDouble()).isCloseTo(0.865, within(1e-12));
    assertThat(sgd128.get("paper").asDouble()).isEqualTo(0.867);
    assertThat(sgd128.get("excluded").get(0).asText()).isEqualTo(e3Id("SGD", 128, 2));
    Element cell =
        section(E3, "metrics")
            .selectFirst(
                "table[data-metric=finalTestAccuracy] tr[data-method=SGD][data-setting='batchSize=128, scale=ci'] td.paper");
    assertThat(cell.text()).isEqualTo("86.70% (paper)");
    JsonNode paper =
        rows(experiment(E3).get("paperValues"), p -> p.at("/setting/method").asText().equals("TR"))
            .get(0);
    assertThat(paper.get("n").asInt()).isEqualTo(3);
    assertThat(paper.get("oursMean").asDouble()).isCloseTo(0.86, within(1e-12));
    assertThat(section(E3, "paper-values").select("tr[data-metric]")).hasSize(3);
  }

  @Test
  void costAndTrustRegionTelemetryArePerMethod() {
    JsonNode tr =
        rows(
                experiment(E3).get("cost"),
                r ->
                    r.get("method").asText().equals("TR")
                        && r.get("setting").asText().startsWith("batchSize=2048"))
            .get(0);
    assertThat(tr.get("n").asInt()).isEqualTo(3);
    assertThat(tr.get("hessianVectorProducts").asDouble()).isEqualTo(1200.0);
    assertThat(tr.get("gradientEvaluations").asDouble()).isEqualTo(300.0);
    assertThat(tr.get("trSteps").asLong()).isEqualTo(90);
    assertThat(tr.get("rejectionRate").asDouble()).isCloseTo(0.2, within(1e-12));
    assertThat(tr.get("boundaryFraction").asDouble()).isCloseTo(0.3, within(1e-12));
    assertThat(tr.get("trainingSecondsPerEpoch").asDouble()).isCloseTo(3.0, within(1e-12));
    // SGD's fixture epochs take 1 s, TR's 3 s: three times slower per epoch
    assertThat(tr.get("secondsPerEpochVsSgd").asDouble()).isCloseTo(3.0, within(1e-12));
    JsonNode hybrid =
        rows(
                experiment(E3).get("cost"),
                r ->
                    r.get("method").asText().equals("Hybrid")
                        && r.get("setting").asText().startsWith("batchSize=2048"))
            .get(0);
    assertThat(hybrid.get("methodSwitches").get(0).asText())
        .isEqualTo("TR→SGD after epoch 2 (3 of 3 trials)");
    assertThat(section(E3, "cost").select("table.cost tr[data-method]")).hasSize(6);
    assertThat(section(E3, "figures").select("figure[data-chart^=tr-radius] svg")).isNotEmpty();
  }

  @Test
  void batchSizeDropsArePerMethodAndMetric() {
    JsonNode sgd =
        rows(
                experiment(E3).get("batchDrops"),
                r ->
                    r.get("metric").asText().equals("finalTestAccuracy")
                        && r.get("method").asText().equals("SGD"))
            .get(0);
    assertThat(sgd.get("smallBatch").asInt()).isEqualTo(128);
    assertThat(sgd.get("largeBatch").asInt()).isEqualTo(2048);
    // {0.86, 0.87} (the diverged repeat excluded) against {0.80, 0.81, 0.79}: SciPy Welch p =
    // 0.003960440899161749
    assertThat(sgd.at("/comparison/a/n").asInt()).isEqualTo(2);
    assertThat(sgd.at("/comparison/difference").asDouble()).isCloseTo(0.065, within(1e-12));
    assertThat(sgd.at("/comparison/welch/pTwoSided").asDouble())
        .isCloseTo(0.003960440899161749, within(1e-12));
    // 3 methods × 2 metrics
    assertThat(experiment(E3).get("batchDrops")).hasSize(6);
    assertThat(section(E3, "batch-drops").select("tr[data-metric=bestTestAccuracy]")).hasSize(3);
    assertThat(experiment(E1).get("batchDrops")).isEmpty();
  }

  @Test
  void batchSizeDropsAreHolmAdjustedAsTheirOwnFamily() {
    List<JsonNode> drops = rows(experiment(E3).get("batchDrops"), r -> true);
    double[] raw =
        drops.stream()
            .mapToDouble(r -> r.at("/comparison/welch/pTwoSided").asDouble())
            .filter(p -> !Double.isNaN(p))
            .sorted()
            .toArray();
    // Holm by hand over this table's tested rows only: p̃_(i) = max_{j ≤ i} min(1, (k − j + 1)
    // p_(j)).
    double[] expected = new double[raw.length];
    double running = 0;
    for (int j = 0; j < raw.length; j++) {
      running = Math.max(running, Math.min(1.0, (raw.length - j) * raw[j]));
      expected[j] = running;
    }
    assertThat(raw.length).isGreaterThan(1);
    assertThat(
            drops.stream()
                .filter(r -> !r.at("/comparison/welch/pTwoSided").isTextual())
                .sorted(
                    java.util.Comparator.comparingDouble(
                        r -> r.at("/comparison/welch/pTwoSided").asDouble()))
                .mapToDouble(r -> r.at("/comparison/adjustedP").asDouble())
                .toArray())
        .containsExactly(expected, within(1e-12));
    assertThat(drops)
        .allSatisfy(r -> assertThat(r.at("/comparison/familySize").asInt()).isEqualTo(raw.length));
    Element sgd =
        section(E3, "batch-drops")
            .selectFirst("tr[data-metric=finalTestAccuracy][data-method=SGD]");
    JsonNode sgdRow =
        rows(
                experiment(E3).get("batchDrops"),
                r ->
                    r.get("metric").asText().equals("finalTestAccuracy")
                        && r.get("method").asText().equals("SGD"))
            .get(0);
    assertThat(Double.parseDouble(sgd.child(13).attr("data-value")))
        .isEqualTo(sgdRow.at("/comparison/adjustedP").asDouble());
    assertThat(section(E3, "batch-drops").selectFirst("p.note").text())
        .contains("their own Holm family");
  }

  @Test
  void batchSizeDropsShowThePapersDropOnlyWhereTheManifestDeclaresIt() {
    // The fixture's manifest declares SGD's final accuracy at B = 128 (0.867) and 2048 (0.803), but
    // TR's at 2048 only.
    JsonNode sgd =
        rows(
                experiment(E3).get("batchDrops"),
                r ->
                    r.get("metric").asText().equals("finalTestAccuracy")
                        && r.get("method").asText().equals("SGD"))
            .get(0);
    JsonNode tr =
        rows(
                experiment(E3).get("batchDrops"),
                r ->
                    r.get("metric").asText().equals("finalTestAccuracy")
                        && r.get("method").asText().equals("TR"))
            .get(0);
    assertThat(sgd.get("paperDrop").asDouble()).isCloseTo(0.867 - 0.803, within(1e-12));
    assertThat(tr.get("paperDrop").isNull()).isTrue();
    Element sgdCell =
        section(E3, "batch-drops")
            .selectFirst("tr[data-metric=finalTestAccuracy][data-method=SGD] td.paper");
    assertThat(sgdCell.text()).isEqualTo("0.064 (paper)");
    assertThat(
            section(E3, "batch-drops")
                .selectFirst("tr[data-metric=finalTestAccuracy][data-method=TR] td.paper")
                .text())
        .isEmpty();
    assertThat(html.text()).doesNotContain("0.35 points").doesNotContain("6.97");
  }

  @Test
  void undeclaredSettingDifferencesAreFlagged() {
    JsonNode settings = experiment(E3).get("settings");
    JsonNode weightDecay = rows(settings, s -> s.get("name").asText().equals("weightDecay")).get(0);
    assertThat(weightDecay.get("flagged").asBoolean()).isTrue();
    assertThat(weightDecay.get("status").asText()).isEqualTo("differs (NOT declared)");
    JsonNode learningRate =
        rows(settings, s -> s.get("name").asText().equals("learningRate")).get(0);
    assertThat(learningRate.get("status").asText()).isEqualTo("differs (declared)");
    assertThat(
            rows(settings, s -> s.get("name").asText().equals("momentum"))
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("same");
    // Hybrid's "tr.initialRadius" is compared with TR's "initialRadius"; identity hashes are
    // ignored
    JsonNode radius = rows(settings, s -> s.get("name").asText().equals("initialRadius")).get(0);
    assertThat(radius.get("valuesByMethod").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("TR", "Hybrid");
    assertThat(radius.get("status").asText()).isEqualTo("same");
    assertThat(
            rows(settings, s -> s.get("name").asText().equals("solverSettings"))
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("same");
    assertThat(section(E3, "settings").select("tr.flagged").eachAttr("data-setting"))
        .containsExactly("weightDecay");
    // trial parameters per method: every method ran both batch sizes
    JsonNode batch =
        rows(settings, s -> s.get("name").asText().equals("batchSize (trial parameter)")).get(0);
    assertThat(batch.get("status").asText()).isEqualTo("same");
    assertThat(batch.at("/valuesByMethod/TR"))
        .extracting(JsonNode::asText)
        .containsExactly("128", "2048");
    // E5: Adam at B = 64 while the tracks run at 2048, not declared in the fixture's manifest
    JsonNode e5batch =
        rows(
                experiment(E5).get("settings"),
                s -> s.get("name").asText().equals("batchSize (trial parameter)"))
            .get(0);
    assertThat(e5batch.get("status").asText()).isEqualTo("differs (NOT declared)");
    assertThat(e5batch.get("flagged").asBoolean()).isTrue();
  }

  @Test
  void subproblemExperimentFitsTheIterationModelAndDrawsPhases() {
    JsonNode fit =
        rows(experiment(E1).get("fits"), f -> f.get("method").asText().equals("Algorithm2")).get(0);
    assertThat(fit.get("c1").asDouble()).isCloseTo(C1, within(C1 * 1e-3));
    assertThat(fit.get("c2").asDouble()).isCloseTo(C2, within(C2 * 1e-3));
    assertThat(fit.get("points")).hasSize(12);
    assertThat(
            section(E1, "fits").select("tr[data-method=Algorithm2] td").get(3).attr("data-value"))
        .startsWith("5.0");
    Element figures = section(E1, "figures");
    assertThat(figures.select("figure[data-chart^=gap-]")).hasSize(2);
    assertThat(figures.select("figure[data-chart=gap-0] g.series")).hasSize(12);
    assertThat(figures.select("figure[data-chart=gap-0] svg text").eachText())
        .contains("λ=10 phase I", "λ=10 phase II");
    assertThat(figures.select("figure[data-chart=iterations-lambda]")).hasSize(1);
    // 6 λ × 1 pair; iterationsToBoundary for Algorithm2 vs Lanczos at each λ
    assertThat(experiment(E1).get("comparisons")).hasSize(6);
  }

  @Test
  void landscapeExperimentShowsDistancesAndCurvesAlongAlpha() {
    assertThat(experiment(E4).get("landscape"))
        .hasSize(1); // trialA/trialB differ per repeat but are references
    JsonNode row = experiment(E4).get("landscape").get(0);
    assertThat(row.get("pair").asText()).isEqualTo("SGD-vs-TR");
    assertThat(row.get("setting").asText()).isEqualTo("batchSize=1024, scale=ci");
    assertThat(row.get("n").asInt()).isEqualTo(2);
    assertThat(row.get("distanceMean").asDouble()).isCloseTo(4.0, within(1e-12));
    assertThat(row.get("distanceSd").asDouble()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(section(E4, "landscape").select("tr[data-pair]")).hasSize(1);
    assertThat(section(E4, "figures").select("figure[data-chart^=landscape-loss]")).hasSize(1);
    assertThat(section(E4, "figures").select("figure[data-chart^=landscape-accuracy]")).hasSize(1);
  }

  @Test
  void tracksExperimentHasAStageTableWithThePapersValues() {
    List<JsonNode> track1 =
        rows(experiment(E5).get("stages"), s -> s.get("track").asText().equals("SGD→TR→SGD"));
    assertThat(track1).extracting(s -> s.get("stage").asInt()).containsExactly(1, 2, 3);
    assertThat(track1)
        .extracting(s -> s.get("activeMethod").asText())
        .containsExactly("SGD", "TR", "SGD");
    assertThat(track1.get(0).get("mean").asDouble()).isCloseTo(0.79, within(1e-12));
    assertThat(track1.get(2).get("mean").asDouble()).isCloseTo(0.87, within(1e-12));
    assertThat(track1.get(0).get("paper").asDouble()).isEqualTo(0.801);
    assertThat(track1.get(1).get("paper").isNull()).isTrue();
    List<JsonNode> adam =
        rows(experiment(E5).get("stages"), s -> s.get("track").asText().equals("Adam"));
    assertThat(adam).hasSize(1);
    assertThat(adam.get(0).get("mean").asDouble()).isCloseTo(0.863, within(1e-12));
    Elements rows = section(E5, "stages").select("tr[data-track]");
    assertThat(rows).hasSize(7);
    assertThat(rows.get(0).select("td.paper").text()).isEqualTo("80.10% (paper)");
  }

  @Test
  void everyExperimentHasEverySectionAndDrawnCharts() {
    for (String id : List.of(E1, E3, E4, E5)) {
      for (String s :
          List.of(
              "trials", "figures", "metrics", "significance", "cost", "settings", "paper-values")) {
        section(id, s);
      }
      Elements charts = section(id, "figures").select("svg.chart");
      assertThat(charts).as("charts of %s", id).isNotEmpty();
      for (Element svg : charts) {
        assertThat(svg.select("g.series path, g.series circle"))
            .as("drawn marks in a chart of %s", id)
            .isNotEmpty();
        assertThat(svg.select("g.x-axis text.tick")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(svg.select("g.legend text")).isNotEmpty();
      }
    }
    assertThat(html.select("script")).isEmpty();
    assertThat(html.select("[src], link[href]")).isEmpty();
  }

  @Test
  void csvFilesCarryOneRowPerGroupAndPerComparison() throws IOException {
    List<String> comparisons =
        Files.readAllLines(OUT.resolve(ReportWriter.COMPARISONS_CSV), StandardCharsets.UTF_8);
    int total = 0;
    for (JsonNode e : summary.get("experiments")) {
      total += e.get("comparisons").size();
    }
    assertThat(comparisons).hasSize(total + 1);
    assertThat(comparisons.get(0)).startsWith("experiment,metric,setting,methodA,methodB,nA,meanA");
    String line =
        comparisons.stream()
            .filter(
                l -> l.startsWith(E3 + ",finalTestAccuracy,\"batchSize=2048, scale=ci\",TR,SGD,"))
            .findFirst()
            .orElseThrow();
    String[] fields = line.replace("\"batchSize=2048, scale=ci\"", "setting").split(",");
    assertThat(Integer.parseInt(fields[5])).isEqualTo(3);
    assertThat(Double.parseDouble(fields[11])).isCloseTo(0.06, within(1e-9));
    List<String> groups =
        Files.readAllLines(OUT.resolve(ReportWriter.SUMMARY_CSV), StandardCharsets.UTF_8);
    int groupCount = 0;
    for (JsonNode e : summary.get("experiments")) {
      groupCount += e.get("groups").size();
    }
    assertThat(groups).hasSize(groupCount + 1);
  }
}
