package io.github.trustregion.reports.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt and incomplete result files are refused with a message that names the file. */
class ResultsLoaderTest {

  @TempDir Path root;

  private final Map<String, String> params = Map.of("method", "TR", "seed", "1", "repeat", "0");

  private ResultFiles files() {
    ResultFiles files = new ResultFiles(root);
    files.writeManifest(
        new ExperimentManifest(
            1,
            "e2",
            "x.E2",
            "Curves",
            "",
            "training",
            "smoke",
            "MLP",
            List.of("finalTestAccuracy"),
            List.of(),
            List.of(new PlannedTrial("tr-r0", params), new PlannedTrial("tr-r1", params)),
            List.of()));
    return files;
  }

  private TrialResult completedWithoutEpochs(String id) {
    return new TrialResult(
        1,
        id,
        "e2",
        TrialStatus.COMPLETED,
        "",
        params,
        Map.of(),
        List.of(),
        Map.of(),
        Map.of(),
        1.0,
        Map.of());
  }

  @Test
  void refusesACompletedTrainingTrialWithNoEpochsNamingTheFile() {
    ResultFiles files = files();
    files.writeTrial(completedWithoutEpochs("tr-r0"));
    Path file = files.trialFile("e2", "tr-r0");
    assertThatThrownBy(() -> ResultsLoader.load(root))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("COMPLETED training trial with no epochs")
        .hasMessageContaining("run the experiment again");
  }

  @Test
  void refusesATruncatedTrialFileNamingIt() throws IOException {
    ResultFiles files = files();
    Path file = files.trialFile("e2", "tr-r1");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"schemaVersion\":1,\"trialId\":\"tr-r1\",\"experiment\":\"e2\",\"status\":\"COMPL");
    assertThatThrownBy(() -> ResultsLoader.load(root))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("corrupt or incomplete")
        .satisfies(e -> assertThat(((ReportInputException) e).file()).isEqualTo(file));
  }

  @Test
  void refusesATrialFileWhoseIdDoesNotMatchItsName() throws IOException {
    ResultFiles files = files();
    files.writeTrial(
        new TrialResult(
            1,
            "tr-r0",
            "e2",
            TrialStatus.DIVERGED,
            "NaN",
            params,
            Map.of(),
            List.of(),
            Map.of(),
            Map.of(),
            1.0,
            Map.of()));
    Path renamed = files.trialFile("e2", "tr-r1");
    Files.move(files.trialFile("e2", "tr-r0"), renamed);
    assertThatThrownBy(() -> ResultsLoader.load(root))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(renamed.toString())
        .hasMessageContaining("holds trial 'tr-r0' but is named 'tr-r1.json'");
  }

  @Test
  void refusesAManifestWithAnUnknownKind() throws IOException {
    files();
    Path manifest = root.resolve("e2").resolve(ResultFiles.MANIFEST);
    Files.writeString(
        manifest, Files.readString(manifest).replace("\"training\"", "\"histogram\""));
    assertThatThrownBy(() -> ResultsLoader.load(root))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(manifest.toString())
        .hasMessageContaining("the kind 'histogram' is not one of");
  }

  @Test
  void keepsDivergedTrialsAndNamesMissingOnes() {
    ResultFiles files = files();
    files.writeTrial(
        new TrialResult(
            1,
            "tr-r0",
            "e2",
            TrialStatus.DIVERGED,
            "loss NaN",
            params,
            Map.of(),
            List.of(),
            Map.of(),
            Map.of(),
            1.0,
            Map.of()));
    LoadedExperiment e = ResultsLoader.load(root).get(0);
    assertThat(e.withStatus(TrialStatus.DIVERGED))
        .extracting(TrialResult::trialId)
        .containsExactly("tr-r0");
    assertThat(e.missing()).containsExactly("tr-r1");
    assertThat(e.unplanned()).isEmpty();
  }

  @Test
  void refusesAMissingResultsDirectoryWithTheFix() {
    assertThatThrownBy(() -> ResultsLoader.load(root.resolve("nope")))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("target/experiment-results");
  }
}
