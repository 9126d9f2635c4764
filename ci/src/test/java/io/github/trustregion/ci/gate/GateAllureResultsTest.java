package io.github.trustregion.ci.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trustregion.ci.run.ComparisonKey;
import io.github.trustregion.ci.run.TrialProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateAllureResultsTest {

  @TempDir Path allure;

  private final ObjectMapper mapper = new ObjectMapper();

  private static GateRow row(
      String method, String batchSize, double change, double adjustedP, Verdict verdict) {
    ComparisonKey key =
        new ComparisonKey(
            "e3-large-batch", "finalTestAccuracy", Map.of("batchSize", batchSize), method, "SGD");
    return new GateRow(
        key,
        0.05,
        0.04,
        0.06,
        30,
        0.05 + change,
        0.0,
        0.1,
        8,
        change,
        0.005,
        adjustedP / 2,
        adjustedP,
        0.018,
        verdict);
  }

  private JsonNode result(String name) throws Exception {
    return mapper.readTree(allure.resolve(GateAllureResults.uuid(name) + "-result.json").toFile());
  }

  private static String parameter(JsonNode result, String name) {
    for (JsonNode p : result.path("parameters")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("value").asText();
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  @Test
  void writesOneResultPerGatedGapWithTheVerdictAsItsStatus() throws Exception {
    GateResult gate =
        new GateResult(
            List.of(
                row("TR", "128", -0.031, 0.004, Verdict.REGRESSED),
                row("Hybrid", "128", -0.004, 0.6, Verdict.PASS),
                row("TR", "2048", -0.012, 0.2, Verdict.WITHIN_NOISE),
                row("Hybrid", "2048", Double.NaN, Double.NaN, Verdict.NO_DATA)),
            List.of(),
            List.of(),
            List.of(),
            0.05,
            0.2);

    assertThat(GateAllureResults.write(gate, allure)).isEqualTo(5);

    JsonNode regressed = result("gate: e3-large-batch finalTestAccuracy TR − SGD at batchSize=128");
    assertThat(regressed.path("status").asText()).isEqualTo("failed");
    assertThat(regressed.path("statusDetails").path("message").asText())
        .startsWith("REGRESSION: the gap TR − SGD at batchSize=128 dropped by 3.10 points")
        .contains("p = 0.0040 < α = 0.0500");
    assertThat(regressed.path("historyId").asText())
        .isEqualTo("gate: e3-large-batch finalTestAccuracy TR − SGD at batchSize=128");
    assertThat(parameter(regressed, "change (points)")).isEqualTo("-3.10");
    assertThat(parameter(regressed, "smallest flagged drop (points)")).isEqualTo("1.80");
    assertThat(
            result("gate: e3-large-batch finalTestAccuracy Hybrid − SGD at batchSize=128")
                .path("status")
                .asText())
        .isEqualTo("passed");
    JsonNode noise = result("gate: e3-large-batch finalTestAccuracy TR − SGD at batchSize=2048");
    assertThat(noise.path("status").asText()).isEqualTo("passed");
    assertThat(noise.path("statusDetails").path("message").asText()).contains("not significantly");
    JsonNode noData =
        result("gate: e3-large-batch finalTestAccuracy Hybrid − SGD at batchSize=2048");
    assertThat(noData.path("status").asText()).isEqualTo("broken");
    assertThat(noData.path("statusDetails").path("message").asText())
        .startsWith("INCOMPLETE: NO DATA");
    assertThat(result("gate: run complete").path("status").asText()).isEqualTo("passed");
  }

  @Test
  void anIncompleteRunIsABrokenResultListingItsProblemsAndWritingAgainReplacesTheResults()
      throws Exception {
    GateResult incomplete =
        new GateResult(
            List.of(),
            List.of(
                new TrialProblem(
                    "e3-large-batch",
                    "e3-large-batch__TR__b128__r4",
                    TrialProblem.Kind.MISSING,
                    "")),
            List.of(),
            List.of(),
            0.05,
            0.2);
    GateAllureResults.write(incomplete, allure);
    JsonNode run = result("gate: run complete");
    assertThat(run.path("status").asText()).isEqualTo("broken");
    assertThat(run.path("statusDetails").path("message").asText())
        .startsWith("INCOMPLETE: ")
        .contains("e3-large-batch__TR__b128__r4: MISSING");

    GateAllureResults.write(
        new GateResult(List.of(), List.of(), List.of(), List.of(), 0.05, 0.2), allure);
    assertThat(result("gate: run complete").path("status").asText()).isEqualTo("passed");
    try (var files = java.nio.file.Files.list(allure)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }
}
