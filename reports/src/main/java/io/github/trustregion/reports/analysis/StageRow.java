package io.github.trustregion.reports.analysis;

/**
 * One stage of one track (E5, the paper's Table 1): the test accuracy at the stage's end.
 *
 * @param setting the setting in words
 * @param track the track's label
 * @param stage the 1-based stage number
 * @param activeMethod the method that trained in this stage (from the epochs)
 * @param epochs the stage's number of epochs (from the first completed trial)
 * @param n the number of trials with the stage's metric
 * @param mean the mean test accuracy at the stage's end
 * @param sd its sample standard deviation
 * @param paper the paper's value, or null
 * @param paperSource where the paper reports it, or null
 */
public record StageRow(
    String setting,
    String track,
    int stage,
    String activeMethod,
    int epochs,
    int n,
    double mean,
    double sd,
    Double paper,
    String paperSource) {}
