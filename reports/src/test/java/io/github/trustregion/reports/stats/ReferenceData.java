package io.github.trustregion.reports.stats;

/**
 * Samples shared by the statistics tests. The expected values in the tests were computed from these
 * samples by {@code reports/src/test/python/stats_reference.py} (SciPy 1.17.1), an implementation
 * independent of this module's, unless a test names another source.
 */
final class ReferenceData {

  private ReferenceData() {}

  /**
   * R's {@code ?wilcox.test} example, from Hollander &amp; Wolfe (1973), p. 69: permeability
   * constants; {@code wilcox.test(x, y, alternative = "g")} prints W = 35, p-value = 0.1272.
   */
  static final double[] HOLLANDER_X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};

  /** The second sample of {@link #HOLLANDER_X}. */
  static final double[] HOLLANDER_Y = {1.15, 0.88, 0.90, 0.74, 1.21};

  /** Accuracies of two methods over 5 and 6 seeds, no ties, completely separated. */
  static final double[] ACCURACY_A = {0.861, 0.872, 0.858, 0.869, 0.866};

  /** The second group of {@link #ACCURACY_A}. */
  static final double[] ACCURACY_B = {0.842, 0.851, 0.839, 0.848, 0.855, 0.845};

  /** Two repeats per group, the smallest n for which every test is defined. */
  static final double[] N2_A = {0.81, 0.83};

  /** The second group of {@link #N2_A}. */
  static final double[] N2_B = {0.78, 0.80};

  /** Samples with ties within and across the groups. */
  static final double[] TIES_A = {1, 2, 2, 3, 5};

  /** The second group of {@link #TIES_A}. */
  static final double[] TIES_B = {2, 3, 3, 4, 6, 7};
}
