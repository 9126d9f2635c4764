package io.github.trustregion.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for multiple comparisons (controls the family-wise error rate).
 *
 * <p>With the {@code k} finite p-values sorted ascending, {@code p_(1) ≤ … ≤ p_(k)}, the adjusted
 * values are {@code p̃_(i) = max_{j ≤ i} min(1, (k − j + 1) p_(j))}. This equals R's {@code
 * p.adjust(p, "holm")}. NaN p-values (undefined tests) are left NaN and do not count in {@code k}.
 * Reference: S. Holm, Scand. J. Stat. 6 (1979) 65–70.
 */
public final class Holm {

  private Holm() {}

  /** Returns the Holm-adjusted p-values, in the order of {@code pValues}. */
  public static double[] adjust(double[] pValues) {
    for (int i = 0; i < pValues.length; i++) {
      double p = pValues[i];
      if (!Double.isNaN(p) && (p < 0 || p > 1)) {
        throw new IllegalArgumentException("p-value " + i + " is " + p + ", outside [0, 1].");
      }
    }
    Integer[] order =
        java.util.stream.IntStream.range(0, pValues.length)
            .filter(i -> !Double.isNaN(pValues[i]))
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] adjusted = new double[pValues.length];
    Arrays.fill(adjusted, Double.NaN);
    int k = order.length;
    double running = 0;
    for (int rank = 0; rank < k; rank++) {
      running = Math.max(running, Math.min(1.0, (k - rank) * pValues[order[rank]]));
      adjusted[order[rank]] = running;
    }
    return adjusted;
  }

  /**
   * Returns the largest raw p-value at which entry {@code index} is rejected at family-wise level
   * {@code alpha}, the other entries held at their given p-values: {@code α/(k − m)}.
   *
   * <p>Here {@code k} is the number of finite p-values with entry {@code index} counted whatever
   * its own value, and {@code m} the number of the other entries that Holm would reject ahead of
   * it: with the others' finite p-values sorted, {@code q_(1) ≤ … ≤ q_(k−1)}, the largest {@code m}
   * with {@code (k − j + 1) q_(j) ≤ α} for every {@code j ≤ m}. An entry with {@code p ≤ α/(k − m)}
   * takes rank {@code r ≤ m + 1}, where every earlier step is rejected and its own adjusted value
   * is at most α; with a larger p, either its own step {@code (k − r + 1)p} or the failing step
   * {@code (k − m) q_(m+1)} ahead of it exceeds α. So its adjusted p-value is ≤ α exactly when its
   * raw p-value is ≤ the returned level ({@code α/k} when no other entry is rejected).
   *
   * @param pValues the family's p-values (NaN for undefined tests, which do not count)
   * @param index the entry asked about
   * @param alpha the family-wise level, in (0, 1)
   */
  public static double rejectionLevel(double[] pValues, int index, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(
          "The family-wise level must lie in (0, 1) but was " + alpha + ".");
    }
    double[] others =
        java.util.stream.IntStream.range(0, pValues.length)
            .filter(i -> i != index && !Double.isNaN(pValues[i]))
            .mapToDouble(i -> pValues[i])
            .sorted()
            .toArray();
    int k = others.length + 1;
    int m = 0;
    while (m < others.length && (k - m) * others[m] <= alpha) {
      m++;
    }
    return alpha / (k - m);
  }
}
