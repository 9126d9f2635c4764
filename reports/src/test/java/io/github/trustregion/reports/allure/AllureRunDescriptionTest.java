package io.github.trustregion.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AllureRunDescriptionTest {

  private static TrialResult trial(String id, Map<String, String> environment) {
    return new TrialResult(
        1,
        id,
        "e",
        TrialStatus.COMPLETED,
        "",
        Map.of(),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of(),
        1.0,
        environment);
  }

  private static Map<String, String> cpu(String model, String layers) {
    return Map.of(
        "backend",
        "CpuBackend",
        "dataType",
        "FLOAT",
        "processors",
        "2",
        "javaVersion",
        "17.0.15",
        "os",
        "Linux amd64",
        "cpu",
        model,
        "oneDnnLayers",
        layers);
  }

  @Test
  void describesTheEnvironmentFromTheTrialsListingEveryValueThatDiffers() throws Exception {
    AllureRunDescription description = new AllureRunDescription(name -> null);
    Map<String, String> entries =
        description.environment(
            List.of(
                trial("a", cpu("AMD EPYC", "4")),
                trial("b", cpu("Intel Xeon", "4")),
                trial("c", cpu("AMD EPYC", "0"))),
            List.of("ci", "ci"),
            Optional.of("0123abc"));
    assertThat(entries)
        .containsExactly(
            Map.entry("ND4J backend", "CpuBackend"),
            Map.entry("Device", "AMD EPYC, Intel Xeon"),
            Map.entry("Data type", "FLOAT"),
            Map.entry("oneDNN helpers", "off, on (4 layers)"),
            Map.entry("Java", "17.0.15"),
            Map.entry("OS", "Linux amd64"),
            Map.entry("Cores", "2"),
            Map.entry("Scale", "ci"),
            Map.entry("Commit", "0123abc"));
    // The file reads back as Java properties (Allure reads it so), spaces and colons included.
    Properties read = new Properties();
    read.load(new StringReader(AllureRunDescription.properties(entries)));
    assertThat(read)
        .containsEntry("ND4J backend", "CpuBackend")
        .containsEntry("oneDNN helpers", "off, on (4 layers)")
        .hasSize(entries.size());
    Properties odd = new Properties();
    odd.load(new StringReader(AllureRunDescription.properties(Map.of("a:b = c", " x=y#z\u00e9"))));
    assertThat(odd).containsEntry("a:b = c", " x=y#z\u00e9");
  }

  @Test
  void takesTheCommitFromGitHubActionsWhenNotGivenAndLeavesOutWhatNoTrialRecords() {
    AllureRunDescription description =
        new AllureRunDescription(Map.of("GITHUB_SHA", "feedbeef")::get);
    Map<String, String> entries =
        description.environment(
            List.of(trial("a", Map.of("backend", "CudaBackend", "gpu", "NVIDIA A100"))),
            List.of("paper"),
            Optional.empty());
    assertThat(entries)
        .containsEntry("Device", "NVIDIA A100")
        .containsEntry("Commit", "feedbeef")
        .doesNotContainKeys("Java", "oneDNN helpers");
  }

  @Test
  void theExecutorIsTheGitHubBuildSoThatTrendsLineUpByBuildOrder() {
    Map<String, String> github =
        Map.of(
            "GITHUB_RUN_NUMBER",
            "42",
            "GITHUB_RUN_ID",
            "999",
            "GITHUB_SERVER_URL",
            "https://github.com",
            "GITHUB_REPOSITORY",
            "o/r",
            "GITHUB_WORKFLOW",
            "nightly");
    JsonNode executor = new AllureRunDescription(github::get).executor();
    assertThat(executor.path("type").asText()).isEqualTo("github");
    assertThat(executor.path("buildOrder").asLong()).isEqualTo(42);
    assertThat(executor.path("buildName").asText()).isEqualTo("nightly #42");
    assertThat(executor.path("buildUrl").asText())
        .isEqualTo("https://github.com/o/r/actions/runs/999");
    JsonNode local = new AllureRunDescription(name -> null).executor();
    assertThat(local.path("type").asText()).isEqualTo("local");
    assertThat(local.has("buildOrder")).isFalse();
  }

  /** Allure gives a result the first category whose status and message pattern match it. */
  private static String categoryOf(String status, String message) {
    for (JsonNode category : AllureRunDescription.categories()) {
      List<String> statuses = new ArrayList<>();
      category.path("matchedStatuses").forEach(s -> statuses.add(s.asText()));
      if (statuses.contains(status)
          && Pattern.compile(category.path("messageRegex").asText()).matcher(message).matches()) {
        return category.path("name").asText();
      }
    }
    return "none";
  }

  @Test
  void theCategoriesSortTheMessagesTheHarnessTheEnricherAndTheGateWrite() {
    assertThat(categoryOf("failed", "REGRESSION: TR − SGD at batchSize=128 dropped by 0.031"))
        .isEqualTo("Gate regressions");
    assertThat(categoryOf("broken", "INCOMPLETE: NO DATA for TR − SGD"))
        .isEqualTo("Incomplete gate rows");
    assertThat(categoryOf("skipped", "DIVERGED: Diverged after 2 completed epochs: loss NaN"))
        .isEqualTo("Diverged trials");
    assertThat(categoryOf("broken", "MISSING: planned in m.json but no result file exists"))
        .isEqualTo("Missing trials");
    assertThat(
            categoryOf(
                "broken",
                "io.github.trustregion.benchmarks.data.DatasetFileException: "
                    + "The Fashion-MNIST file x is truncated\nline two"))
        .isEqualTo("Data problems");
    assertThat(categoryOf("broken", "java.lang.IllegalStateException: boom\n\tat x"))
        .isEqualTo("Failed trials");
    assertThat(categoryOf("passed", "")).isEqualTo("none");
    assertThat(AllureRunDescription.categories())
        .extracting(c -> c.path("name").asText())
        .containsExactlyElementsOf(AllureRunDescription.CATEGORIES);
  }
}
