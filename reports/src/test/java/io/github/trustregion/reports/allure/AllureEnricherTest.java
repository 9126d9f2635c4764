package io.github.trustregion.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trustregion.framework.allure.AllureResultsWriter;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.html.ReportFixturesAccess;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enricher finds the harness's Allure results by trial id and adds charts and comparisons. */
class AllureEnricherTest {

  @TempDir static Path dir;

  private static Path results;
  private static Path allure;
  private static AllureEnricher.Outcome outcome;
  private final ObjectMapper mapper = new ObjectMapper();
  private static final AllureEnricher ENRICHER =
      new AllureEnricher(new ComparisonSettings(0.05, 0.95));

  /**
   * Writes the fixtures, the harness's Allure results for all trials but one, and enriches once.
   */
  @BeforeAll
  static void writeResultsAndTheHarnessAllureResults() {
    results = dir.resolve("results");
    allure = dir.resolve("allure-results");
    ReportFixturesAccess.writeAll(results);
    ResultFiles files = new ResultFiles(results);
    AllureResultsWriter harness = new AllureResultsWriter(allure);
    for (String experiment : files.experiments()) {
      var manifest = files.readManifest(experiment);
      harness.writeExperiment(manifest);
      for (TrialResult t : files.readTrials(experiment)) {
        if (!t.trialId().equals("tr-b2048-r1")) { // one trial without an Allure result
          harness.writeTrial(manifest, t);
        }
      }
    }
    outcome = ENRICHER.enrich(results, allure);
  }

  private JsonNode result(String uuid) throws IOException {
    return mapper.readTree(allure.resolve(uuid + "-result.json").toFile());
  }

  private List<JsonNode> attachments(JsonNode result, String type) {
    List<JsonNode> out = new ArrayList<>();
    result
        .path("attachments")
        .forEach(
            a -> {
              if (a.path("type").asText().equals(type)) {
                out.add(a);
              }
            });
    return out;
  }

  @Test
  void addsSvgChartsToEachTrialsResultFoundByItsId() throws IOException {
    assertThat(outcome.enriched())
        .isEqualTo(16 + 1 + 24 + 6 + 6); // every trial file, the diverged one included
    assertThat(outcome.writtenForTrials()).isEqualTo(1);
    JsonNode tr = result(AllureResultsWriter.trialUuid("e3-large-batch", "tr-b2048-r0"));
    List<JsonNode> svgs = attachments(tr, "image/svg+xml");
    assertThat(svgs)
        .extracting(a -> a.get("name").asText())
        .contains(
            "Accuracy per epoch.svg",
            "Loss against training seconds.svg",
            "Trust-region radius and ρ per epoch.svg");
    for (JsonNode a : svgs) {
      assertThat(Files.readString(allure.resolve(a.get("source").asText())))
          .startsWith("<svg")
          .contains("g class=\"series\"");
    }
    assertThat(attachments(tr, "text/csv"))
        .isNotEmpty(); // the harness's own CSV attachments are kept
    JsonNode rewritten = result(AllureResultsWriter.trialUuid("e3-large-batch", "tr-b2048-r1"));
    assertThat(rewritten.get("testCaseId").asText()).isEqualTo("tr-b2048-r1");
    assertThat(attachments(rewritten, "image/svg+xml")).isNotEmpty();
    JsonNode gap = result(AllureResultsWriter.trialUuid("e1-subproblem", "algorithm2-l10-r0"));
    assertThat(attachments(gap, "image/svg+xml"))
        .extracting(a -> a.get("name").asText())
        .contains("Series gap.svg");
  }

  @Test
  void writesOneComparisonResultPerExperimentAndMarksMissingTrials() throws IOException {
    assertThat(outcome.experiments()).isEqualTo(4);
    assertThat(outcome.missing()).isEqualTo(1);
    JsonNode e3 = result(AllureEnricher.comparisonUuid("e3-large-batch"));
    assertThat(e3.get("status").asText()).isEqualTo("broken");
    assertThat(e3.at("/statusDetails/message").asText())
        .contains("hybrid-b128-r2 (MISSING)", "sgd-b128-r2 (DIVERGED)");
    JsonNode csv = attachments(e3, "text/csv").get(0);
    assertThat(Files.readAllLines(allure.resolve(csv.get("source").asText()))).hasSize(12 + 1);
    JsonNode html = attachments(e3, "text/html").get(0);
    assertThat(Files.readString(allure.resolve(html.get("source").asText())))
        .contains("table class=\"comparisons\"");
    assertThat(attachments(e3, "image/svg+xml")).isNotEmpty();
    assertThat(result(AllureEnricher.comparisonUuid("e1-subproblem")).get("status").asText())
        .isEqualTo("passed");
    JsonNode missing = result(AllureResultsWriter.trialUuid("e3-large-batch", "hybrid-b128-r2"));
    assertThat(missing.get("status").asText()).isEqualTo("broken");
    assertThat(missing.at("/statusDetails/message").asText()).startsWith("MISSING");
  }

  @Test
  void describesTheRunToAllureWithItsEnvironmentExecutorAndCategories() throws IOException {
    java.util.Properties environment = new java.util.Properties();
    try (var in = java.nio.file.Files.newBufferedReader(allure.resolve("environment.properties"))) {
      environment.load(in);
    }
    assertThat(environment).containsEntry("ND4J backend", "cpu");
    assertThat(mapper.readTree(allure.resolve("executor.json").toFile()).path("name").asText())
        .isNotBlank();
    assertThat(mapper.readTree(allure.resolve("categories.json").toFile()))
        .hasSize(AllureRunDescription.CATEGORIES.size());
  }

  @Test
  void enrichingTwiceChangesNothing() throws IOException {
    List<String> first = listing();
    JsonNode before = result(AllureResultsWriter.trialUuid("e3-large-batch", "tr-b2048-r0"));
    AllureEnricher.Outcome again = ENRICHER.enrich(results, allure);
    assertThat(again.attachments()).isZero();
    assertThat(listing()).isEqualTo(first);
    assertThat(
            result(AllureResultsWriter.trialUuid("e3-large-batch", "tr-b2048-r0"))
                .get("attachments"))
        .isEqualTo(before.get("attachments"));
  }

  @Test
  void carriesThePreviousReportsHistory(@TempDir Path other) throws IOException {
    Path previous = other.resolve("previous-report");
    Path target = other.resolve("allure-results");
    Files.createDirectories(previous.resolve("history"));
    Files.writeString(
        previous.resolve("history").resolve("history-trend.json"), "[{\"data\":{\"passed\":3}}]");
    Files.writeString(previous.resolve("history").resolve("history.json"), "{}");
    assertThat(AllureHistory.carry(previous, target)).isEqualTo(2);
    assertThat(target.resolve("history").resolve("history-trend.json"))
        .hasContent("[{\"data\":{\"passed\":3}}]");
    assertThat(AllureHistory.carry(other.resolve("no-report-yet"), target)).isZero();
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(allure)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
