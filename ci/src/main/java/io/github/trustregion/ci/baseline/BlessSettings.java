package io.github.trustregion.ci.baseline;

import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.util.List;

/**
 * What a re-bless writes.
 *
 * @param reference the reference method every other method's gap is measured against, e.g. SGD
 * @param metrics the metric keys to bless, each as separate entries (e.g. final and best test
 *     accuracy)
 * @param tolerance the tolerance of new entries, in the metric's units (0.02 = 2 accuracy points)
 * @param keepExistingTolerances whether an entry that already has a baseline keeps its (possibly
 *     hand-tuned) tolerance instead of {@code tolerance}
 * @param statistics the interval settings (level of the Welch interval), the same as the HTML
 *     report's
 */
public record BlessSettings(
    String reference,
    List<String> metrics,
    double tolerance,
    boolean keepExistingTolerances,
    ComparisonSettings statistics) {

  /** The default tolerance: two accuracy points. */
  public static final double DEFAULT_TOLERANCE = 0.02;

  /**
   * The default metrics: final-epoch and best-epoch test accuracy ({@link
   * MetricKeys#DEFAULT_COMPARED}, the metrics the harness compares by default), blessed separately.
   */
  public static final List<String> DEFAULT_METRICS = MetricKeys.DEFAULT_COMPARED;

  /** Validates the settings. */
  public BlessSettings {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException(
          "BlessSettings.reference must name the reference method, e.g. SGD.");
    }
    metrics = List.copyOf(metrics);
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException(
          "BlessSettings.metrics must name at least one metric, e.g. "
              + MetricKeys.FINAL_TEST_ACCURACY
              + ".");
    }
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException(
          "BlessSettings.tolerance must be a finite number ≥ 0 but was " + tolerance + ".");
    }
  }
}
