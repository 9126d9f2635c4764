package io.github.trustregion.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The step-cost breakdown's command line: its help, and usage errors before anything is measured.
 */
class StepCostBreakdownTest {

  private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBuffer, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);

  @Test
  void helpPrintsTheUsageWithEveryArgumentOnStandardOutputAndExitsZero() {
    for (String help : new String[] {"--help", "-h"}) {
      assertThat(StepCostBreakdown.run(new String[] {help}, out, err)).as(help).isZero();
    }
    assertThat(outBuffer.toString(StandardCharsets.UTF_8))
        .contains("MODEL", "WARM-UP", "STEPS", "--help");
    assertThat(errBuffer.size()).isZero();
  }

  @Test
  void exitsWithTwoNamingTheArgumentAndTheValueWhenACountIsBad() {
    String[][] calls = {{"mlp", "x"}, {"mlp", "-1"}, {"mlp", "30", "0"}, {"mlp", "30", "many"}};
    String[] named = {"WARM-UP", "WARM-UP", "STEPS", "STEPS"};
    for (int i = 0; i < calls.length; i++) {
      errBuffer.reset();
      String[] call = calls[i];

      assertThat(StepCostBreakdown.run(call, out, err)).as(String.join(" ", call)).isEqualTo(2);
      assertThat(firstErrorLine())
          .as(String.join(" ", call))
          .contains(named[i])
          .contains("'" + call[call.length - 1] + "'");
    }
    assertThat(outBuffer.size()).isZero();
  }

  @Test
  void exitsWithTwoOnAnUnknownModelOrOptionOrNoModel() {
    assertThat(StepCostBreakdown.run(new String[] {"resnet"}, out, err)).isEqualTo(2);
    assertThat(firstErrorLine()).contains("'resnet'");
    errBuffer.reset();
    assertThat(StepCostBreakdown.run(new String[] {"mlp", "--steps", "10"}, out, err)).isEqualTo(2);
    assertThat(firstErrorLine()).contains("--steps");
    errBuffer.reset();
    assertThat(StepCostBreakdown.run(new String[] {}, out, err)).isEqualTo(2);
    assertThat(firstErrorLine()).contains("MODEL");
    assertThat(outBuffer.size()).isZero();
  }

  private String firstErrorLine() {
    return errBuffer.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
  }
}
