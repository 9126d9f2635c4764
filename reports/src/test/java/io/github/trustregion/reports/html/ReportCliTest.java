package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line re-renders a results directory and reports bad input by exit code. */
class ReportCliTest {

  @TempDir Path dir;

  private final java.io.ByteArrayOutputStream outBuffer = new java.io.ByteArrayOutputStream();
  private final java.io.ByteArrayOutputStream errBuffer = new java.io.ByteArrayOutputStream();
  private final java.io.PrintStream out = new java.io.PrintStream(outBuffer, true, java.nio.charset.StandardCharsets.UTF_8);
  private final java.io.PrintStream err = new java.io.PrintStream(errBuffer, true, java.nio.charset.StandardCharsets.UTF_8);

  @Test
  void rendersAResultsDirectoryIntoTheOutputDirectory() {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString(),
        "--alpha", "0.1"}, out, err);
    assertThat(code).isZero();
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).isNotEmptyFile();
    assertThat(dir.resolve("out").resolve(ReportWriter.SUMMARY_JSON)).isNotEmptyFile();
  }

  @Test
  void exitsWithOneOnACorruptResultFileAfterRenderingTheRestWithoutIt() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    Path trial = new ResultFiles(results).trialFile(ReportFixtures.E4, "sgd-vs-tr-r1");
    Files.writeString(trial, "{ not json");
    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString()}, out, err);
    assertThat(code).isEqualTo(1);
    assertThat(errText()).contains(trial.toString());
    assertThat(Files.readString(dir.resolve("out").resolve(ReportWriter.HTML))).contains(trial.toString());
  }

  @Test
  void exitsWithTwoOnMissingArguments() {
    assertThat(ReportCli.run(new String[] {"--results", dir.toString()}, out, err)).isEqualTo(2);
    assertThat(ReportCli.run(new String[] {"--bogus"}, out, err)).isEqualTo(2);
  }

  @Test
  void exitsWithTwoNamingAnUnknownOptionWithoutWritingAReport() {
    for (String unknown : new String[] {"--resamples", "--seed"}) {
      int code = ReportCli.run(new String[] {unknown, "2000", "--results", dir.toString(), "--out",
          dir.resolve("out").toString()}, out, err);
      assertThat(code).as(unknown).isEqualTo(2);
      assertThat(errText().lines().filter(l -> l.contains(unknown)).findFirst()).as(unknown).isPresent();
    }
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }

  @Test
  void helpPrintsTheUsageWithEveryOptionOnStandardOutputAndExitsZero() {
    for (String help : new String[] {"--help", "-h"}) {
      assertThat(ReportCli.run(new String[] {help}, out, err)).as(help).isZero();
    }
    assertThat(outBuffer.toString(StandardCharsets.UTF_8)).contains("--results", "--out", "--alpha", "--help");
    assertThat(errText()).isEmpty();
  }

  @Test
  void exitsWithTwoNamingTheOptionAndTheValueWhenAlphaIsNoNumberInItsRange() {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    for (String alpha : new String[] {"x", "1.5", "0"}) {
      errBuffer.reset();
      int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString(),
          "--alpha", alpha}, out, err);
      assertThat(code).as(alpha).isEqualTo(2);
      assertThat(errText().lines().findFirst().orElseThrow()).as(alpha).contains("--alpha").contains("'" + alpha + "'");
      assertThat(errText()).as(alpha).doesNotContain("For input string").doesNotContain("Exception");
    }
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }

  private String errText() {
    return errBuffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void leavesTrialFilesOfAnOlderPlanOutOfEveryNumberAndListsThemByName() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    ResultFiles files = new ResultFiles(results);
    ExperimentManifest m = files.readManifest(ReportFixtures.E3);
    files.writeManifest(new ExperimentManifest(m.schemaVersion(), m.experiment(), m.className(), m.title(),
        m.description(), m.kind(), m.scale(), m.workload(), m.metrics(), m.allowedDifferences(),
        m.trials().stream().filter(t -> t.trialId().endsWith("-r0")).toList(), m.paperValues()));
    Path out = dir.resolve("out");

    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", out.toString()}, this.out, err);

    assertThat(code).as(errText()).isZero();
    java.util.List<String> e3Rows = Files.readAllLines(out.resolve(ReportWriter.SUMMARY_CSV)).stream()
        .filter(l -> l.startsWith(ReportFixtures.E3 + ",")).toList();
    assertThat(e3Rows).isNotEmpty().noneMatch(l -> l.contains("-r1") || l.contains("-r2"));
    String html = Files.readString(out.resolve(ReportWriter.HTML));
    assertThat(html).contains("tr-b128-r1.json").contains("sgd-b2048-r2.json");
  }

  @Test
  void listsEveryBadFileInOnePassWithAFixThatWorksAndStillRendersTheRest() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    ResultFiles files = new ResultFiles(results);
    Path truncated = files.trialFile(ReportFixtures.E3, ReportFixtures.e3Id("TR", 128, 0));
    Files.writeString(truncated, Files.readString(truncated).substring(0, 80));
    Path garbage = files.trialFile(ReportFixtures.E3, ReportFixtures.e3Id("SGD", 2048, 1));
    Files.writeString(garbage, "%%% garbage {[");
    Path notes = files.trialFile(ReportFixtures.E3, "notes");
    Files.writeString(notes, "{\"note\": \"batch 2048 looked odd\"}");
    Path out = dir.resolve("out");

    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", out.toString()}, this.out, err);

    assertThat(code).isEqualTo(1);
    assertThat(errText()).contains(truncated.toString(), garbage.toString(), notes.toString())
        .doesNotContain("DeserializationFeature").doesNotContain("com.fasterxml").doesNotContain("Exception");
    String notesLine = errText().lines().filter(l -> l.contains(notes.toString())).findFirst().orElseThrow();
    assertThat(notesLine).contains("move it").contains("delete it").doesNotContain("run the experiment again");
    String truncatedLine = errText().lines().filter(l -> l.contains(truncated.toString())).findFirst().orElseThrow();
    assertThat(truncatedLine).contains("delete it").contains("recomputes only this trial");
    String html = Files.readString(out.resolve(ReportWriter.HTML));
    assertThat(html).contains("bad-files").contains("notes.json").contains(truncated.getFileName().toString());
    assertThat(Files.readAllLines(out.resolve(ReportWriter.SUMMARY_CSV)))
        .noneMatch(l -> l.contains(ReportFixtures.e3Id("TR", 128, 0)));
  }

  @Test
  void exitsNonZeroOnAnEmptyResultsDirectoryNamingItAndWhatItShouldHold() throws IOException {
    Path results = Files.createDirectories(dir.resolve("empty"));
    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString()},
        out, err);
    assertThat(code).isEqualTo(1);
    assertThat(errText()).contains(results.toString()).contains(ResultFiles.MANIFEST);
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }

  @Test
  void refusesAnOutputPathThatIsARegularFileInOneLine() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    Path file = Files.writeString(dir.resolve("taken.txt"), "x");
    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", file.toString()}, out, err);
    assertThat(code).isEqualTo(2);
    assertThat(errText().lines().findFirst().orElseThrow()).contains("--out").contains(file.toString());
    assertThat(errText()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
