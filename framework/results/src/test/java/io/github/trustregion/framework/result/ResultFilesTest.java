package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

  @TempDir Path root;

  static TrialResult sample(String trialId, TrialStatus status) {
    EpochRecord first =
        new EpochRecord(
            1,
            0,
            "TR",
            0.5,
            0.8,
            0.6,
            0.75,
            1.5,
            10,
            12,
            11,
            new TrustRegionSummary(10, 3, 0.7, 0.9, 1.0, 4, 0));
    EpochRecord second =
        new EpochRecord(
            2,
            0,
            "TR",
            Double.NaN,
            0.8,
            Double.POSITIVE_INFINITY,
            0.7,
            3.0,
            20,
            24,
            22,
            new TrustRegionSummary(10, 10, Double.NaN, 0.5, 0.25, 0, 1));
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        trialId,
        "exp",
        status,
        "why",
        Map.of("method", "TR", "batchSize", "64"),
        Map.of("TR", Map.of("initialRadius", "1.0")),
        List.of(first, second),
        Map.of("finalTestAccuracy", 0.7),
        Map.of(
            "path",
            new Series(List.of("alpha", "loss"), List.of(List.of(0.0, 1.0), List.of(1.0, 2.0)))),
        3.5,
        Map.of("runId", "r"));
  }

  @Test
  void writesAndReadsBackTrialsAndManifestsIncludingNonFiniteNumbers() {
    ResultFiles files = new ResultFiles(root);
    TrialResult trial = sample("exp__TR__b64__r0", TrialStatus.DIVERGED);
    ExperimentManifest manifest =
        new ExperimentManifest(
            1,
            "exp",
            "a.B",
            "t",
            "d",
            "training",
            "smoke",
            "w",
            List.of("finalTestAccuracy"),
            List.of(),
            List.of(new PlannedTrial(trial.trialId(), trial.parameters())),
            List.of(
                new PaperValue(
                    Map.of("method", "TR"), "finalTestAccuracy", 0.855, "Figure 3", "VGG16")));

    files.writeTrial(trial);
    files.writeManifest(manifest);

    assertThat(files.readTrial("exp", trial.trialId())).contains(trial);
    assertThat(files.readManifest("exp")).isEqualTo(manifest);
    assertThat(files.readTrials("exp")).containsExactly(trial);
    assertThat(files.experiments()).containsExactly("exp");
    assertThat(files.hasTrialFile("exp", "exp__SGD__b64__r0")).isFalse();
  }

  @Test
  void writesDeclaredSettingsAndReadsAResultWrittenWithoutThemAsHavingNone() throws IOException {
    ResultFiles files = new ResultFiles(root);
    TrialResult old = sample("exp__TR__b64__r0", TrialStatus.COMPLETED);
    TrialResult current =
        new TrialResult(
            old.schemaVersion(),
            old.trialId(),
            old.experiment(),
            old.status(),
            old.message(),
            old.parameters(),
            old.methodSettings(),
            old.epochs(),
            old.metrics(),
            old.series(),
            old.wallSeconds(),
            old.environment(),
            Map.of("TR", Map.of("subproblemStepSize", "0.1")));

    files.writeTrial(current);
    assertThat(files.readTrial("exp", current.trialId())).contains(current);

    Path file = files.trialFile("exp", current.trialId());
    String json = Files.readString(file);
    String withoutField =
        json.replaceAll(",\\s*\"declaredSettings\"\\s*:\\s*\\{[^{}]*\\{[^{}]*\\}\\s*\\}", "");
    assertThat(withoutField).doesNotContain("declaredSettings");
    Files.writeString(file, withoutField);

    TrialResult read = files.readTrial("exp", current.trialId()).orElseThrow();
    assertThat(read.declaredSettings()).isEmpty();
    assertThat(read).isEqualTo(old);
  }

  @Test
  void namesTheCorruptFileAndTheFix() throws IOException {
    ResultFiles files = new ResultFiles(root);
    files.writeTrial(sample("exp__TR__b64__r0", TrialStatus.COMPLETED));
    Path file = files.trialFile("exp", "exp__TR__b64__r0");
    String json = Files.readString(file);
    Files.writeString(file, json.substring(0, json.length() / 2));

    assertThatThrownBy(() -> files.readTrial("exp", "exp__TR__b64__r0"))
        .isInstanceOf(ResultFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is corrupt or incomplete")
        .hasMessageContaining("Delete it and run the experiment again");
  }

  @Test
  void replacesAnExistingFileWithoutLeavingTemporaryFiles() throws IOException {
    ResultFiles files = new ResultFiles(root);
    files.writeTrial(sample("exp__TR__b64__r0", TrialStatus.FAILED));
    files.writeTrial(sample("exp__TR__b64__r0", TrialStatus.COMPLETED));

    assertThat(files.readTrial("exp", "exp__TR__b64__r0").orElseThrow().status())
        .isEqualTo(TrialStatus.COMPLETED);
    try (var entries = Files.list(files.trialFile("exp", "x").getParent())) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactly("exp__TR__b64__r0.json");
    }
  }
}
