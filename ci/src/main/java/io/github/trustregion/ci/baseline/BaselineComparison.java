package io.github.trustregion.ci.baseline;

import io.github.trustregion.ci.run.ComparisonKey;
import java.util.List;
import java.util.Map;

/**
 * One blessed gap: a method against the reference method on one metric at one setting, with the
 * per-repeat gaps the gate tests against, and how far it may drop.
 *
 * @param metric the metric key, e.g. {@code finalTestAccuracy} (final and best epoch are separate
 *     entries, never mixed)
 * @param setting the setting's parameters (e.g. {@code batchSize=2048})
 * @param method the compared method, e.g. {@code TR}
 * @param reference the reference method, e.g. {@code SGD}
 * @param gap {@code mean(method) − mean(reference)}, accuracy as a fraction
 * @param ciLow the lower bound of the gap's Welch t-interval (as the HTML report's)
 * @param ciHigh the upper bound of that interval
 * @param confidenceLevel the interval's level, e.g. 0.95
 * @param methodMean the method's mean metric
 * @param referenceMean the reference method's mean metric
 * @param n the number of repeats per method (paired by repeat)
 * @param repeatGaps the per-repeat gaps {@code method − reference}, in repeat order
 * @param tolerance how far (same units as the gap) the gap may drop before the gate tests it
 */
public record BaselineComparison(
    String metric,
    Map<String, String> setting,
    String method,
    String reference,
    double gap,
    double ciLow,
    double ciHigh,
    double confidenceLevel,
    double methodMean,
    double referenceMean,
    int n,
    List<Double> repeatGaps,
    double tolerance) {

  /** Returns the key that identifies this comparison within experiment {@code experiment}. */
  public ComparisonKey key(String experiment) {
    return new ComparisonKey(experiment, metric, setting, method, reference);
  }

  /** Returns the per-repeat gaps as an array. */
  public double[] repeatGapArray() {
    return repeatGaps.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
