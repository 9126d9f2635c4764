package io.github.trustregion.framework.result;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and writes the result files of a results directory (layout in {@code package-info}).
 *
 * <p>Writes are atomic: a file is written beside its target and moved into place, so a killed run
 * leaves either the old file, the new one, or none, never half of one. Thread-safe.
 */
public final class ResultFiles {

  /** The file that holds an experiment's plan. */
  public static final String MANIFEST = "manifest.json";

  /** The directory, inside an experiment's, that holds one file per trial that ran. */
  public static final String TRIALS = "trials";

  /** The directory, inside an experiment's, that holds saved networks. */
  public static final String MODELS = "models";

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private final Path root;

  /** Creates an accessor for the results directory {@code root} (created on first write). */
  public ResultFiles(Path root) {
    this.root = root;
  }

  /** Returns the results directory. */
  public Path root() {
    return root;
  }

  /** Returns the directory of one experiment. */
  public Path experimentDirectory(String experiment) {
    return root.resolve(experiment);
  }

  /** Returns the file that holds (or will hold) one trial's result. */
  public Path trialFile(String experiment, String trialId) {
    return experimentDirectory(experiment).resolve(TRIALS).resolve(trialId + ".json");
  }

  /**
   * Returns the directory for an experiment's saved networks; it is created when the first network
   * is written (with {@link AtomicFiles}), so that asking where a network would be creates nothing.
   */
  public Path modelDirectory(String experiment) {
    return experimentDirectory(experiment).resolve(MODELS);
  }

  /** Writes an experiment's manifest atomically. */
  public void writeManifest(ExperimentManifest manifest) {
    writeAtomically(experimentDirectory(manifest.experiment()).resolve(MANIFEST), manifest);
  }

  /** Writes one trial's result atomically. */
  public void writeTrial(TrialResult result) {
    writeAtomically(trialFile(result.experiment(), result.trialId()), result);
  }

  /**
   * Returns whether a result file exists for this trial, whatever its status or content; whether
   * the trial is finished (its result kept by a run) is decided by {@code
   * io.github.trustregion.framework.run.ResumeCheck}.
   */
  public boolean hasTrialFile(String experiment, String trialId) {
    return Files.isRegularFile(trialFile(experiment, trialId));
  }

  /** Reads an experiment's manifest; throws naming the file when it is absent or corrupt. */
  public ExperimentManifest readManifest(String experiment) {
    return read(experimentDirectory(experiment).resolve(MANIFEST), ExperimentManifest.class);
  }

  /** Reads one trial's result if it exists. */
  public Optional<TrialResult> readTrial(String experiment, String trialId) {
    Path file = trialFile(experiment, trialId);
    return Files.isRegularFile(file)
        ? Optional.of(read(file, TrialResult.class))
        : Optional.empty();
  }

  /** Reads every trial file of an experiment, in file-name order. */
  public List<TrialResult> readTrials(String experiment) {
    Path directory = experimentDirectory(experiment).resolve(TRIALS);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<TrialResult> results = new ArrayList<>();
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        results.add(read(file, TrialResult.class));
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the trial files in " + directory + ".", e);
    }
  }

  /** Returns the ids of the experiments that have a manifest, sorted. */
  public List<String> experiments() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(d -> Files.isRegularFile(d.resolve(MANIFEST)))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the results directory " + root + ".", e);
    }
  }

  /** Returns the JSON mapper used for result files, for callers that write related JSON. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads a JSON file into {@code type}.
   *
   * @throws ResultFileException naming the file when it is missing, unreadable or corrupt
   */
  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new ResultFileException(
          "The result file "
              + file
              + " is corrupt or incomplete: "
              + describe(e, "a " + type.getSimpleName())
              + ". Delete it and run the experiment again to recompute it.",
          e);
    } catch (IOException e) {
      throw new ResultFileException(
          "Cannot read the result file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Describes in words why a file could not be read as {@code what} (such as "a trial result"),
   * without the parser's class or option names.
   */
  static String describe(IOException e, String what) {
    if (e instanceof JsonEOFException) {
      return "it ends in the middle of its JSON (truncated, for example by a killed copy)";
    }
    if (e instanceof JsonParseException parse) {
      var at = parse.getLocation();
      return "it is not valid JSON"
          + (at == null
              ? ""
              : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "it is JSON but not "
          + what
          + " (it has the field '"
          + unknown.getPropertyName()
          + "', which "
          + what
          + " does not have)";
    }
    if (e instanceof MismatchedInputException mismatch) {
      String field =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(java.util.stream.Collectors.joining("."));
      return "it is JSON but not "
          + what
          + (field.isEmpty()
              ? ""
              : " (the field '" + field + "' is missing or has the wrong type)");
    }
    if (e instanceof JsonProcessingException) {
      return "it is JSON but not " + what;
    }
    return "it cannot be read (" + e.getMessage() + ")";
  }

  /** Writes {@code value} as JSON to {@code target} atomically (with {@link AtomicFiles}). */
  public static void writeAtomically(Path target, Object value) {
    try {
      AtomicFiles.write(target, file -> MAPPER.writeValue(file.toFile(), value));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the result file " + target + ".", e);
    }
  }
}
