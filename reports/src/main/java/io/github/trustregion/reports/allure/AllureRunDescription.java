package io.github.trustregion.reports.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.load.LoadedExperiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The three files by which Allure describes a run besides its results: {@code
 * environment.properties} (what the trials ran on), {@code executor.json} (which CI build ran them,
 * so that trends line up build by build) and {@code categories.json} (how failures are grouped).
 *
 * <p>The environment is read from the trial result files: ND4J backend, device (the processor
 * model, or the GPU's name where a trial records one), data type, oneDNN helpers, Java, operating
 * system, cores and scale; a value that differs between trials lists every value seen. The commit
 * comes from the caller or, in GitHub Actions, from {@code GITHUB_SHA}. The executor is GitHub
 * Actions' build when its variables are set ({@code GITHUB_RUN_NUMBER}, {@code GITHUB_RUN_ID},
 * {@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY}, {@code GITHUB_WORKFLOW}), else a local
 * executor without build order. The categories are fixed: gate regressions, diverged trials,
 * missing trials, data problems, failed trials, incomplete gate rows — matched by status and by the
 * message prefixes that the harness, this module's enricher and the gate write.
 */
public final class AllureRunDescription {

  /** The category names, in Allure's matching order (the first that matches a result wins). */
  public static final List<String> CATEGORIES =
      List.of(
          "Gate regressions",
          "Incomplete gate rows",
          "Diverged trials",
          "Missing trials",
          "Data problems",
          "Failed trials");

  private static final ObjectMapper MAPPER = ResultFiles.mapper();

  private final Function<String, String> environment;

  /**
   * Creates a description that reads CI variables from {@code environment} (e.g. {@code
   * System::getenv}).
   */
  public AllureRunDescription(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Writes {@code environment.properties}, {@code executor.json} and {@code categories.json} into
   * {@code allureResults}, replacing earlier ones.
   *
   * @param commit the commit the trials ran at, if the caller knows it
   */
  public void write(
      Path allureResults, List<LoadedExperiment> experiments, Optional<String> commit) {
    try {
      Files.createDirectories(allureResults);
      Files.writeString(
          allureResults.resolve("environment.properties"),
          properties(
              environment(
                  experiments.stream().flatMap(e -> e.trials().stream()).toList(),
                  experiments.stream().map(e -> e.manifest().scale()).toList(),
                  commit)),
          StandardCharsets.UTF_8);
      ResultFiles.writeAtomically(allureResults.resolve("executor.json"), executor());
      ResultFiles.writeAtomically(allureResults.resolve("categories.json"), categories());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the run's description into "
              + allureResults
              + " ("
              + e.getMessage()
              + "); check that the directory is writable.",
          e);
    }
  }

  /** Returns the environment entries, in the order Allure shows them. */
  Map<String, String> environment(
      List<TrialResult> trials, Collection<String> scales, Optional<String> commit) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("ND4J backend", values(trials, t -> t.environment().get("backend")));
    entries.put(
        "Device",
        values(trials, t -> t.environment().getOrDefault("gpu", t.environment().get("cpu"))));
    entries.put("Data type", values(trials, t -> t.environment().get("dataType")));
    entries.put(
        "oneDNN helpers",
        values(
            trials,
            t -> {
              String layers = t.environment().get("oneDnnLayers");
              if (layers == null) {
                return null;
              }
              return "0".equals(layers) ? "off" : "on (" + layers + " layers)";
            }));
    entries.put("Java", values(trials, t -> t.environment().get("javaVersion")));
    entries.put("OS", values(trials, t -> t.environment().get("os")));
    entries.put("Cores", values(trials, t -> t.environment().get("processors")));
    entries.put("Scale", String.join(", ", new TreeSet<>(scales)));
    commit
        .or(() -> Optional.ofNullable(environment.apply("GITHUB_SHA")))
        .filter(c -> !c.isBlank())
        .ifPresent(c -> entries.put("Commit", c));
    entries.values().removeIf(String::isEmpty);
    return entries;
  }

  private static String values(List<TrialResult> trials, Function<TrialResult, String> value) {
    TreeSet<String> seen = new TreeSet<>();
    for (TrialResult trial : trials) {
      String v = value.apply(trial);
      if (v != null && !v.isBlank()) {
        seen.add(v);
      }
    }
    return String.join(", ", seen);
  }

  /**
   * Writes entries as a Java properties file, escaping as {@link java.util.Properties} reads it.
   */
  static String properties(Map<String, String> entries) {
    StringBuilder text = new StringBuilder();
    entries.forEach(
        (k, v) -> text.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
    return text.toString();
  }

  private static String escape(String text, boolean key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Returns the executor: GitHub Actions' build when its variables are set, else a local one. */
  ObjectNode executor() {
    ObjectNode json = MAPPER.createObjectNode();
    String runNumber = environment.apply("GITHUB_RUN_NUMBER");
    if (runNumber == null || runNumber.isBlank()) {
      json.put("name", "local");
      json.put("type", "local");
      json.put("buildName", "local run");
      return json;
    }
    String workflow = Optional.ofNullable(environment.apply("GITHUB_WORKFLOW")).orElse("workflow");
    json.put("name", "GitHub Actions");
    json.put("type", "github");
    json.put("buildName", workflow + " #" + runNumber);
    json.put("buildOrder", Long.parseLong(runNumber.strip()));
    String server = environment.apply("GITHUB_SERVER_URL");
    String repository = environment.apply("GITHUB_REPOSITORY");
    String runId = environment.apply("GITHUB_RUN_ID");
    if (server != null && repository != null && runId != null) {
      json.put("buildUrl", server + "/" + repository + "/actions/runs/" + runId);
      json.put("reportUrl", server + "/" + repository + "/actions/runs/" + runId + "#artifacts");
    }
    return json;
  }

  /** Returns the categories, matched in order. */
  static ArrayNode categories() {
    ArrayNode array = MAPPER.createArrayNode();
    category(array, CATEGORIES.get(0), "(?s)REGRESSION:.*", "failed");
    category(array, CATEGORIES.get(1), "(?s)INCOMPLETE:.*", "broken");
    category(array, CATEGORIES.get(2), "(?s)DIVERGED:.*", "skipped");
    category(array, CATEGORIES.get(3), "(?s)MISSING:.*", "broken");
    category(
        array,
        CATEGORIES.get(4),
        "(?s).*(DatasetFileException|data set|dataset|cannot be downloaded|Cannot read the data).*",
        "broken");
    category(array, CATEGORIES.get(5), "(?s).*", "broken");
    return array;
  }

  private static void category(ArrayNode array, String name, String messageRegex, String status) {
    ObjectNode category = array.addObject();
    category.put("name", name);
    category.putArray("matchedStatuses").add(status);
    category.put("messageRegex", messageRegex);
  }
}
