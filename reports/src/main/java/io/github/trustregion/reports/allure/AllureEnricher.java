package io.github.trustregion.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trustregion.framework.allure.AllureResultsWriter;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.analysis.Analyzer;
import io.github.trustregion.reports.analysis.ExperimentSummary;
import io.github.trustregion.reports.analysis.TrialProblem;
import io.github.trustregion.reports.html.ExperimentCharts;
import io.github.trustregion.reports.html.HtmlReport;
import io.github.trustregion.reports.html.NamedChart;
import io.github.trustregion.reports.html.ReportWriter;
import io.github.trustregion.reports.html.TrialCharts;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.load.ResultsLoader;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the report's content to an Allure results directory the harness wrote.
 *
 * <p><b>Matching a trial to its Allure result:</b> the harness names a trial's result {@code
 * <AllureResultsWriter.trialUuid(experiment, trialId)>-result.json}, with {@code testCaseId} =
 * trial id and label {@code suite} = experiment id; the enricher looks for that file first, then
 * for any result whose {@code testCaseId} is the trial id and whose {@code suite} label is the
 * experiment. A trial file without an Allure result gets one written by the harness's own {@link
 * AllureResultsWriter}; a planned trial without a result file gets a {@code broken} result
 * "MISSING" under the same uuid (replaced if the trial runs later).
 *
 * <p><b>What is added:</b> to each trial's result, its SVG charts ({@link TrialCharts.forTrial});
 * per experiment, one result named "comparisons: &lt;experiment&gt;" (uuid and {@code historyId}
 * stable, so Allure's history tracks it across nights) with the comparison table as HTML and CSV
 * and the experiment's SVG figures attached, {@code broken} when trials are diverged, failed or
 * missing (listed in its message). Attachments have name-derived file names and are added once:
 * enriching twice changes nothing.
 */
public final class AllureEnricher {

  private static final Logger LOG = LoggerFactory.getLogger(AllureEnricher.class);
  private static final ObjectMapper MAPPER = ResultFiles.mapper();

  private final ComparisonSettings settings;

  /** Creates an enricher whose comparisons use {@code settings}. */
  public AllureEnricher(ComparisonSettings settings) {
    this.settings = settings;
  }

  /**
   * What an enrichment did.
   *
   * @param enriched trial results that received charts
   * @param writtenForTrials trial results written because the harness had written none
   * @param missing results written for planned trials without a result file
   * @param experiments per-experiment comparison results written
   * @param attachments attachment files written
   */
  public record Outcome(
      int enriched, int writtenForTrials, int missing, int experiments, int attachments) {}

  /**
   * Enriches {@code allureResults} from the experiment results in {@code experimentResults}.
   *
   * @throws io.github.trustregion.reports.load.ReportInputException naming the file when a result
   *     file is corrupt or incomplete
   */
  public Outcome enrich(Path experimentResults, Path allureResults) {
    return enrich(experimentResults, allureResults, Optional.empty());
  }

  /**
   * Enriches like {@link #enrich(Path, Path)} and describes the run to Allure ({@link
   * AllureRunDescription}: environment, executor, categories), naming {@code commit} as the commit
   * the trials ran at when given.
   *
   * @throws io.github.trustregion.reports.load.ReportInputException naming the file when a result
   *     file is corrupt or incomplete
   */
  public Outcome enrich(Path experimentResults, Path allureResults, Optional<String> commit) {
    List<LoadedExperiment> experiments = ResultsLoader.load(experimentResults);
    AllureResultsWriter harnessWriter = new AllureResultsWriter(allureResults);
    Map<String, Path> byTestCase = indexByTestCase(allureResults);
    Analyzer analyzer = new Analyzer(settings);
    int enriched = 0;
    int written = 0;
    int missing = 0;
    int[] attachments = {0};
    for (LoadedExperiment experiment : experiments) {
      for (TrialResult trial : experiment.trials()) {
        Optional<Path> file = find(allureResults, byTestCase, experiment.id(), trial.trialId());
        if (file.isEmpty()) {
          file = Optional.of(harnessWriter.writeTrial(experiment.manifest(), trial));
          written++;
        }
        ObjectNode json = read(file.get());
        String uuid =
            json.path("uuid")
                .asText(file.get().getFileName().toString().replace("-result.json", ""));
        for (NamedChart chart : TrialCharts.forTrial(trial)) {
          if (attach(
              allureResults,
              json,
              uuid,
              chart.title() + ".svg",
              "image/svg+xml",
              "svg",
              chart.svg().getBytes(StandardCharsets.UTF_8))) {
            attachments[0]++;
          }
        }
        ResultFiles.writeAtomically(file.get(), json);
        enriched++;
      }
      Map<String, Map<String, String>> planned =
          ResultsLoader.plannedParameters(experiment.manifest());
      for (String id : experiment.missing()) {
        writeMissing(allureResults, experiment, id, planned.get(id));
        missing++;
      }
      ExperimentSummary summary = analyzer.analyze(experiment);
      writeExperimentResult(
          allureResults,
          experiment,
          summary,
          ExperimentCharts.forExperiment(experiment, summary),
          attachments);
    }
    new AllureRunDescription(System::getenv).write(allureResults, experiments, commit);
    LOG.info(
        "Allure results in {}: {} trials enriched ({} written anew), {} missing, {} experiments, {} attachments",
        allureResults,
        enriched,
        written,
        missing,
        experiments.size(),
        attachments[0]);
    return new Outcome(enriched, written, missing, experiments.size(), attachments[0]);
  }

  /** Returns the uuid of an experiment's comparison result. */
  public static String comparisonUuid(String experiment) {
    return UUID.nameUUIDFromBytes(("comparisons:" + experiment).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static Optional<Path> find(
      Path dir, Map<String, Path> byTestCase, String experiment, String trialId) {
    Path direct = dir.resolve(AllureResultsWriter.trialUuid(experiment, trialId) + "-result.json");
    if (Files.isRegularFile(direct)) {
      return Optional.of(direct);
    }
    return Optional.ofNullable(byTestCase.get(experiment + "\u0000" + trialId));
  }

  /** Indexes existing results by (suite label, testCaseId). */
  private static Map<String, Path> indexByTestCase(Path dir) {
    Map<String, Path> index = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return index;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList()) {
        JsonNode json = read(f);
        String suite = null;
        for (JsonNode label : json.path("labels")) {
          if ("suite".equals(label.path("name").asText())) {
            suite = label.path("value").asText();
          }
        }
        if (suite != null && json.hasNonNull("testCaseId")) {
          index.putIfAbsent(suite + "\u0000" + json.get("testCaseId").asText(), f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Allure results directory " + dir + ".", e);
    }
    return index;
  }

  private void writeMissing(
      Path dir, LoadedExperiment experiment, String trialId, Map<String, String> parameters) {
    String uuid = AllureResultsWriter.trialUuid(experiment.id(), trialId);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("uuid", uuid);
    json.put("historyId", trialId + "@" + experiment.manifest().scale());
    json.put("testCaseId", trialId);
    json.put("name", trialId);
    json.put("fullName", experiment.manifest().className() + "#" + trialId);
    json.put("status", "broken");
    json.putObject("statusDetails")
        .put(
            "message",
            "MISSING: planned in "
                + experiment.directory().resolve(ResultFiles.MANIFEST)
                + " but no result file exists");
    json.put("stage", "finished");
    long now = System.currentTimeMillis();
    json.put("start", now);
    json.put("stop", now);
    ArrayNode labels = json.putArray("labels");
    labels
        .addObject()
        .put("name", "parentSuite")
        .put("value", "experiments (" + experiment.manifest().scale() + ")");
    labels.addObject().put("name", "suite").put("value", experiment.id());
    labels
        .addObject()
        .put("name", "subSuite")
        .put("value", parameters == null ? "" : parameters.getOrDefault("method", ""));
    labels.addObject().put("name", "tag").put("value", "missing");
    ArrayNode params = json.putArray("parameters");
    if (parameters != null) {
      parameters.forEach((k, v) -> params.addObject().put("name", k).put("value", v));
    }
    json.putArray("attachments");
    json.putArray("steps");
    ResultFiles.writeAtomically(dir.resolve(uuid + "-result.json"), json);
  }

  private void writeExperimentResult(
      Path dir,
      LoadedExperiment experiment,
      ExperimentSummary summary,
      List<NamedChart> charts,
      int[] attachments) {
    String uuid = comparisonUuid(experiment.id());
    Path file = dir.resolve(uuid + "-result.json");
    ObjectNode json = Files.isRegularFile(file) ? read(file) : MAPPER.createObjectNode();
    json.put("uuid", uuid);
    json.put("historyId", "comparisons:" + experiment.id() + "@" + experiment.manifest().scale());
    json.put("testCaseId", "comparisons:" + experiment.id());
    json.put("name", "comparisons: " + experiment.id());
    json.put("fullName", experiment.manifest().className() + "#comparisons");
    json.put(
        "description",
        summary.comparisons().size()
            + " comparisons of methods, Holm-adjusted; "
            + summary.completed()
            + " of "
            + summary.planned()
            + " trials completed.");
    List<TrialProblem> problems = summary.problems();
    json.put("status", problems.isEmpty() ? "passed" : "broken");
    ObjectNode details = json.putObject("statusDetails");
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder("Not counted: ");
      problems.forEach(
          p -> message.append(p.trialId()).append(" (").append(p.status()).append(") "));
      details.put("message", message.toString().trim());
    }
    json.put("stage", "finished");
    long now = System.currentTimeMillis();
    json.put("start", now);
    json.put("stop", now);
    ArrayNode labels = json.putArray("labels");
    labels
        .addObject()
        .put("name", "parentSuite")
        .put("value", "experiments (" + experiment.manifest().scale() + ")");
    labels.addObject().put("name", "suite").put("value", experiment.id());
    labels.addObject().put("name", "subSuite").put("value", "comparisons");
    labels.addObject().put("name", "feature").put("value", experiment.manifest().title());
    labels.addObject().put("name", "tag").put("value", experiment.manifest().scale());
    json.putArray("parameters")
        .addObject()
        .put("name", "scale")
        .put("value", experiment.manifest().scale());
    if (!json.has("attachments")) {
      json.putArray("attachments");
    }
    json.putArray("steps");
    String table =
        HtmlReport.render(
            "Comparisons: " + experiment.id(),
            experiment.directory().toString(),
            settings,
            List.of(new HtmlReport.Rendered(summary, List.of())));
    if (attach(
        dir,
        json,
        uuid,
        "comparisons.html",
        "text/html",
        "html",
        table.getBytes(StandardCharsets.UTF_8))) {
      attachments[0]++;
    }
    if (attach(
        dir,
        json,
        uuid,
        "comparisons.csv",
        "text/csv",
        "csv",
        ReportWriter.comparisonsCsv(List.of(summary)).getBytes(StandardCharsets.UTF_8))) {
      attachments[0]++;
    }
    for (NamedChart chart : charts) {
      if (attach(
          dir,
          json,
          uuid,
          chart.id() + ".svg",
          "image/svg+xml",
          "svg",
          chart.svg().getBytes(StandardCharsets.UTF_8))) {
        attachments[0]++;
      }
    }
    ResultFiles.writeAtomically(file, json);
  }

  /**
   * Writes an attachment with a file name derived from the result's uuid and the attachment's name,
   * overwriting an earlier version, and lists it once in the result's attachments.
   *
   * @return whether the attachment was new to the result
   */
  private static boolean attach(
      Path dir,
      ObjectNode json,
      String uuid,
      String name,
      String type,
      String extension,
      byte[] content) {
    String source =
        UUID.nameUUIDFromBytes((uuid + "/" + name).getBytes(StandardCharsets.UTF_8))
            + "-attachment."
            + extension;
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(source), content);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the Allure attachment " + dir.resolve(source) + ".", e);
    }
    ArrayNode attachments =
        json.has("attachments") && json.get("attachments").isArray()
            ? (ArrayNode) json.get("attachments")
            : json.putArray("attachments");
    for (JsonNode a : attachments) {
      if (source.equals(a.path("source").asText())) {
        return false;
      }
    }
    attachments.addObject().put("name", name).put("source", source).put("type", type);
    return true;
  }

  private static ObjectNode read(Path file) {
    try {
      JsonNode node = MAPPER.readTree(file.toFile());
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalStateException(
            "The Allure result " + file + " is not a JSON object; delete it and rerun.");
      }
      return object;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The Allure result "
              + file
              + " cannot be read ("
              + e.getMessage()
              + "); delete it and rerun the experiment to rewrite it.",
          e);
    }
  }
}
