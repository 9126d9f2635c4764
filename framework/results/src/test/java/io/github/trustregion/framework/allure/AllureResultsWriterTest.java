package io.github.trustregion.framework.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureResultsWriterTest {

  @TempDir Path directory;

  private static final ExperimentManifest MANIFEST =
      new ExperimentManifest(
          1,
          "exp",
          "a.Exp",
          "Title",
          "",
          "training",
          "ci",
          "w",
          List.of(),
          List.of(),
          List.of(new PlannedTrial("exp__TR__b64__r0", Map.of())),
          List.of());

  private static TrialResult result(TrialStatus status, String message) {
    return new TrialResult(
        1,
        "exp__TR__b64__r0",
        "exp",
        status,
        message,
        Map.of("method", "TR", "batchSize", "64"),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of(),
        2.5,
        Map.of("startedAt", "2026-11-28T08:00:00Z"));
  }

  private JsonNode read(Path file) throws IOException {
    return ResultFiles.mapper().readTree(file.toFile());
  }

  @Test
  void mapsStatusesAndTimesOfTrials() throws IOException {
    AllureResultsWriter writer = new AllureResultsWriter(directory);

    JsonNode failed = read(writer.writeTrial(MANIFEST, result(TrialStatus.FAILED, "boom")));

    assertThat(failed.path("status").asText()).isEqualTo("broken");
    assertThat(failed.path("statusDetails").path("message").asText()).isEqualTo("boom");
    assertThat(failed.path("start").asLong())
        .isEqualTo(Instant.parse("2026-11-28T08:00:00Z").toEpochMilli());
    assertThat(failed.path("stop").asLong() - failed.path("start").asLong()).isEqualTo(2500);

    JsonNode completed = read(writer.writeTrial(MANIFEST, result(TrialStatus.COMPLETED, "")));
    assertThat(completed.path("status").asText()).isEqualTo("passed");
    assertThat(completed.path("uuid").asText()).isEqualTo(failed.path("uuid").asText());
    try (var files = Files.list(directory)) {
      assertThat(files.filter(f -> f.toString().endsWith("-result.json"))).hasSize(1);
    }
  }

  @Test
  void attachesFilesToAnExistingTrialAndExperiment() throws IOException {
    AllureResultsWriter writer = new AllureResultsWriter(directory);
    writer.writeTrial(MANIFEST, result(TrialStatus.COMPLETED, ""));
    writer.writeExperiment(MANIFEST);
    byte[] svg = "<svg/>".getBytes(StandardCharsets.UTF_8);

    AllureAttachment chart =
        writer.attachToTrial(
            "exp", "exp__TR__b64__r0", "accuracy.svg", "image/svg+xml", "svg", svg);
    AllureAttachment comparison =
        writer.attachToExperiment(
            "exp", "comparison.html", "text/html", "html", "<p/>".getBytes(StandardCharsets.UTF_8));

    assertThat(writer.attachmentsOf("exp", "exp__TR__b64__r0")).contains(chart);
    assertThat(Files.readAllBytes(directory.resolve(chart.source()))).isEqualTo(svg);
    JsonNode container =
        read(directory.resolve(AllureResultsWriter.experimentUuid("exp") + "-container.json"));
    assertThat(container.path("children").get(0).asText())
        .isEqualTo(AllureResultsWriter.trialUuid("exp", "exp__TR__b64__r0"));
    assertThat(container.path("befores").get(0).path("attachments").get(0).path("source").asText())
        .isEqualTo(comparison.source());
  }

  @Test
  void refusesToAttachToATrialWithoutResult() {
    AllureResultsWriter writer = new AllureResultsWriter(directory);

    assertThatThrownBy(
            () -> writer.attachToTrial("exp", "nope", "x", "text/plain", "txt", new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No Allure result for trial nope of exp");
  }
}
