package io.github.trustregion.reports.analysis;

/**
 * The distance between two solutions of one pair of methods (E4).
 *
 * @param setting the setting in words
 * @param pair the pair's label, such as "SGD vs TR"
 * @param n the number of interpolation trials with a distance
 * @param distanceMean the mean of ‖w_A − w_B‖
 * @param distanceSd its sample standard deviation
 */
public record LandscapeRow(
    String setting, String pair, int n, double distanceMean, double distanceSd) {}
