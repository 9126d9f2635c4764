package io.github.trustregion.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction for multiple comparisons (controls the family-wise error rate).
 *
 * <p>With the {@code k} finite p-values sorted ascending, {@code p_(1) ≤ … ≤ p_(k)}, the adjusted
 * values are {@code p̃_(i) = max_{j ≤ i} min(1, (k − j + 1) p_(j))}. This equals R's
 * {@code p.adjust(p, "holm")}. NaN p-values (undefined tests) are left NaN and do not count in
 * {@code k}. Reference: S. Holm, Scand. J. Stat. 6 (1979) 65–70.
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
}
