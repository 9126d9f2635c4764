package io.github.trustregion.reports.analysis;

import java.util.Map;

/**
 * A number the paper reports, beside ours for the matching setting.
 *
 * @param setting the parameters that identify the configuration
 * @param metric the metric key
 * @param paperValue the paper's value
 * @param source where in the paper
 * @param paperSetting the paper's own setting in words (which may differ from ours)
 * @param n our number of matching completed trials with the metric (0 when none match)
 * @param oursMean our mean over them (NaN when none)
 * @param oursSd our sample standard deviation (NaN when n &lt; 2)
 */
public record PaperComparison(
    Map<String, String> setting,
    String metric,
    double paperValue,
    String source,
    String paperSetting,
    int n,
    double oursMean,
    double oursSd) {}
