package io.github.trustregion.reports.analysis;

import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.PairedComparison;

/**
 * A comparison of two methods on one metric at one setting.
 *
 * @param metric the metric key
 * @param setting the setting in words
 * @param comparison the statistics, Holm-adjusted over the experiment's comparisons
 * @param paired the paired statistics over the repeats both methods have, Holm-adjusted over the
 *     same family
 */
public record ComparisonRow(
    String metric, String setting, Comparison comparison, PairedComparison paired) {

  /** Creates a row without pairs. */
  public ComparisonRow(String metric, String setting, Comparison comparison) {
    this(metric, setting, comparison, PairedComparison.none(0.95));
  }
}
