package io.github.trustregion.benchmarks.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded, reproducible subsets and orders of image sets.
 *
 * <p>{@link #stratified} keeps the class proportions of the whole set: each class k with n_k of N
 * images gets ⌊m·n_k/N⌋ places of the m asked for, the remaining places going to the classes with
 * the largest remainders (ties to the lower class index); within a class the images are the first
 * of a seeded permutation. The chosen images are then put in one seeded random order. The same seed
 * and set give the same subset on every machine ({@link java.util.Random} is specified exactly).
 */
public final class Subsets {

  private Subsets() {}

  /**
   * Returns a seeded stratified subset of {@code count} images in a seeded order; the whole set,
   * shuffled, when {@code count} is at least its size.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public static ImageSet stratified(ImageSet images, int count, long seed, String newName) {
    if (count < 0) {
      throw new IllegalArgumentException(
          "A subset of " + images + " needs a count ≥ 0, got " + count + ".");
    }
    int n = images.size();
    int m = Math.min(count, n);
    if (m == 0) {
      return images.select(new int[0], newName);
    }
    int[] classCounts = images.labelCounts();
    int classes = classCounts.length;
    int[] quota = new int[classes];
    long[] remainder = new long[classes];
    int assigned = 0;
    for (int k = 0; k < classes; k++) {
      long scaled = (long) m * classCounts[k];
      quota[k] = (int) (scaled / n);
      remainder[k] = scaled % n;
      assigned += quota[k];
    }
    while (assigned < m) {
      int best = -1;
      for (int k = 0; k < classes; k++) {
        if (quota[k] < classCounts[k] && (best < 0 || remainder[k] > remainder[best])) {
          best = k;
        }
      }
      quota[best]++;
      remainder[best] = -1;
      assigned++;
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      byClass.get(images.label(i)).add(i);
    }
    Random random = new Random(seed);
    int[] chosen = new int[m];
    int next = 0;
    for (int k = 0; k < classes; k++) {
      int[] members = byClass.get(k).stream().mapToInt(Integer::intValue).toArray();
      shuffle(members, random);
      System.arraycopy(members, 0, chosen, next, quota[k]);
      next += quota[k];
    }
    shuffle(chosen, random);
    return images.select(chosen, newName);
  }

  /** Returns the integers 0 … n − 1 in a seeded random order (Fisher–Yates). */
  public static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, new Random(seed));
    return order;
  }

  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
