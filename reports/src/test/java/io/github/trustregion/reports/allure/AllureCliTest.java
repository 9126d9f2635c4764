package io.github.trustregion.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.reports.html.ReportFixturesAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Allure command line's help, its usage errors and their exit codes, and one enrichment. */
class AllureCliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBuffer, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);

  @Test
  void helpPrintsTheUsageWithEveryOptionOnStandardOutputAndExitsZero() {
    for (String help : new String[] {"--help", "-h"}) {
      assertThat(AllureCli.run(new String[] {help}, out, err)).as(help).isZero();
    }
    assertThat(outBuffer.toString(StandardCharsets.UTF_8))
        .contains("--experiment-results", "--allure-results", "--history-from", "--help");
    assertThat(errBuffer.size()).isZero();
  }

  @Test
  void exitsWithTwoNamingAnUnknownOptionAndWritesNothing() {
    Path allure = dir.resolve("allure");

    int code =
        AllureCli.run(
            new String[] {
              "--experiment-results",
              dir.toString(),
              "--allure-results",
              allure.toString(),
              "--alpha",
              "0.1"
            },
            out,
            err);

    assertThat(code).isEqualTo(2);
    assertThat(firstErrorLine()).contains("--alpha");
    assertThat(allure).doesNotExist();
  }

  @Test
  void exitsWithTwoNamingTheMissingRequiredOptionOrValue() {
    assertThat(AllureCli.run(new String[] {"--experiment-results", dir.toString()}, out, err))
        .isEqualTo(2);
    assertThat(firstErrorLine()).contains("--allure-results");
    errBuffer.reset();
    assertThat(
            AllureCli.run(
                new String[] {"--experiment-results", dir.toString(), "--allure-results"},
                out,
                err))
        .isEqualTo(2);
    assertThat(firstErrorLine()).contains("--allure-results");
  }

  @Test
  void enrichesTheAllureResultsOfAResultsDirectory() throws IOException {
    Path results = dir.resolve("results");
    ReportFixturesAccess.writeAll(results);
    Path allure = Files.createDirectories(dir.resolve("allure"));

    int code =
        AllureCli.run(
            new String[] {
              "--experiment-results",
              results.toString(),
              "--allure-results",
              allure.toString(),
              "--history-from",
              dir.resolve("no-previous-report").toString()
            },
            out,
            err);

    assertThat(code).as(errBuffer.toString(StandardCharsets.UTF_8)).isZero();
    try (Stream<Path> files = Files.list(allure)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith("-result.json")))
          .isNotEmpty();
    }
  }

  private String firstErrorLine() {
    return errBuffer.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
  }
}
