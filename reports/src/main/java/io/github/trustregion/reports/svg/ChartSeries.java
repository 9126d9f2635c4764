package io.github.trustregion.reports.svg;

import java.util.List;

/**
 * One named set of points on a chart.
 *
 * @param name the legend text
 * @param points the points, in drawing order
 * @param line whether consecutive points are joined by a line
 * @param markers whether each point gets a marker
 * @param dashed whether the line is dashed
 * @param colour the colour index into the palette, or -1 for the series' position
 */
public record ChartSeries(
    String name, List<Point> points, boolean line, boolean markers, boolean dashed, int colour) {

  /** Copies the points. */
  public ChartSeries {
    points = List.copyOf(points);
  }

  /** Returns a solid line without markers. */
  public static ChartSeries line(String name, List<Point> points) {
    return new ChartSeries(name, points, true, false, false, -1);
  }

  /** Returns markers without a line. */
  public static ChartSeries scatter(String name, List<Point> points) {
    return new ChartSeries(name, points, false, true, false, -1);
  }

  /** Returns a line with markers (use error bars on the points for mean ± sd). */
  public static ChartSeries lineWithMarkers(String name, List<Point> points) {
    return new ChartSeries(name, points, true, true, false, -1);
  }

  /** Returns a copy drawn dashed. */
  public ChartSeries asDashed() {
    return new ChartSeries(name, points, line, markers, true, colour);
  }

  /** Returns a copy with an explicit palette colour. */
  public ChartSeries withColour(int index) {
    return new ChartSeries(name, points, line, markers, dashed, index);
  }

  /**
   * One point, optionally with a vertical error bar.
   *
   * @param x the abscissa
   * @param y the ordinate
   * @param low the bar's lower end (NaN for no bar)
   * @param high the bar's upper end (NaN for no bar)
   */
  public record Point(double x, double y, double low, double high) {

    /** Returns a point without an error bar. */
    public static Point of(double x, double y) {
      return new Point(x, y, Double.NaN, Double.NaN);
    }

    /** Returns a point with the bar {@code y ± spread} (no bar when the spread is not finite). */
    public static Point withSpread(double x, double y, double spread) {
      return Double.isFinite(spread) ? new Point(x, y, y - spread, y + spread) : of(x, y);
    }

    boolean hasBar() {
      return Double.isFinite(low) && Double.isFinite(high);
    }
  }
}
