package io.github.trustregion.framework.plan;

/**
 * Derives trial seeds from an experiment's base seed: repeat r gets the same seed in every method
 * and batch size of the experiment, and different repeats get well-mixed, different seeds.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * Returns the seed of repeat {@code repeat}: the SplitMix64 finalizer (Steele, Lea and Flood,
   * "Fast splittable pseudorandom number generators", OOPSLA 2014) of base + (r + 1)·γ with the
   * golden-ratio increment γ = 0x9E3779B97F4A7C15, masked to a non-negative long.
   */
  public static long trialSeed(long baseSeed, int repeat) {
    long z = baseSeed + (repeat + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
