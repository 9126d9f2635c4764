package io.github.trustregion.framework.cli;

import io.github.trustregion.framework.fixtures.ResumeExperiment;
import io.github.trustregion.framework.result.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command-line runs of {@link ResumeExperiment} in child JVMs, for tests that kill or race them.
 */
final class ChildRuns {

  private ChildRuns() {}

  /**
   * Starts {@code ExperimentsCli} at smoke scale on {@link ResumeExperiment}, output to {@code
   * log}.
   */
  static Process start(Path results, Path log) throws IOException {
    return start(results, log, ResumeExperiment.class);
  }

  /** Starts {@code ExperimentsCli} at smoke scale on {@code experiment}, output to {@code log}. */
  static Process start(Path results, Path log, Class<?> experiment) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            ExperimentsCli.class.getName(),
            "--scale",
            "smoke",
            "--results",
            results.toString(),
            experiment.getName());
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  /** Returns the finished trial files, sorted (a write in progress is a hidden temporary file). */
  static List<Path> trialFiles(Path results) throws IOException {
    return trialFiles(results, "resume");
  }

  /** Returns the finished trial files of an experiment, sorted. */
  static List<Path> trialFiles(Path results, String experimentId) throws IOException {
    Path trials = results.resolve(experimentId).resolve(ResultFiles.TRIALS);
    if (!Files.isDirectory(trials)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(trials)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }
}
