package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.svg.ChartSeries.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The data behind the curves: means over repeats per epoch, points from coordinates, telemetry
 * values.
 */
final class Curves {

  private Curves() {}

  /** Returns the mean over runs of {@code f} at each epoch index, over the runs that reached it. */
  static double[] meanCurve(List<List<EpochRecord>> runs, ToDoubleFunction<EpochRecord> f) {
    int length = runs.stream().mapToInt(List::size).max().orElse(0);
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      double sum = 0;
      int count = 0;
      for (List<EpochRecord> run : runs) {
        if (i < run.size()) {
          double v = f.applyAsDouble(run.get(i));
          if (Double.isFinite(v)) {
            sum += v;
            count++;
          }
        }
      }
      out[i] = count == 0 ? Double.NaN : sum / count;
    }
    return out;
  }

  /** Returns the points (x_i, y_i). */
  static List<Point> points(double[] x, double[] y) {
    List<Point> out = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      out.add(Point.of(x[i], y[i]));
    }
    return out;
  }

  /** Returns a trust-region value of an epoch, NaN for an epoch without trust-region steps. */
  static double tr(EpochRecord e, ToDoubleFunction<TrustRegionSummary> f) {
    return e.trustRegion() == null ? Double.NaN : f.applyAsDouble(e.trustRegion());
  }
}
