package io.github.trustregion.ci.gate;

import io.github.trustregion.ci.run.TrialProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link GateResult} as a fixed-width text table (for the console) or as Markdown (for a
 * CI job summary). Gaps are shown in accuracy points (the fraction × 100).
 */
public final class GateTable {

  /** The column headers, in order. */
  public static final List<String> HEADERS =
      List.of(
          "experiment",
          "metric",
          "setting",
          "pair",
          "baseline gap [CI] (n)",
          "new gap [CI] (n)",
          "change",
          "tolerance",
          "p",
          "p (Holm)",
          "flagged from drop",
          "verdict");

  private GateTable() {}

  /** Returns the table's cells, one list per row, in the order of {@link #HEADERS}. */
  public static List<List<String>> cells(GateResult result) {
    List<List<String>> cells = new ArrayList<>();
    for (GateRow row : result.rows()) {
      cells.add(
          List.of(
              row.key().experiment(),
              row.key().metric(),
              row.key().settingText(),
              row.key().pairText(),
              gapText(
                  row.baselineGap(), row.baselineCiLow(), row.baselineCiHigh(), row.baselineN()),
              row.verdict() == Verdict.NO_DATA
                  ? "-"
                  : gapText(row.newGap(), row.newCiLow(), row.newCiHigh(), row.newN()),
              points(row.change()),
              String.format(Locale.ROOT, "%.2f", 100 * row.tolerance()),
              probability(row.pValue()),
              probability(row.adjustedP()),
              Double.isNaN(row.smallestFlaggedDrop())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f", 100 * row.smallestFlaggedDrop()),
              row.verdict().words()));
    }
    return cells;
  }

  /**
   * Renders the table, the problems, the run ids, the configuration warnings, the ungated
   * experiments and the outcome as plain text.
   */
  public static String text(GateResult result) {
    List<List<String>> cells = cells(result);
    int[] widths = new int[HEADERS.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = HEADERS.get(c).length();
      for (List<String> row : cells) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(
            "Accuracy gaps against the baselines (accuracy points; one-sided "
                + testName(result)
                + " of a drop beyond the tolerance, Holm-adjusted per experiment and metric, α = ")
        .append(result.alpha())
        .append("; 'flagged from drop': the smallest drop this run's spreads would flag)\n");
    appendLine(out, HEADERS, widths);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.append(rule).append('\n');
    cells.forEach(row -> appendLine(out, row, widths));
    appendFooter(out, result, "");
    return out.toString();
  }

  /** Names the test: Yuen's with its trimming, or Welch's when nothing is trimmed. */
  private static String testName(GateResult result) {
    if (result.trim() == 0) {
      return "Welch test";
    }
    return String.format(
        Locale.ROOT,
        "Yuen test of %.0f %%-trimmed means (Welch's below %d repeats)",
        100 * result.trim(),
        GapDrop.MIN_TRIMMED_SIZE);
  }

  /** Renders the same content as a Markdown table with lists below it. */
  public static String markdown(GateResult result) {
    StringBuilder out = new StringBuilder();
    out.append("### Accuracy-gap gate: ")
        .append(result.outcome())
        .append(" (exit ")
        .append(result.outcome().exitCode())
        .append(")\n\n");
    out.append(
            "Gaps in accuracy points; one-sided "
                + testName(result)
                + " of a drop beyond the tolerance, Holm-adjusted per experiment and metric, α = ")
        .append(result.alpha())
        .append("; *flagged from drop* is the smallest drop this run's spreads would flag.\n\n");
    out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    out.append("|").append("---|".repeat(HEADERS.size())).append('\n');
    for (List<String> row : cells(result)) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    out.append('\n');
    appendFooter(out, result, "- ");
    return out.toString();
  }

  private static void appendFooter(StringBuilder out, GateResult result, String bullet) {
    String item = bullet.isEmpty() ? "  " : bullet;
    if (!result.configurations().isEmpty()) {
      out.append("\nRuns of the gated trials:\n");
      for (ConfigurationCheck check : result.configurations()) {
        List<String> ids = check.runIds();
        out.append(item)
            .append(check.experiment())
            .append(": ")
            .append(
                switch (ids.size()) {
                  case 0 -> "no run id recorded";
                  case 1 -> "run " + ids.get(0);
                  default ->
                      ids.size()
                          + " runs (processes: the workers or shards of one run, or runs that"
                          + " resumed the results directory): "
                          + String.join(", ", ids);
                })
            .append('\n');
      }
    }
    List<ConfigurationCheck> unknown =
        result.configurations().stream().filter(ConfigurationCheck::hasUnknownFields).toList();
    if (!unknown.isEmpty()) {
      out.append("\nWarnings (configuration not compared):\n");
      for (ConfigurationCheck check : unknown) {
        if (!check.unknownInBaseline().isEmpty()) {
          out.append(item)
              .append(check.experiment())
              .append(": the baseline ")
              .append(check.experiment())
              .append(".json does not record ")
              .append(String.join(", ", check.unknownInBaseline()))
              .append(
                  ", so the run's are not compared with it; re-bless it with 'ci/bin/gate bless' from a complete "
                      + "run of this configuration to record them\n");
        }
        if (!check.unknownInRun().isEmpty()) {
          out.append(item)
              .append(check.experiment())
              .append(": the run's trials do not record ")
              .append(String.join(", ", check.unknownInRun()))
              .append(", so the baseline's are not compared\n");
        }
      }
    }
    if (!result.problems().isEmpty()) {
      out.append("\nIncomplete run: ").append(result.problems().size()).append(" problem(s)\n");
      for (TrialProblem problem : result.problems()) {
        out.append(bullet.isEmpty() ? "  " : bullet).append(problem).append('\n');
      }
    }
    if (!result.ungatedExperiments().isEmpty()) {
      out.append("\nNot gated (no baseline): ")
          .append(String.join(", ", result.ungatedExperiments()))
          .append('\n');
    }
    out.append("\nGate: ")
        .append(result.outcome())
        .append(" (exit ")
        .append(result.outcome().exitCode())
        .append("): ")
        .append(result.regressions().size())
        .append(" regressed of ")
        .append(result.rows().size())
        .append(" comparison(s), ")
        .append(result.problems().size())
        .append(" problem(s).\n");
  }

  private static void appendLine(StringBuilder out, List<String> row, int[] widths) {
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        out.append(" | ");
      }
      out.append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length()));
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static String gapText(double gap, double low, double high, int n) {
    return points(gap) + " [" + points(low) + ", " + points(high) + "] (" + n + ")";
  }

  private static String points(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.2f", 100 * fraction);
  }

  private static String probability(double p) {
    if (Double.isNaN(p)) {
      return "-";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
  }
}
