package io.github.trustregion.reports.analysis;

import java.util.List;
import java.util.Map;

/**
 * One metric over the repeats of one method at one setting.
 *
 * @param setting the setting in words
 * @param parameters the setting's parameters
 * @param method the method label
 * @param metric the metric key
 * @param n the number of completed trials with a finite value
 * @param mean the mean (NaN when n = 0)
 * @param sd the sample standard deviation (NaN when n &lt; 2)
 * @param min the smallest value
 * @param max the largest value
 * @param trialIds the trials the values came from
 * @param lacking completed trials without this metric (listed, not averaged)
 * @param excluded diverged or failed trials of the group (listed, not averaged)
 * @param paper the paper's value for this method, setting and metric, or null
 * @param paperSource where the paper reports it, or null
 */
public record GroupStat(
    String setting,
    Map<String, String> parameters,
    String method,
    String metric,
    int n,
    double mean,
    double sd,
    double min,
    double max,
    List<String> trialIds,
    List<String> lacking,
    List<String> excluded,
    Double paper,
    String paperSource) {}
