package io.github.trustregion.reports.html;

import io.github.trustregion.reports.analysis.ExperimentSummary;
import io.github.trustregion.reports.analysis.claims.ClaimRow;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.util.List;

/**
 * The content of {@code summary.json}: the statistics settings and every experiment's summary.
 * Non-finite numbers are written as the strings {@code "NaN"}/{@code "Infinity"} (Jackson's
 * default), which Jackson reads back as numbers.
 *
 * @param schemaVersion the version of this format
 * @param resultsDirectory the results directory the report was rendered from
 * @param statistics how the comparisons were made
 * @param experiments one summary per experiment, sorted by id
 * @param badFiles every result file left out because it cannot be used: the file, what is wrong and
 *     the fix, one line each (empty when every file was usable)
 * @param claims the claims the experiments declare, evaluated (Holm across all of them)
 */
public record ReportSummary(
    int schemaVersion,
    String resultsDirectory,
    ComparisonSettings statistics,
    List<ExperimentSummary> experiments,
    List<String> badFiles,
    List<ClaimRow> claims) {

  /** The version of this format. */
  public static final int SCHEMA_VERSION = 1;
}
