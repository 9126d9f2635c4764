package io.github.trustregion.ci.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.framework.result.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads and writes the baseline directory: one pretty-printed {@code <experiment>.json} per
 * experiment. Reading validates each file and names it in every error; writing is atomic.
 */
public final class BaselineFiles {

  private final Path directory;

  /** Creates an accessor for the baseline directory (e.g. {@code ci/baselines}). */
  public BaselineFiles(Path directory) {
    this.directory = directory;
  }

  /** Returns the baseline directory. */
  public Path directory() {
    return directory;
  }

  /** Returns the file that holds (or will hold) one experiment's baseline. */
  public Path file(String experiment) {
    return directory.resolve(experiment + ".json");
  }

  /**
   * Reads every baseline in the directory, sorted by experiment.
   *
   * @throws GateInputException when the directory is absent or a file is corrupt or inconsistent
   */
  public List<Baseline> readAll() {
    if (!Files.isDirectory(directory)) {
      throw new GateInputException(
          "The baseline directory "
              + directory
              + " does not exist. Pass --baselines with the directory that "
              + "holds <experiment>.json files (ci/baselines in the repository), or create them with 'bless'.");
    }
    List<Baseline> baselines = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        baselines.add(read(file));
      }
    } catch (IOException e) {
      throw new GateInputException(
          "Cannot list the baseline directory " + directory + ": " + e.getMessage(), e);
    }
    return baselines;
  }

  /** Reads and validates one baseline file. */
  public static Baseline read(Path file) {
    Baseline baseline;
    try {
      baseline = ResultFiles.mapper().readValue(file.toFile(), Baseline.class);
    } catch (JsonProcessingException e) {
      throw new GateInputException(
          "The baseline file "
              + file
              + " is not a valid baseline ("
              + e.getOriginalMessage()
              + "). Fix it by hand or write it again with 'bless'.",
          e);
    } catch (IOException e) {
      throw new GateInputException(
          "Cannot read the baseline file " + file + ": " + e.getMessage(), e);
    }
    validate(file, baseline);
    return baseline;
  }

  /** Writes one experiment's baseline to {@code <directory>/<experiment>.json}, atomically. */
  public Path write(Baseline baseline) {
    Path file = file(baseline.experiment());
    ResultFiles.writeAtomically(file, baseline);
    return file;
  }

  private static void validate(Path file, Baseline baseline) {
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    List<String> problems = new ArrayList<>();
    if (baseline.schemaVersion() != Baseline.SCHEMA_VERSION) {
      problems.add(
          "schemaVersion is "
              + baseline.schemaVersion()
              + " but this gate reads "
              + Baseline.SCHEMA_VERSION);
    }
    if (!stem.equals(baseline.experiment())) {
      problems.add(
          "experiment is '" + baseline.experiment() + "' but the file is named " + stem + ".json");
    }
    if (baseline.scale() == null || baseline.scale().isBlank()) {
      problems.add("scale is missing");
    }
    if (baseline.comparisons() == null || baseline.comparisons().isEmpty()) {
      problems.add("it has no comparisons");
    } else {
      for (int i = 0; i < baseline.comparisons().size(); i++) {
        BaselineComparison c = baseline.comparisons().get(i);
        String where = "comparisons[" + i + "]";
        if (c.metric() == null
            || c.method() == null
            || c.reference() == null
            || c.setting() == null) {
          problems.add(where + " lacks metric, setting, method or reference");
          continue;
        }
        if (c.repeatGaps() == null || c.repeatGaps().size() < 2) {
          problems.add(
              where + " has fewer than 2 repeatGaps; the gate's Welch test needs at least 2");
        } else if (c.repeatGaps().size() != c.n()) {
          problems.add(
              where + " has n = " + c.n() + " but " + c.repeatGaps().size() + " repeatGaps");
        } else if (c.repeatGaps().stream().anyMatch(g -> g == null || !Double.isFinite(g))) {
          problems.add(where + " has a repeatGap that is not a finite number");
        }
        if (!(c.tolerance() >= 0) || !Double.isFinite(c.tolerance())) {
          problems.add(
              where + " has tolerance " + c.tolerance() + "; it must be a finite number ≥ 0");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new GateInputException(
          "The baseline file "
              + file
              + " is inconsistent: "
              + String.join("; ", problems)
              + ". Fix it by hand or write it again with 'bless'.");
    }
  }
}
