package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestClaimsTest {

  @TempDir Path root;

  private static ExperimentManifest manifest(List<ClaimDeclaration> claims) {
    return new ExperimentManifest(
        1,
        "exp",
        "a.B",
        "t",
        "d",
        "training",
        "ci",
        "w",
        List.of("finalTestAccuracy"),
        List.of(),
        List.of(new PlannedTrial("exp__TR__b64__r0", Map.of("method", "TR"))),
        List.of(),
        claims);
  }

  static ClaimDeclaration claim() {
    return new ClaimDeclaration(
        "C1",
        "TR is at least as accurate as SGD",
        "Figure 3",
        ClaimComparison.DIFFERENCE,
        "finalTestAccuracy",
        List.of("TR", "SGD"),
        ClaimBatch.LARGEST,
        Map.of("scale", "ci"),
        ClaimDirection.AT_LEAST,
        0,
        0,
        "",
        "",
        0);
  }

  @Test
  void writesAndReadsBackTheDeclaredClaims() {
    ResultFiles files = new ResultFiles(root);
    ExperimentManifest written = manifest(List.of(claim()));
    files.writeManifest(written);
    assertThat(files.readManifest("exp")).isEqualTo(written);
    assertThat(files.readManifest("exp").claims().get(0).comparison())
        .isEqualTo(ClaimComparison.DIFFERENCE);
  }

  @Test
  void readsAManifestWrittenBeforeClaimsAsDeclaringNone() throws IOException {
    ResultFiles files = new ResultFiles(root);
    files.writeManifest(manifest(List.of(claim())));
    Path file = files.experimentDirectory("exp").resolve(ResultFiles.MANIFEST);
    String json = Files.readString(file);
    int start = json.indexOf("\"claims\"");
    assertThat(start).isPositive();
    String old = json.substring(0, json.lastIndexOf(',', start)) + "\n}\n";
    Files.writeString(file, old);
    assertThat(files.readManifest("exp").claims()).isEmpty();
    assertThat(files.readManifest("exp")).isEqualTo(manifest(List.of()));
  }

  @Test
  void theTwelveArgumentConstructorDeclaresNoClaims() {
    ExperimentManifest m = manifest(List.of());
    ExperimentManifest old =
        new ExperimentManifest(
            m.schemaVersion(),
            m.experiment(),
            m.className(),
            m.title(),
            m.description(),
            m.kind(),
            m.scale(),
            m.workload(),
            m.metrics(),
            m.allowedDifferences(),
            m.trials(),
            m.paperValues());
    assertThat(old).isEqualTo(m);
  }

  @Test
  void describesTheDecidedQuantity() {
    assertThat(claim().quantity()).isEqualTo("TR − SGD of finalTestAccuracy");
  }
}
