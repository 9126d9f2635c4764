package io.github.trustregion.reports.stats;

/**
 * Small numerical helpers over arrays of observations, shared by this package's statistical tests.
 */
final class Samples {

  private Samples() {}

  /** Throws naming {@code argument} when {@code values} is null or holds a NaN or infinity. */
  static void requireFinite(double[] values, String argument) {
    if (values == null) {
      throw new IllegalArgumentException(
          "The sample '" + argument + "' is null; pass an array (possibly empty).");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "The sample '"
                + argument
                + "' holds the non-finite value "
                + values[i]
                + " at index "
                + i
                + "; drop diverged trials before comparing and list them separately.");
      }
    }
  }

  /** Throws naming {@code argument} when {@code values} has fewer than {@code minimum} entries. */
  static void requireSize(double[] values, int minimum, String argument, String test) {
    if (values.length < minimum) {
      throw new IllegalArgumentException(
          test
              + " needs at least "
              + minimum
              + " observations in '"
              + argument
              + "' but got "
              + values.length
              + ".");
    }
  }

  /** Returns the arithmetic mean, computed with a second correcting pass; NaN when empty. */
  static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    double correction = 0;
    for (double v : values) {
      correction += v - mean;
    }
    return mean + correction / values.length;
  }

  /** Returns the sample variance with divisor {@code n − 1} (two-pass); NaN when {@code n < 2}. */
  static double variance(double[] values) {
    int n = values.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    double sum = 0;
    for (double v : values) {
      double d = v - mean;
      squares += d * d;
      sum += d;
    }
    return (squares - sum * sum / n) / (n - 1);
  }
}
