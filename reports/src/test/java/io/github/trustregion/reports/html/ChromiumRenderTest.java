package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the fixture report from disk in headless Chromium (Debian's {@code chromium}) with
 * background networking off, and checks that it is drawn: the screenshot holds pixels of the chart
 * palette's colours and is not blank, and the DOM after load holds the SVG elements, every
 * experiment's heading and the comparison tables' text. Skipped when Chromium is not installed
 * ({@code apt-get install -y chromium}; {@code .ci/run} installs it). The screenshot is kept at
 * {@code target/fixture-report/screenshot.png} for a look by eye.
 */
class ChromiumRenderTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path profile;

  @BeforeAll
  static void renderReport() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium is not installed: run `apt-get install -y chromium` to enable this test.");
    // always this build's page, never one left by an earlier build
    ReportWriterTest.renderFixtures();
  }

  private static List<String> chromium(String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.resolve("chromium"),
                "--window-size=1280,2400"));
    command.addAll(List.of(extra));
    command.add(
        ReportWriterTest.OUT.resolve(ReportWriter.HTML).toAbsolutePath().toUri().toString());
    return command;
  }

  private static Path run(List<String> command, Path stdout)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(false)
            .redirectOutput(stdout.toFile())
            .redirectError(profile.resolve("stderr.txt").toFile())
            .start();
    boolean done = process.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    assertThat(done).as("Chromium finished within 120 s").isTrue();
    return stdout;
  }

  @Test
  void screenshotShowsTheChartsColours() throws Exception {
    Path png = ReportWriterTest.OUT.resolve("screenshot.png").toAbsolutePath();
    Files.deleteIfExists(png);
    run(chromium("--screenshot=" + png), profile.resolve("shot-out.txt"));
    assertThat(png).isNotEmptyFile();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    int blue = 0;
    int vermillion = 0;
    int notWhite = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (near(rgb, 0x0072B2)) {
          blue++;
        } else if (near(rgb, 0xD55E00)) {
          vermillion++;
        }
        if (rgb != 0xFFFFFF) {
          notWhite++;
        }
      }
    }
    // The first screen holds the E1 charts: series lines in the palette's first two colours.
    assertThat(blue).as("pixels of the first series colour #0072B2").isGreaterThan(500);
    assertThat(vermillion).as("pixels of the second series colour #D55E00").isGreaterThan(200);
    // text, table borders and charts: a blank or unstyled-error page has (next to) none
    assertThat(notWhite)
        .as("pixels that are not white")
        .isGreaterThan(image.getWidth() * image.getHeight() / 50);
  }

  @Test
  void domAfterLoadHoldsTheSvgCharts() throws Exception {
    Path dom = run(chromium("--dump-dom"), profile.resolve("dom.html"));
    Document document = Jsoup.parse(Files.readString(dom, StandardCharsets.UTF_8));
    Document source =
        Jsoup.parse(ReportWriterTest.OUT.resolve(ReportWriter.HTML).toFile(), "UTF-8");
    int charts = source.select("svg.chart").size();
    assertThat(charts).isGreaterThan(10);
    assertThat(document.select("svg.chart")).hasSize(charts);
    assertThat(document.select("svg.chart g.series path")).isNotEmpty();
    // the browser's page holds the rendered text: every experiment's heading and every table cell
    assertThat(document.select("h2").eachText())
        .isEqualTo(source.select("h2").eachText())
        .contains(ReportFixtures.E3 + ": Large-batch generalization");
    assertThat(document.select("table.comparisons td").eachText())
        .isNotEmpty()
        .isEqualTo(source.select("table.comparisons td").eachText());
    assertThat(document.select("section.experiment")).hasSize(4);
  }

  private static boolean near(int rgb, int target) {
    int dr = Math.abs(((rgb >> 16) & 0xFF) - ((target >> 16) & 0xFF));
    int dg = Math.abs(((rgb >> 8) & 0xFF) - ((target >> 8) & 0xFF));
    int db = Math.abs((rgb & 0xFF) - (target & 0xFF));
    return dr + dg + db <= 24;
  }
}
