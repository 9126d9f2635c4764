package io.github.trustregion.optimizers.hessian;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The seeded choice of the examples a sub-sampled Hessian is taken over (see docs/method.md,
 * "Hessian sub-sampling").
 *
 * <p>With fraction f ∈ (0, 1] and a minibatch of B examples, the subset has m = ⌈f·B⌉ examples
 * (never more than B), drawn without replacement by a partial Fisher–Yates shuffle seeded from a
 * seed and the step's index, and returned in increasing order. One step uses one subset for all its
 * products; the next step draws another. Sub-sampling the Hessian but not the gradient follows
 * Byrd, Chin, Neveitt and Nocedal, "On the use of stochastic Hessian information in optimization
 * methods for machine learning" (SIAM J. Optim. 2011), and Xu, Roosta-Khorasani and Mahoney,
 * "Newton-type methods for non-convex optimization under inexact Hessian information" (Math.
 * Program. 2020). Stateless and thread-safe.
 */
public final class HessianSubsample {

  /** The fewest examples a sub-sampled Hessian may be taken over. */
  public static final int MIN_EXAMPLES = 8;

  /** The name of the setting, used in messages. */
  public static final String SETTING = "hessianBatchFraction";

  private HessianSubsample() {}

  /**
   * Returns m = ⌈f·B⌉, computed so that a product f·B that is a whole number up to rounding (0.1 ×
   * 30) is not rounded up past it.
   *
   * @throws IllegalArgumentException if f is not in (0, 1] or B &lt; 1
   */
  public static int size(double fraction, int batchSize) {
    requireFraction(fraction);
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "HessianSubsample: the batch size must be >= 1 but was " + batchSize);
    }
    double product = fraction * batchSize;
    long rounded = Math.round(product);
    long m = Math.abs(product - rounded) <= 1e-9 * batchSize ? rounded : (long) Math.ceil(product);
    return (int) Math.max(1, Math.min(batchSize, m));
  }

  /**
   * Returns why a fraction cannot be used with a batch size, or empty when it can: the fraction
   * must lie in (0, 1], and unless it is 1 the subset must keep at least {@value #MIN_EXAMPLES}
   * examples. The message names the setting, the fraction, the batch size and what to do; the trial
   * planner calls this before anything runs.
   */
  public static Optional<String> check(double fraction, int batchSize) {
    if (!(fraction > 0 && fraction <= 1)) {
      return Optional.of(SETTING + " must lie in (0, 1] but is " + fraction);
    }
    if (batchSize < 1) {
      return Optional.of(
          SETTING + " needs a batch size of at least 1, but the batch size is " + batchSize);
    }
    if (fraction == 1) {
      return Optional.empty();
    }
    int m = size(fraction, batchSize);
    if (m < MIN_EXAMPLES) {
      return Optional.of(
          SETTING
              + "="
              + fraction
              + " leaves "
              + m
              + " of the "
              + batchSize
              + " examples of a minibatch (batch size "
              + batchSize
              + ") for the Hessian, fewer than "
              + MIN_EXAMPLES
              + "; use a fraction of at least "
              + minimumFraction(batchSize)
              + " at this batch size, or a larger batch size");
    }
    return Optional.empty();
  }

  /** Returns the smallest fraction that keeps {@value #MIN_EXAMPLES} examples of B. */
  static double minimumFraction(int batchSize) {
    return Math.min(1.0, (double) MIN_EXAMPLES / batchSize);
  }

  /**
   * Returns the indices of the subset of one step, in increasing order.
   *
   * @param batchSize B
   * @param size m, 1 ≤ m ≤ B
   * @param seed the trial's seed (mixed with the step index)
   * @param step the step's index within the state (0, 1, …)
   */
  public static int[] select(int batchSize, int size, long seed, long step) {
    if (size < 1 || size > batchSize) {
      throw new IllegalArgumentException(
          "HessianSubsample: the subset size must lie in [1, " + batchSize + "] but was " + size);
    }
    SplittableRandom random = new SplittableRandom(mix(seed, step));
    int[] order = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      order[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(batchSize - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] chosen = java.util.Arrays.copyOf(order, size);
    java.util.Arrays.sort(chosen);
    return chosen;
  }

  /**
   * Mixes a seed and a step index into one seed (SplitMix64's finalizer on a golden-ratio step).
   */
  static long mix(long seed, long step) {
    long z = seed + 0x9E3779B97F4A7C15L * (step + 1) + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static void requireFraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException(
          "HessianSubsample: " + SETTING + " must lie in (0, 1] but was " + fraction);
    }
  }
}
