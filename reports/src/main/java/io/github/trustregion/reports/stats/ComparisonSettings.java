package io.github.trustregion.reports.stats;

/**
 * How comparisons are made: the significance level and the level of the Welch interval.
 *
 * @param alpha the family-wise significance level for Holm-adjusted p-values, in (0, 1)
 * @param confidenceLevel the level of the Welch confidence interval of a difference of means, in
 *     (0, 1), usually {@code 1 − alpha}
 */
public record ComparisonSettings(double alpha, double confidenceLevel) {

  /** Validates the settings. */
  public ComparisonSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "ComparisonSettings.alpha must lie in (0, 1) but was " + alpha + ".");
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "ComparisonSettings.confidenceLevel must lie in (0, 1) but was " + confidenceLevel + ".");
    }
  }

  /** Returns α = 0.05 and a 95% interval. */
  public static ComparisonSettings defaults() {
    return new ComparisonSettings(0.05, 0.95);
  }
}
