package io.github.trustregion.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.trustregion.framework.result.ResultFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCliCalibrateTest {

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final GateCli cli =
      new GateCli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          Map.<String, String>of()::get);
  private Path run;

  /** 40 repeats, TR − SGD varying by repeat; e3-weakened holds TR-weak on the seeds of 20-39. */
  @BeforeEach
  void writeRun() {
    RunFixture.Accuracy accuracy =
        (method, batchSize, repeat) ->
            RunFixture.paperMean(method, batchSize)
                + 0.004 * Math.sin(7.0 * repeat + method.length() + batchSize);
    ResultFiles files = RunFixture.write(temp.resolve("run"), "ci", 40, accuracy);
    RunFixture.writeOnSeeds(
        files,
        "e3-weakened",
        List.of("TR-weak"),
        20,
        20,
        (method, batchSize, repeat) -> accuracy.of("TR", batchSize, repeat + 20) - 0.05);
    run = files.root();
  }

  private int calibrate(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "calibrate",
                "--results",
                run.toString(),
                "--experiment",
                RunFixture.EXPERIMENT,
                "--baseline-repeats",
                "0-19",
                "--draw-repeats",
                "20-39",
                "--nightly-size",
                "5",
                "--draws",
                "50"));
    args.addAll(Arrays.asList(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private int calibrateReplacing(String option, String value, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "calibrate",
                "--results",
                run.toString(),
                "--experiment",
                RunFixture.EXPERIMENT,
                "--baseline-repeats",
                "0-19",
                "--draw-repeats",
                "20-39",
                "--nightly-size",
                "5"));
    args.set(args.indexOf(option) + 1, value);
    args.addAll(Arrays.asList(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesTheTableAndTheJsonWithTheCommandAndExitsZero() throws Exception {
    Path json = temp.resolve("calibration.json");
    int code = calibrate("--inject", "TR=e3-weakened/TR-weak@20", "--json", json.toString());
    assertThat(code).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("TR=e3-weakened/TR-weak@20");
    JsonNode root = ResultFiles.mapper().readTree(json.toFile());
    assertThat(root.get("command").asText()).startsWith("ci/bin/gate calibrate --results");
    JsonNode calibration = root.get("calibration");
    assertThat(calibration.get("rows")).hasSize(4);
    assertThat(calibration.get("disjointBlocks").asInt()).isEqualTo(4);
    JsonNode injected = calibration.get("injections").get(0).get("rows");
    int trRows = 0;
    for (JsonNode row : injected) {
      if (row.get("key").get("method").asText().equals("TR")) {
        trRows++;
        assertThat(row.get("change").asDouble()).isBetween(-0.05 - 1e-9, -0.05 + 1e-9);
      }
    }
    assertThat(trRows).isEqualTo(2);
  }

  @Test
  void aRangeOutsideTheRunIsBadInput() {
    assertThat(calibrateReplacing("--draw-repeats", "20-45")).isEqualTo(3);
    assertThat(errors()).contains("--draw-repeats 20-45").contains("outside the run");
  }

  @Test
  void overlappingRangesAreBadInput() {
    assertThat(calibrateReplacing("--baseline-repeats", "0-25")).isEqualTo(3);
    assertThat(errors()).contains("--baseline-repeats 0-25").contains("overlap");
  }

  @Test
  void aBaselineOfTwoRangesOverlappingTheDrawsIsBadInput() {
    assertThat(calibrateReplacing("--baseline-repeats", "0-9,39")).isEqualTo(3);
    assertThat(errors()).contains("--baseline-repeats 0-9,39").contains("overlap");
  }

  @Test
  void aMalformedSetOfRepeatsIsBadInput() {
    assertThat(calibrateReplacing("--baseline-repeats", "0-9,x")).isEqualTo(3);
    assertThat(errors()).contains("--baseline-repeats").contains("'0-9,x' is not a set of repeats");
  }

  @Test
  void aNightlySizeLargerThanTheDrawRangeIsBadInput() {
    assertThat(calibrateReplacing("--nightly-size", "21")).isEqualTo(3);
    assertThat(errors()).contains("--nightly-size 21").contains("larger than");
  }

  @Test
  void aNightlySizeBelowTwoIsBadInput() {
    assertThat(calibrateReplacing("--nightly-size", "1")).isEqualTo(3);
    assertThat(errors()).contains("--nightly-size");
  }

  @Test
  void anInjectionOfAMissingExperimentIsBadInput() {
    assertThat(calibrate("--inject", "TR=e3-nothing/TR-weak@20")).isEqualTo(3);
    assertThat(errors()).contains("--inject TR=e3-nothing/TR-weak@20").contains("no experiment");
  }

  @Test
  void anInjectionOfAMissingLabelIsBadInput() {
    assertThat(calibrate("--inject", "TR=e3-weakened/TR-none@20")).isEqualTo(3);
    assertThat(errors()).contains("--inject TR=e3-weakened/TR-none@20").contains("no method");
  }

  @Test
  void anInjectionOnOtherSeedsIsBadInput() {
    assertThat(calibrate("--inject", "TR=e3-weakened/TR-weak@19")).isEqualTo(3);
    assertThat(errors()).contains("--inject TR=e3-weakened/TR-weak@19").contains("seed");
  }

  @Test
  void aMalformedInjectionIsBadInput() {
    assertThat(calibrate("--inject", "TR-e3-weakened")).isEqualTo(3);
    assertThat(errors()).contains("--inject");
  }

  @Test
  void theSubcommandIsListedWithItsOptions() {
    assertThat(GateCli.acceptedOptions("calibrate"))
        .contains(
            "results",
            "experiment",
            "baseline-repeats",
            "draw-repeats",
            "nightly-size",
            "draws",
            "seed",
            "alpha",
            "tolerance",
            "power",
            "metrics",
            "inject",
            "json",
            "markdown");
  }
}
