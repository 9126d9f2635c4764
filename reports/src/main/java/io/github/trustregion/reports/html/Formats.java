package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.MetricKeys;
import java.util.Locale;

/** Formats numbers and metric names for the report's cells, captions and figures. */
public final class Formats {

  private Formats() {}

  /** Returns a metric's name in words (the standard accuracies), else the name itself. */
  public static String label(String metric) {
    return switch (metric) {
      case MetricKeys.FINAL_TEST_ACCURACY -> "final-epoch test accuracy";
      case MetricKeys.BEST_TEST_ACCURACY -> "best-epoch test accuracy";
      case MetricKeys.FINAL_TRAIN_ACCURACY -> "final-epoch train accuracy";
      case MetricKeys.BEST_TRAIN_ACCURACY -> "best-epoch train accuracy";
      default -> metric;
    };
  }

  /** Returns a number to 4 significant digits without trailing zeros, "—" when not finite. */
  public static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.4g", v)
        .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replaceAll("\\.(e|$)", "$1");
  }

  /**
   * Returns a cell's full-precision value for its {@code data-value} attribute: the double, or
   * "NaN".
   */
  public static String raw(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "NaN";
  }

  /** Returns a fraction as a percentage with 2 decimals, "—" when not finite. */
  public static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", 100 * v) : "—";
  }

  /**
   * Returns a paper's value as the paper gives it: a fraction up to 1 as a percentage, else as a
   * number.
   */
  public static String paper(double v) {
    return v <= 1 ? pct(v) : fmt(v);
  }

  /** Returns whether a metric is an accuracy (shown as a percentage). */
  public static boolean isAccuracy(String metric) {
    return metric.toLowerCase(Locale.ROOT).contains("accuracy");
  }
}
