package io.github.trustregion.reports.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap confidence interval for a difference of two means, with a seeded RNG.
 *
 * <p>Each of {@code B} replicates resamples {@code a} and {@code b} independently with
 * replacement (same sizes) and records {@code mean(a*) − mean(b*)}; the interval at level
 * {@code 1 − α} is the {@code α/2} and {@code 1 − α/2} quantiles of the replicates (linear
 * interpolation between order statistics, R's type 7). The RNG is a {@link SplittableRandom}
 * seeded with the given seed, so the same inputs give the same interval on every JVM. Reference:
 * Efron &amp; Tibshirani, An Introduction to the Bootstrap (1993), §13.3.
 */
public final class BootstrapInterval {

  /** The default number of bootstrap replicates. */
  public static final int DEFAULT_RESAMPLES = 10_000;

  private BootstrapInterval() {}

  /**
   * Returns the percentile interval for {@code mean(a) − mean(b)}.
   *
   * @param a the first sample, at least 1 finite value
   * @param b the second sample, at least 1 finite value
   * @param level the confidence level, in (0, 1)
   * @param resamples the number of replicates, at least 100
   * @param seed the RNG seed
   */
  public static Interval differenceOfMeans(double[] a, double[] b, double level, int resamples, long seed) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    Samples.requireSize(a, 1, "a", "The bootstrap interval");
    Samples.requireSize(b, 1, "b", "The bootstrap interval");
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("The confidence level must lie in (0, 1) but was " + level + ".");
    }
    if (resamples < 100) {
      throw new IllegalArgumentException(
          "The bootstrap needs at least 100 resamples for a percentile interval but got " + resamples + ".");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] replicates = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      replicates[r] = resampledMean(a, random) - resampledMean(b, random);
    }
    Arrays.sort(replicates);
    double alpha = 1 - level;
    return new Interval(quantile(replicates, alpha / 2), quantile(replicates, 1 - alpha / 2), level);
  }

  private static double resampledMean(double[] values, SplittableRandom random) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[random.nextInt(values.length)];
    }
    return sum / values.length;
  }

  /** Returns the {@code p}-quantile of sorted values by linear interpolation (R type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lower = (int) Math.floor(h);
    int upper = Math.min(sorted.length - 1, lower + 1);
    return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
  }
}
