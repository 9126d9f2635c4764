package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.ResultFiles;
import java.io.IOException;
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
  void exitsWithOneOnACorruptResultFile() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    Path trial = new ResultFiles(results).trialFile(ReportFixtures.E4, "sgd-vs-tr-r1");
    Files.writeString(trial, "{ not json");
    int code = ReportCli.run(new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString()}, out, err);
    assertThat(code).isEqualTo(1);
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }

  @Test
  void exitsWithTwoOnMissingArguments() {
    assertThat(ReportCli.run(new String[] {"--results", dir.toString()}, out, err)).isEqualTo(2);
    assertThat(ReportCli.run(new String[] {"--bogus"}, out, err)).isEqualTo(2);
  }

  @Test
  void exitsWithTwoOnTheRemovedBootstrapOptionsWithoutWritingAReport() {
    for (String removed : new String[] {"--resamples", "--seed"}) {
      int code = ReportCli.run(new String[] {removed, "2000", "--results", dir.toString(), "--out",
          dir.resolve("out").toString()}, out, err);
      assertThat(code).as(removed).isEqualTo(2);
    }
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }
}
