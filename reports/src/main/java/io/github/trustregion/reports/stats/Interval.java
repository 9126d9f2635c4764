package io.github.trustregion.reports.stats;

/**
 * A confidence interval.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 * @param level the nominal coverage, e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {

  /** Returns whether {@code value} lies within the closed interval. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }
}
