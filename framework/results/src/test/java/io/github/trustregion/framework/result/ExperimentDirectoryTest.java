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

/**
 * An experiment directory is read by its manifest's plan, and every bad file is found in one pass.
 */
class ExperimentDirectoryTest {

  @TempDir Path root;

  private ResultFiles plannedWithRepeats(int repeats) {
    ResultFiles files = new ResultFiles(root);
    List<PlannedTrial> planned = new java.util.ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      planned.add(new PlannedTrial("tr-r" + r, params(r)));
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            "e3",
            "x.E3",
            "Large batch",
            "",
            "training",
            "ci",
            "MLP",
            List.of("finalTestAccuracy"),
            List.of(),
            planned,
            List.of()));
    return files;
  }

  private static Map<String, String> params(int repeat) {
    return Map.of("method", "TR", "repeat", String.valueOf(repeat));
  }

  private static TrialResult trial(String id, int repeat) {
    return new TrialResult(
        1,
        id,
        "e3",
        TrialStatus.COMPLETED,
        "",
        params(repeat),
        Map.of(),
        List.of(),
        Map.of("finalTestAccuracy", 0.8),
        Map.of(),
        1.0,
        Map.of());
  }

  @Test
  void leavesTrialFilesOfAnOlderPlanOutOfTheTrialsAndNamesThem() {
    ResultFiles files = plannedWithRepeats(2);
    files.writeTrial(trial("tr-r0", 0));
    files.writeTrial(trial("tr-r1", 1));
    plannedWithRepeats(1);

    ExperimentDirectory read = ExperimentDirectory.read(files.experimentDirectory("e3"));

    assertThat(read.trials()).extracting(TrialResult::trialId).containsExactly("tr-r0");
    assertThat(read.unplanned()).containsExactly(files.trialFile("e3", "tr-r1"));
    assertThat(read.bad()).isEmpty();
  }

  @Test
  void findsEveryBadFileInOnePassWithAFixForEachAndNoParserNames() throws IOException {
    ResultFiles files = plannedWithRepeats(3);
    files.writeTrial(trial("tr-r0", 0));
    Path truncated = files.trialFile("e3", "tr-r1");
    Files.writeString(
        truncated, "{\"schemaVersion\":1,\"trialId\":\"tr-r1\",\"experiment\":\"e3\",\"sta");
    Path garbage = files.trialFile("e3", "tr-r2");
    Files.writeString(garbage, "%%% garbage {[");
    Path notes = files.trialFile("e3", "notes");
    Files.writeString(notes, "{\"note\": \"looked odd\"}");

    ExperimentDirectory read = ExperimentDirectory.read(files.experimentDirectory("e3"));

    assertThat(read.trials()).extracting(TrialResult::trialId).containsExactly("tr-r0");
    assertThat(read.bad())
        .extracting(BadResultFile::file)
        .containsExactly(notes, truncated, garbage);
    assertThat(read.bad())
        .extracting(BadResultFile::fix)
        .containsExactly(
            BadResultFile.MOVE_OR_DELETE, BadResultFile.RERUN_TRIAL, BadResultFile.RERUN_TRIAL);
    assertThat(read.bad())
        .allSatisfy(b -> assertThat(b.problem()).doesNotContain("Feature", "`", "jackson"));
    assertThatThrownBy(() -> ExperimentDirectory.requireNoBadFiles(List.of(read)))
        .isInstanceOf(ResultFileException.class)
        .hasMessageContaining(notes.toString())
        .hasMessageContaining(truncated.toString())
        .hasMessageContaining(garbage.toString());
  }

  @Test
  void aTrialFileOfAnotherExperimentIsBadNotUnplanned() {
    ResultFiles files = plannedWithRepeats(1);
    TrialResult other =
        new TrialResult(
            1,
            "x-r0",
            "e9",
            TrialStatus.COMPLETED,
            "",
            params(0),
            Map.of(),
            List.of(),
            Map.of(),
            Map.of(),
            1.0,
            Map.of());
    ResultFiles.writeAtomically(files.trialFile("e3", "x-r0"), other);

    ExperimentDirectory read = ExperimentDirectory.read(files.experimentDirectory("e3"));

    assertThat(read.unplanned()).isEmpty();
    assertThat(read.bad())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.problem()).contains("e9");
              assertThat(b.fix()).isEqualTo(BadResultFile.MOVE_OR_DELETE);
            });
  }
}
