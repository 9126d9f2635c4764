package io.github.trustregion.reports.stats;

import java.util.Objects;

/**
 * The size, mean and sample standard deviation of one group of observations.
 *
 * @param n the number of observations
 * @param mean the arithmetic mean (NaN when {@code n = 0})
 * @param sd the sample standard deviation with divisor {@code n − 1} (NaN when {@code n < 2})
 */
public record SampleSummary(int n, double mean, double sd) {

  /** Summarises {@code values}; every value must be finite. */
  public static SampleSummary of(double[] values) {
    Samples.requireFinite(values, "values");
    int n = values.length;
    double mean = Samples.mean(values);
    double sd = n < 2 ? Double.NaN : Math.sqrt(Samples.variance(values));
    return new SampleSummary(n, mean, sd);
  }

  @Override
  public String toString() {
    return Objects.toString(mean) + " ± " + sd + " (n = " + n + ")";
  }
}
