package io.github.trustregion.ci.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.ci.run.RunConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the baselines kept in ci/baselines: valid, at ci scale, self-consistent, for real experiments,
 * recording what they were computed on.
 */
class CommittedBaselinesTest {

  private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

  @Test
  void everyCommittedBaselineIsAConsistentCiScaleBaselineOfADeclaredExperiment() throws Exception {
    List<Baseline> baselines = new BaselineFiles(MODULE.resolve("baselines")).readAll();
    String experimentSources;
    try (Stream<Path> files = Files.walk(MODULE.resolveSibling("benchmarks").resolve("src/main/java"))) {
      StringBuilder text = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        text.append(Files.readString(file));
      }
      experimentSources = text.toString();
    }

    assertThat(baselines).isNotEmpty();
    for (Baseline baseline : baselines) {
      assertThat(baseline.scale()).as(baseline.experiment()).isEqualTo("ci");
      assertThat(baseline.provenance().commit()).as(baseline.experiment()).matches("[0-9a-f]{40}");
      assertThat(baseline.provenance().scale()).isEqualTo("ci");
      assertThat(baseline.provenance().command()).isNotBlank();
      RunConfiguration configuration = baseline.configuration();
      assertThat(configuration).as(baseline.experiment() + " records what it was computed on").isNotNull();
      assertThat(configuration.comparedValues()).as(baseline.experiment()).doesNotContainValue(null);
      assertThat(configuration.runIds()).as(baseline.experiment()).isNotEmpty();
      assertThat(configuration.plannedBatches().stream().map(RunConfiguration.PlannedBatch::batchSize))
          .as("the planned batch sizes of " + baseline.experiment())
          .containsAll(baseline.comparisons().stream().map(c -> c.setting().get("batchSize")).distinct().toList());
      assertThat(experimentSources).as("an @Experiment with id " + baseline.experiment())
          .contains("id = \"" + baseline.experiment() + "\"");
      for (BaselineComparison c : baseline.comparisons()) {
        double mean = c.repeatGaps().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(c.gap()).as(c.key(baseline.experiment()).toString()).isCloseTo(mean, within(1e-12));
        assertThat(c.methodMean() - c.referenceMean()).isCloseTo(c.gap(), within(1e-12));
        assertThat(c.gap()).isBetween(c.ciLow(), c.ciHigh());
        assertThat(c.tolerance()).isBetween(0.0, 0.2);
      }
    }
  }
}
