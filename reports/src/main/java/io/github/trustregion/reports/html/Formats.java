package io.github.trustregion.reports.html;

import java.util.Locale;

/** Formats numbers and metric names for the report's cells, captions and figures. */
final class Formats {

  private Formats() {}

  /** Returns a metric's name in words (the standard accuracies), else the name itself. */
  static String label(String metric) {
    return switch (metric) {
      case "finalTestAccuracy" -> "final-epoch test accuracy";
      case "bestTestAccuracy" -> "best-epoch test accuracy";
      case "finalTrainAccuracy" -> "final-epoch train accuracy";
      case "bestTrainAccuracy" -> "best-epoch train accuracy";
      default -> metric;
    };
  }

  /** Returns a number to 4 significant digits without trailing zeros, "—" when not finite. */
  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
  }
}
