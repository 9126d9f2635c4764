package io.github.trustregion.reports.analysis;

import io.github.trustregion.reports.stats.Comparison;

/**
 * How much one method loses from its smallest to its largest batch size on one metric (E3; the
 * paper: "Hybrid loses 0.35 points from B = 64 to 1024, SGD 6.97").
 *
 * @param metric the metric key
 * @param method the method label
 * @param setting the other parameters, in words
 * @param smallBatch the smallest batch size with values
 * @param largeBatch the largest batch size with values
 * @param comparison small-batch values (A) against large-batch values (B): the difference is the
 *     drop; not Holm-adjusted with the method comparisons (a different question)
 */
public record BatchDropRow(
    String metric, String method, String setting, int smallBatch, int largeBatch, Comparison comparison) {}
