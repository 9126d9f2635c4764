package io.github.trustregion.reports.analysis;

import io.github.trustregion.reports.stats.Comparison;

/**
 * How much one method loses from its smallest to its largest batch size on one metric (E3).
 *
 * @param metric the metric key
 * @param method the method label
 * @param setting the other parameters, in words
 * @param smallBatch the smallest batch size with values
 * @param largeBatch the largest batch size with values
 * @param comparison small-batch values (A) against large-batch values (B): the difference is the
 *     drop; Holm-adjusted over all rows of the experiment's batch-drop table as their own family
 *     (not with the method comparisons, a different question)
 * @param paperDrop the paper's drop between the same batch sizes, from the manifest's paper values
 *     for this method and metric at both batch sizes; null when the experiment declares none
 * @param paperSource where in the paper those values are; null with {@code paperDrop}
 */
public record BatchDropRow(
    String metric,
    String method,
    String setting,
    int smallBatch,
    int largeBatch,
    Comparison comparison,
    Double paperDrop,
    String paperSource) {}
