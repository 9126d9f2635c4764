package io.github.trustregion.framework.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes Allure 2 results (the JSON files Allure's command line turns into a report) for trials and
 * experiments, and attaches files to them later. Thread-safe for distinct trials.
 *
 * <p>Each trial becomes {@code <uuid>-result.json} whose uuid is derived from the experiment and
 * trial ids ({@link #trialUuid}), so rewriting a trial replaces its result and other tools can find
 * it: {@code name} and {@code testCaseId} are the trial id, {@code historyId} the trial id with the
 * scale (trends compare like with like), {@code fullName} the experiment class and trial id.
 * Labels: {@code parentSuite} "experiments (scale)", {@code suite} the experiment id, {@code
 * subSuite} the method label, {@code feature} the experiment title, {@code story} the method label,
 * {@code tag} the scale (and "diverged"), {@code testClass}, {@code framework}. Parameters: every
 * trial parameter and every method setting ({@code <label>.<key>}). Attachments: the per-epoch
 * curves as CSV, each series as CSV, and the result file itself.
 *
 * <p>Status: {@code COMPLETED} → passed; {@code DIVERGED} → skipped with the message "DIVERGED: …"
 * (as an aborted JUnit test shows in Allure; a divergence is a recorded outcome, not an error);
 * {@code FAILED} → broken with the exception.
 */
public final class AllureResultsWriter {

  private static final ObjectMapper MAPPER = ResultFiles.mapper();

  private final Path directory;

  /** Creates a writer into the Allure results directory {@code directory} (created on demand). */
  public AllureResultsWriter(Path directory) {
    this.directory = directory;
  }

  /** Returns the Allure results directory. */
  public Path directory() {
    return directory;
  }

  /** Returns the uuid of a trial's result: a name-based UUID of "experiment/trialId". */
  public static String trialUuid(String experiment, String trialId) {
    return UUID.nameUUIDFromBytes((experiment + "/" + trialId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Returns the uuid of an experiment's container: a name-based UUID of "experiment". */
  public static String experimentUuid(String experiment) {
    return UUID.nameUUIDFromBytes(("experiment:" + experiment).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Returns the file of a trial's result. */
  public Path trialResultFile(String experiment, String trialId) {
    return directory.resolve(trialUuid(experiment, trialId) + "-result.json");
  }

  /**
   * Writes (or replaces) the result of one trial, with its curves and result file attached.
   *
   * @param manifest the experiment's manifest (title, class, scale)
   * @param result the trial's result
   * @return the written file
   */
  public Path writeTrial(ExperimentManifest manifest, TrialResult result) {
    String uuid = trialUuid(result.experiment(), result.trialId());
    long stop = startMillis(result) + Math.round(result.wallSeconds() * 1000);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("uuid", uuid);
    json.put("historyId", result.trialId() + "@" + manifest.scale());
    json.put("testCaseId", result.trialId());
    json.put("name", result.trialId());
    json.put("fullName", manifest.className() + "#" + result.trialId());
    json.put(
        "description",
        manifest.title()
            + (manifest.description().isBlank() ? "" : ". " + manifest.description())
            + (result.message().isBlank() ? "" : "\n\n" + result.message()));
    json.put("status", status(result.status()));
    ObjectNode details = json.putObject("statusDetails");
    if (result.status() == TrialStatus.DIVERGED) {
      details.put("message", "DIVERGED: " + result.message());
    } else if (result.status() == TrialStatus.FAILED) {
      details.put("message", result.message());
    }
    json.put("stage", "finished");
    json.put("start", startMillis(result));
    json.put("stop", stop);
    String method = result.parameters().getOrDefault("method", result.trialId());
    ArrayNode labels = json.putArray("labels");
    label(labels, "parentSuite", "experiments (" + manifest.scale() + ")");
    label(labels, "suite", manifest.experiment());
    label(labels, "subSuite", method);
    label(labels, "feature", manifest.title());
    label(labels, "story", method);
    label(labels, "tag", manifest.scale());
    if (result.status() == TrialStatus.DIVERGED) {
      label(labels, "tag", "diverged");
    }
    label(labels, "testClass", manifest.className());
    label(labels, "package", manifest.className());
    label(labels, "framework", "trust-region-experiments");
    ArrayNode parameters = json.putArray("parameters");
    result.parameters().forEach((k, v) -> parameter(parameters, k, v));
    result
        .methodSettings()
        .forEach(
            (label, settings) ->
                settings.forEach((k, v) -> parameter(parameters, label + "." + k, v)));
    ArrayNode attachments = json.putArray("attachments");
    if (!result.epochs().isEmpty()) {
      add(
          attachments,
          write(
              uuid + "-epochs-attachment.csv",
              "epochs.csv",
              "text/csv",
              EpochCsv.epochs(result.epochs()).getBytes(StandardCharsets.UTF_8)));
    }
    for (Map.Entry<String, Series> series : result.series().entrySet()) {
      add(
          attachments,
          write(
              uuid
                  + "-series-"
                  + series.getKey().replaceAll("[^A-Za-z0-9._-]", "_")
                  + "-attachment.csv",
              series.getKey() + ".csv",
              "text/csv",
              EpochCsv.series(series.getValue()).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      add(
          attachments,
          write(
              uuid + "-result-attachment.json",
              "result.json",
              "application/json",
              MAPPER.writeValueAsBytes(result)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize the result of " + result.trialId() + ".", e);
    }
    json.putArray("links");
    json.putArray("steps");
    Path file = directory.resolve(uuid + "-result.json");
    ResultFiles.writeAtomically(file, json);
    return file;
  }

  /**
   * Writes (or replaces) an experiment's container, which groups its trials in the report.
   *
   * @param manifest the experiment's manifest
   * @return the written file
   */
  public Path writeExperiment(ExperimentManifest manifest) {
    String uuid = experimentUuid(manifest.experiment());
    Path file = directory.resolve(uuid + "-container.json");
    ObjectNode json =
        Files.isRegularFile(file) ? (ObjectNode) readTree(file) : MAPPER.createObjectNode();
    json.put("uuid", uuid);
    json.put("name", manifest.experiment());
    ArrayNode children = json.putArray("children");
    manifest.trials().forEach(t -> children.add(trialUuid(manifest.experiment(), t.trialId())));
    if (!json.has("befores")) {
      json.putArray("befores");
    }
    if (!json.has("afters")) {
      json.putArray("afters");
    }
    ResultFiles.writeAtomically(file, json);
    return file;
  }

  /**
   * Writes a file into the results directory as {@code <random uuid>-attachment.<extension>} and
   * returns the entry that refers to it.
   */
  public AllureAttachment attach(String name, String mimeType, String extension, byte[] content) {
    return write(UUID.randomUUID() + "-attachment." + extension, name, mimeType, content);
  }

  private AllureAttachment write(String source, String name, String mimeType, byte[] content) {
    try {
      Files.createDirectories(directory);
      Files.write(directory.resolve(source), content);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the Allure attachment " + source + " into " + directory + ".", e);
    }
    return new AllureAttachment(name, source, mimeType);
  }

  /**
   * Attaches a file to a trial's existing result (for charts rendered later).
   *
   * @throws IllegalStateException naming the file when the trial has no Allure result
   */
  public AllureAttachment attachToTrial(
      String experiment,
      String trialId,
      String name,
      String mimeType,
      String extension,
      byte[] content) {
    Path file = trialResultFile(experiment, trialId);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No Allure result for trial "
              + trialId
              + " of "
              + experiment
              + " at "
              + file
              + "; write the trial's result first.");
    }
    AllureAttachment attachment = attach(name, mimeType, extension, content);
    ObjectNode json = (ObjectNode) readTree(file);
    ArrayNode attachments =
        json.has("attachments")
            ? (ArrayNode) json.get("attachments")
            : json.putArray("attachments");
    add(attachments, attachment);
    ResultFiles.writeAtomically(file, json);
    return attachment;
  }

  /**
   * Attaches a file to an experiment (its container, shown with every trial of the experiment as a
   * set-up fixture named {@code name}), such as the comparison of its methods.
   *
   * @throws IllegalStateException naming the file when the experiment has no container yet
   */
  public AllureAttachment attachToExperiment(
      String experiment, String name, String mimeType, String extension, byte[] content) {
    Path file = directory.resolve(experimentUuid(experiment) + "-container.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No Allure container for experiment "
              + experiment
              + " at "
              + file
              + "; write the experiment first.");
    }
    AllureAttachment attachment = attach(name, mimeType, extension, content);
    ObjectNode json = (ObjectNode) readTree(file);
    ArrayNode befores =
        json.has("befores") ? (ArrayNode) json.get("befores") : json.putArray("befores");
    ObjectNode fixture = befores.addObject();
    fixture.put("name", name);
    fixture.put("status", "passed");
    fixture.put("stage", "finished");
    add(fixture.putArray("attachments"), attachment);
    ResultFiles.writeAtomically(file, json);
    return attachment;
  }

  private static long startMillis(TrialResult result) {
    String startedAt = result.environment().get("startedAt");
    try {
      return startedAt == null
          ? System.currentTimeMillis()
          : Instant.parse(startedAt).toEpochMilli();
    } catch (DateTimeParseException e) {
      return System.currentTimeMillis();
    }
  }

  private static String status(TrialStatus status) {
    return switch (status) {
      case COMPLETED -> "passed";
      case DIVERGED -> "skipped";
      case FAILED -> "broken";
    };
  }

  private static void label(ArrayNode labels, String name, String value) {
    labels.addObject().put("name", name).put("value", value);
  }

  private static void parameter(ArrayNode parameters, String name, String value) {
    parameters.addObject().put("name", name).put("value", value);
  }

  private static void add(ArrayNode attachments, AllureAttachment attachment) {
    attachments
        .addObject()
        .put("name", attachment.name())
        .put("source", attachment.source())
        .put("type", attachment.type());
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Allure file " + file + ".", e);
    }
  }

  /** Returns the attachments of a trial's Allure result, for tests and tools. */
  public List<AllureAttachment> attachmentsOf(String experiment, String trialId) {
    com.fasterxml.jackson.databind.JsonNode json = readTree(trialResultFile(experiment, trialId));
    List<AllureAttachment> list = new java.util.ArrayList<>();
    json.path("attachments")
        .forEach(
            a ->
                list.add(
                    new AllureAttachment(
                        a.path("name").asText(),
                        a.path("source").asText(),
                        a.path("type").asText())));
    return list;
  }
}
