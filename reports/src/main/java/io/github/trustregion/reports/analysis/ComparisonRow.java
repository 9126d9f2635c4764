package io.github.trustregion.reports.analysis;

import io.github.trustregion.reports.stats.Comparison;

/**
 * A comparison of two methods on one metric at one setting.
 *
 * @param metric the metric key
 * @param setting the setting in words
 * @param comparison the statistics, Holm-adjusted over the experiment's comparisons
 */
public record ComparisonRow(String metric, String setting, Comparison comparison) {}
