package io.github.trustregion.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart axis: its label, scale (linear or base-10 logarithmic), data range and ticks.
 *
 * <p>Linear ticks are "nice" numbers (1, 2 or 5 times a power of ten) spanning the range; log ticks
 * are the powers of ten inside the range (or, when the range spans less than one decade, 1–2–5
 * multiples of powers of ten).
 */
final class Axis {

  private final String label;
  private final boolean log;
  private final double min;
  private final double max;
  private final List<Double> ticks;

  Axis(String label, boolean log, double dataMin, double dataMax) {
    this.label = label;
    this.log = log;
    double lo = dataMin;
    double hi = dataMax;
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = log ? 1 : 0;
      hi = log ? 10 : 1;
    }
    if (log) {
      double a = Math.log10(lo);
      double b = Math.log10(hi);
      if (b - a < 1e-12) {
        a -= 0.5;
        b += 0.5;
      }
      this.min = Math.floor(a * 10) / 10;
      this.max = Math.ceil(b * 10) / 10;
      this.ticks = logTicks(this.min, this.max);
    } else {
      if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
        double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
      }
      double step = niceStep((hi - lo) / 6);
      this.min = Math.floor(lo / step) * step;
      this.max = Math.ceil(hi / step) * step;
      List<Double> t = new ArrayList<>();
      for (double v = min; v <= max + step * 1e-9; v += step) {
        t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
      }
      this.ticks = t;
    }
  }

  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  private static List<Double> logTicks(double minExp, double maxExp) {
    List<Double> t = new ArrayList<>();
    for (int e = (int) Math.ceil(minExp - 1e-9); e <= Math.floor(maxExp + 1e-9); e++) {
      t.add(Math.pow(10, e));
    }
    if (t.size() < 2) {
      t.clear();
      for (int e = (int) Math.floor(minExp) - 1; e <= Math.ceil(maxExp); e++) {
        for (int m : new int[] {1, 2, 5}) {
          double v = m * Math.pow(10, e);
          double lv = Math.log10(v);
          if (lv >= minExp - 1e-9 && lv <= maxExp + 1e-9) {
            t.add(v);
          }
        }
      }
    }
    return t;
  }

  /** Maps a data value to [0, 1] along the axis (NaN for values a log axis cannot show). */
  double fraction(double value) {
    if (log) {
      return value > 0 ? (Math.log10(value) - min) / (max - min) : Double.NaN;
    }
    return (value - min) / (max - min);
  }

  String label() {
    return label;
  }

  List<Double> ticks() {
    return ticks;
  }

  /** Formats a tick value compactly. */
  static String format(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) {
      String s = String.format(Locale.ROOT, "%.0e", v);
      return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
    if (a == Math.rint(a)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
