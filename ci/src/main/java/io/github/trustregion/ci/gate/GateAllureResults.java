package io.github.trustregion.ci.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trustregion.ci.run.TrialProblem;
import io.github.trustregion.framework.result.ResultFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the gate's verdicts as Allure results of their own, one per gated gap, so that a night's
 * regression shows in the same Allure report as the trials and in its history.
 *
 * <p>Each row becomes a test case "gate: &lt;experiment&gt; &lt;metric&gt; &lt;pair&gt; at
 * &lt;setting&gt;" with a stable uuid and {@code historyId} (named from the comparison key, so
 * Allure's history lines the nights up): {@link Verdict#REGRESSED} → {@code failed} with the
 * message "REGRESSION: …"; {@link Verdict#NO_DATA} and {@link Verdict#NOT_TESTABLE} → {@code
 * broken} with "INCOMPLETE: …"; {@link Verdict#PASS} and {@link Verdict#WITHIN_NOISE} → {@code
 * passed}. The numbers of the gate's table (baseline and new gap, change, tolerance, p, adjusted p,
 * smallest flagged drop) are the result's parameters. When the run itself is incomplete (missing,
 * diverged or failed trials), one more result "gate: run complete" is {@code broken} with
 * "INCOMPLETE: " and the list. Writing again replaces the results of the same names.
 */
public final class GateAllureResults {

  private static final ObjectMapper MAPPER = ResultFiles.mapper();

  private GateAllureResults() {}

  /**
   * Writes one result per row of {@code result}, and one for the run's completeness, into {@code
   * allureResults}.
   */
  public static int write(GateResult result, Path allureResults) {
    long now = System.currentTimeMillis();
    int written = 0;
    for (GateRow row : result.rows()) {
      String name =
          "gate: "
              + row.key().experiment()
              + " "
              + row.key().metric()
              + " "
              + row.key().pairText()
              + " at "
              + row.key().settingText();
      ObjectNode json = base(name, now);
      switch (row.verdict()) {
        case REGRESSED ->
            status(
                json,
                "failed",
                "REGRESSION: the gap "
                    + row.key().pairText()
                    + " at "
                    + row.key().settingText()
                    + " dropped by "
                    + points(-row.change())
                    + " points (baseline "
                    + points(row.baselineGap())
                    + ", now "
                    + points(row.newGap())
                    + ", tolerance "
                    + points(row.tolerance())
                    + "), Holm-adjusted p = "
                    + number(row.adjustedP())
                    + " < α = "
                    + number(result.alpha())
                    + ".");
        case NO_DATA, NOT_TESTABLE ->
            status(
                json,
                "broken",
                "INCOMPLETE: "
                    + row.verdict().words()
                    + " for "
                    + row.key().pairText()
                    + " at "
                    + row.key().settingText()
                    + ".");
        case PASS, WITHIN_NOISE ->
            status(
                json,
                "passed",
                row.verdict() == Verdict.WITHIN_NOISE
                    ? "The gap dropped by "
                        + points(-row.change())
                        + " points, not significantly (adjusted p = "
                        + number(row.adjustedP())
                        + ")."
                    : "");
        default -> throw new IllegalStateException("Unknown verdict " + row.verdict());
      }
      ArrayNode parameters = json.putArray("parameters");
      parameter(
          parameters,
          "baseline gap (points)",
          points(row.baselineGap()) + " (n = " + row.baselineN() + ")");
      parameter(parameters, "new gap (points)", points(row.newGap()) + " (n = " + row.newN() + ")");
      parameter(parameters, "change (points)", points(row.change()));
      parameter(parameters, "tolerance (points)", points(row.tolerance()));
      parameter(parameters, "p", number(row.pValue()));
      parameter(parameters, "adjusted p", number(row.adjustedP()));
      parameter(parameters, "smallest flagged drop (points)", points(row.smallestFlaggedDrop()));
      ArrayNode labels = json.withArray("labels");
      label(labels, "subSuite", row.key().experiment());
      label(labels, "story", row.key().pairText());
      ResultFiles.writeAtomically(
          allureResults.resolve(json.path("uuid").asText() + "-result.json"), json);
      written++;
    }
    ObjectNode run = base("gate: run complete", now);
    if (result.problems().isEmpty()) {
      status(run, "passed", "");
    } else {
      StringBuilder message =
          new StringBuilder("INCOMPLETE: the run has " + result.problems().size() + " problem(s):");
      for (TrialProblem problem : result.problems()) {
        message
            .append("\n- ")
            .append(problem.experiment())
            .append(' ')
            .append(problem.subject())
            .append(": ")
            .append(problem.kind())
            .append(problem.detail().isBlank() ? "" : " (" + problem.detail() + ")");
      }
      status(run, "broken", message.toString());
    }
    run.putArray("parameters");
    ResultFiles.writeAtomically(
        allureResults.resolve(run.path("uuid").asText() + "-result.json"), run);
    return written + 1;
  }

  /** Returns the uuid of the result named {@code name} (stable across nights). */
  public static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static ObjectNode base(String name, long now) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("uuid", uuid(name));
    json.put("historyId", name);
    json.put("testCaseId", name);
    json.put("name", name);
    json.put("fullName", "io.github.trustregion.ci.gate.Gate#" + name);
    json.put("stage", "finished");
    json.put("start", now);
    json.put("stop", now);
    ArrayNode labels = json.putArray("labels");
    label(labels, "parentSuite", "accuracy-gap gate");
    label(labels, "suite", "gate");
    label(labels, "tag", "gate");
    json.putArray("attachments");
    json.putArray("steps");
    return json;
  }

  private static void status(ObjectNode json, String status, String message) {
    json.put("status", status);
    ObjectNode details = json.putObject("statusDetails");
    if (!message.isEmpty()) {
      details.put("message", message);
    }
  }

  private static void label(ArrayNode labels, String name, String value) {
    labels.addObject().put("name", name).put("value", value);
  }

  private static void parameter(ArrayNode parameters, String name, String value) {
    parameters.addObject().put("name", name).put("value", value);
  }

  private static String points(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
  }
}
