package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.ResultFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line re-renders a results directory and reports bad input by exit code. */
class ReportCliTest {

  @TempDir Path dir;

  private final java.io.ByteArrayOutputStream outBuffer = new java.io.ByteArrayOutputStream();
  private final java.io.ByteArrayOutputStream errBuffer = new java.io.ByteArrayOutputStream();
  private final java.io.PrintStream out =
      new java.io.PrintStream(outBuffer, true, java.nio.charset.StandardCharsets.UTF_8);
  private final java.io.PrintStream err =
      new java.io.PrintStream(errBuffer, true, java.nio.charset.StandardCharsets.UTF_8);

  @Test
  void rendersAResultsDirectoryIntoTheOutputDirectory() {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    int code =
        ReportCli.run(
            new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString()},
            out,
            err);
    assertThat(code).isZero();
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).isNotEmptyFile();
    assertThat(dir.resolve("out").resolve(ReportWriter.SUMMARY_JSON)).isNotEmptyFile();
  }

  /**
   * One comparison whose Welch p-value is 0.0621 (SciPy's {@code ttest_ind(x, y, equal_var=False)}
   * on the Hollander–Wolfe samples, halved here to read as accuracies; a scale change leaves t and
   * p as they are): significant at {@code --alpha 0.1}, not at the default 0.05.
   */
  @Test
  void theAlphaOptionDecidesWhichDifferencesAreCalledSignificant() throws IOException {
    Path results = dir.resolve("alpha-results");
    writeOneComparison(results);

    assertThat(
            ReportCli.run(
                new String[] {
                  "--results",
                  results.toString(),
                  "--out",
                  dir.resolve("at-0.1").toString(),
                  "--alpha",
                  "0.1"
                },
                out,
                err))
        .isZero();
    assertThat(
            ReportCli.run(
                new String[] {
                  "--results", results.toString(), "--out", dir.resolve("at-default").toString()
                },
                out,
                err))
        .isZero();

    Map<String, String> atTen = onlyComparison(dir.resolve("at-0.1"));
    Map<String, String> atDefault = onlyComparison(dir.resolve("at-default"));
    assertThat(Double.parseDouble(atTen.get("holmP")))
        .isCloseTo(0.06210134378107847, within(1e-10)); // the CSV keeps 12 digits
    assertThat(atTen.get("significant")).isEqualTo("true");
    assertThat(atDefault.get("significant")).isEqualTo("false");
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(dir.resolve("at-0.1").resolve(ReportWriter.HTML).toFile(), "UTF-8");
    assertThat(page.select("table.comparisons tr.significant")).hasSize(1);
    org.jsoup.nodes.Document defaultPage =
        org.jsoup.Jsoup.parse(
            dir.resolve("at-default").resolve(ReportWriter.HTML).toFile(), "UTF-8");
    assertThat(defaultPage.select("table.comparisons tr.significant")).isEmpty();
  }

  private static final double[] HOLLANDER_X = {
    0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46
  };
  private static final double[] HOLLANDER_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

  private static void writeOneComparison(Path root) {
    ResultFiles files = new ResultFiles(root);
    List<PlannedTrial> planned = new ArrayList<>();
    for (String method : List.of("TR", "SGD")) {
      double[] values = method.equals("TR") ? HOLLANDER_X : HOLLANDER_Y;
      for (int r = 0; r < values.length; r++) {
        Map<String, String> p =
            new LinkedHashMap<>(
                Map.of("method", method, "seed", "" + r, "repeat", "" + r, "scale", "ci"));
        String id = method + "-r" + r;
        planned.add(new PlannedTrial(id, p));
        files.writeTrial(ReportFixtures.training("alpha", id, method, p, values[r] / 2, r));
      }
    }
    files.writeManifest(
        new ExperimentManifest(
            1,
            "alpha",
            "fixtures.Alpha",
            "One comparison",
            "",
            "training",
            "ci",
            "w",
            List.of("finalTestAccuracy"),
            List.of(),
            planned,
            List.of()));
  }

  /** Returns the single row of comparisons.csv by column name. */
  private static Map<String, String> onlyComparison(Path out) throws IOException {
    List<String> lines =
        Files.readAllLines(out.resolve(ReportWriter.COMPARISONS_CSV), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    String[] header = lines.get(0).split(",", -1);
    String[] row =
        lines.get(1).split(",", header.length); // the last column, verdict, may hold commas
    assertThat(row).hasSameSizeAs(header);
    Map<String, String> byName = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      byName.put(header[i], row[i]);
    }
    return byName;
  }

  @Test
  void exitsWithOneOnACorruptResultFileAfterRenderingTheRestWithoutIt() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    Path trial = new ResultFiles(results).trialFile(ReportFixtures.E4, "sgd-vs-tr-r1");
    Files.writeString(trial, "{ not json");
    int code =
        ReportCli.run(
            new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString()},
            out,
            err);
    assertThat(code).isEqualTo(1);
    assertThat(errText()).contains(trial.toString());
    assertThat(Files.readString(dir.resolve("out").resolve(ReportWriter.HTML)))
        .contains(trial.toString());
  }

  @Test
  void exitsWithTwoOnMissingArguments() {
    assertThat(ReportCli.run(new String[] {"--results", dir.toString()}, out, err)).isEqualTo(2);
    assertThat(ReportCli.run(new String[] {"--bogus"}, out, err)).isEqualTo(2);
  }

  @Test
  void exitsWithTwoNamingAnUnknownOptionWithoutWritingAReport() {
    for (String unknown : new String[] {"--resamples", "--seed"}) {
      int code =
          ReportCli.run(
              new String[] {
                unknown, "2000", "--results", dir.toString(), "--out", dir.resolve("out").toString()
              },
              out,
              err);
      assertThat(code).as(unknown).isEqualTo(2);
      assertThat(errText().lines().filter(l -> l.contains(unknown)).findFirst())
          .as(unknown)
          .isPresent();
    }
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }

  @Test
  void helpPrintsTheUsageWithEveryOptionOnStandardOutputAndExitsZero() {
    for (String help : new String[] {"--help", "-h"}) {
      assertThat(ReportCli.run(new String[] {help}, out, err)).as(help).isZero();
    }
    assertThat(outBuffer.toString(StandardCharsets.UTF_8))
        .contains("--results", "--out", "--alpha", "--help");
    assertThat(errText()).isEmpty();
  }

  @Test
  void exitsWithTwoNamingTheOptionAndTheValueWhenAlphaIsNoNumberInItsRange() {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    for (String alpha : new String[] {"x", "1.5", "0"}) {
      errBuffer.reset();
      int code =
          ReportCli.run(
              new String[] {
                "--results",
                results.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--alpha",
                alpha
              },
              out,
              err);
      assertThat(code).as(alpha).isEqualTo(2);
      assertThat(errText().lines().findFirst().orElseThrow())
          .as(alpha)
          .contains("--alpha")
          .contains("'" + alpha + "'");
      assertThat(errText())
          .as(alpha)
          .doesNotContain("For input string")
          .doesNotContain("Exception");
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
    files.writeManifest(
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
            m.trials().stream().filter(t -> t.trialId().endsWith("-r0")).toList(),
            m.paperValues()));
    Path out = dir.resolve("out");

    int code =
        ReportCli.run(
            new String[] {"--results", results.toString(), "--out", out.toString()}, this.out, err);

    assertThat(code).as(errText()).isZero();
    java.util.List<String> e3Rows =
        Files.readAllLines(out.resolve(ReportWriter.SUMMARY_CSV)).stream()
            .filter(l -> l.startsWith(ReportFixtures.E3 + ","))
            .toList();
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

    int code =
        ReportCli.run(
            new String[] {"--results", results.toString(), "--out", out.toString()}, this.out, err);

    assertThat(code).isEqualTo(1);
    assertThat(errText())
        .contains(truncated.toString(), garbage.toString(), notes.toString())
        .doesNotContain("DeserializationFeature")
        .doesNotContain("com.fasterxml")
        .doesNotContain("Exception");
    String notesLine =
        errText().lines().filter(l -> l.contains(notes.toString())).findFirst().orElseThrow();
    assertThat(notesLine)
        .contains("move it")
        .contains("delete it")
        .doesNotContain("run the experiment again");
    String truncatedLine =
        errText().lines().filter(l -> l.contains(truncated.toString())).findFirst().orElseThrow();
    assertThat(truncatedLine).contains("delete it").contains("recomputes only this trial");
    String html = Files.readString(out.resolve(ReportWriter.HTML));
    assertThat(html)
        .contains("bad-files")
        .contains("notes.json")
        .contains(truncated.getFileName().toString());
    assertThat(Files.readAllLines(out.resolve(ReportWriter.SUMMARY_CSV)))
        .noneMatch(l -> l.contains(ReportFixtures.e3Id("TR", 128, 0)));
  }

  @Test
  void exitsNonZeroOnAnEmptyResultsDirectoryNamingItAndWhatItShouldHold() throws IOException {
    Path results = Files.createDirectories(dir.resolve("empty"));
    int code =
        ReportCli.run(
            new String[] {"--results", results.toString(), "--out", dir.resolve("out").toString()},
            out,
            err);
    assertThat(code).isEqualTo(1);
    assertThat(errText()).contains(results.toString()).contains(ResultFiles.MANIFEST);
    assertThat(dir.resolve("out").resolve(ReportWriter.HTML)).doesNotExist();
  }

  @Test
  void refusesAnOutputPathThatIsARegularFileInOneLine() throws IOException {
    Path results = dir.resolve("results");
    ReportFixtures.writeAll(results);
    Path file = Files.writeString(dir.resolve("taken.txt"), "x");
    int code =
        ReportCli.run(
            new String[] {"--results", results.toString(), "--out", file.toString()}, out, err);
    assertThat(code).isEqualTo(2);
    assertThat(errText().lines().findFirst().orElseThrow())
        .contains("--out")
        .contains(file.toString());
    assertThat(errText()).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
