package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialClaimTest {

  @TempDir Path results;

  @Test
  void aClaimIsHeldUntilClosedAndThenFreeAgain() {
    Optional<TrialClaim> first = TrialClaim.tryClaim(results, "e", "e__SGD__b32__r0");
    assertThat(first).isPresent();
    assertThat(TrialClaim.tryClaim(results, "e", "e__SGD__b32__r0")).isEmpty();
    assertThat(TrialClaim.tryClaim(results, "e", "e__SGD__b32__r1"))
        .isPresent()
        .get()
        .satisfies(TrialClaim::close);
    assertThat(TrialClaim.holder(results, "e", "e__SGD__b32__r0"))
        .get()
        .asString()
        .contains("this process");
    first.get().close();
    assertThat(TrialClaim.holder(results, "e", "e__SGD__b32__r0")).isEmpty();
    try (TrialClaim again = TrialClaim.tryClaim(results, "e", "e__SGD__b32__r0").orElseThrow()) {
      assertThat(again.file()).isEqualTo(TrialClaim.file(results, "e", "e__SGD__b32__r0"));
    }
  }

  @Test
  void aClaimOfAnotherLiveProcessIsRespectedAndTakenOverOnceThatProcessIsKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ClaimHolderMain.class.getName(),
                results.toString(),
                "e",
                "e__TR__b32__r0")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("claimed "));
      assertThat(line).as("the child claimed the trial").isNotNull();

      assertThat(TrialClaim.tryClaim(results, "e", "e__TR__b32__r0")).isEmpty();
      assertThat(TrialClaim.holder(results, "e", "e__TR__b32__r0"))
          .get()
          .asString()
          .contains("process " + holder.pid());
      // The probe of holder() must not have stolen or broken the child's claim.
      assertThat(TrialClaim.tryClaim(results, "e", "e__TR__b32__r0")).isEmpty();

      holder.destroyForcibly();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Path file = TrialClaim.file(results, "e", "e__TR__b32__r0");
      assertThat(Files.readString(file))
          .as("a killed holder leaves its claim's content")
          .contains("pid=" + holder.pid());
      assertThat(TrialClaim.holder(results, "e", "e__TR__b32__r0")).isEmpty();
      try (TrialClaim taken = TrialClaim.tryClaim(results, "e", "e__TR__b32__r0").orElseThrow()) {
        assertThat(Files.readString(file)).contains("pid=" + ProcessHandle.current().pid());
      }
      assertThat(Files.readString(file)).as("released claims are emptied").isEmpty();
    } finally {
      holder.destroyForcibly();
    }
  }
}
