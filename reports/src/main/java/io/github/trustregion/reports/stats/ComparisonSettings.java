package io.github.trustregion.reports.stats;

/**
 * How comparisons are made: significance level, interval level and bootstrap size and seed.
 *
 * @param alpha the family-wise significance level for Holm-adjusted p-values, in (0, 1)
 * @param confidenceLevel the level of the bootstrap interval, in (0, 1), usually {@code 1 − alpha}
 * @param resamples the number of bootstrap replicates, at least 100
 * @param seed the bootstrap RNG seed (same seed, same intervals)
 */
public record ComparisonSettings(double alpha, double confidenceLevel, int resamples, long seed) {

  /** The seed of {@link #defaults()}. */
  public static final long DEFAULT_SEED = 20_240_611L;

  /** Validates the settings. */
  public ComparisonSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("ComparisonSettings.alpha must lie in (0, 1) but was " + alpha + ".");
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "ComparisonSettings.confidenceLevel must lie in (0, 1) but was " + confidenceLevel + ".");
    }
    if (resamples < 100) {
      throw new IllegalArgumentException(
          "ComparisonSettings.resamples must be at least 100 but was " + resamples + ".");
    }
  }

  /** Returns α = 0.05, a 95% interval, 10,000 replicates and {@link #DEFAULT_SEED}. */
  public static ComparisonSettings defaults() {
    return new ComparisonSettings(0.05, 0.95, BootstrapInterval.DEFAULT_RESAMPLES, DEFAULT_SEED);
  }
}
