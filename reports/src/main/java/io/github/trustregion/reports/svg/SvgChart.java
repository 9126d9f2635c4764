package io.github.trustregion.reports.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a self-contained SVG line/scatter/error-bar chart: axes with ticks, grid and labels, a
 * title, a legend, optional logarithmic axes and vertical marker lines.
 *
 * <p>Points that a logarithmic axis cannot show (values ≤ 0) and non-finite points are skipped, and
 * a line is broken there. The output is a standalone {@code <svg>} element, usable inline in HTML
 * or as an {@code image/svg+xml} file.
 */
public final class SvgChart {

  /** The palette, colour-blind-safe (Okabe–Ito), in series order. */
  public static final List<String> PALETTE =
      List.of(
          "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442");

  private static final int WIDTH = 720;
  private static final int MAX_LINE_POINTS = 2000;
  private static final int HEIGHT = 400;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 36;
  private static final int BOTTOM = 52;

  private final String title;
  private String xLabel = "";
  private String yLabel = "";
  private boolean logX;
  private boolean logY;
  private final List<ChartSeries> series = new ArrayList<>();
  private final List<double[]> markers = new ArrayList<>();
  private final List<String> markerLabels = new ArrayList<>();

  private SvgChart(String title) {
    this.title = title;
  }

  /** Starts a chart with a title. */
  public static SvgChart titled(String title) {
    return new SvgChart(title);
  }

  /** Sets the axis labels. */
  public SvgChart axes(String x, String y) {
    this.xLabel = x;
    this.yLabel = y;
    return this;
  }

  /** Makes the x axis logarithmic. */
  public SvgChart logX() {
    this.logX = true;
    return this;
  }

  /** Makes the y axis logarithmic. */
  public SvgChart logY() {
    this.logY = true;
    return this;
  }

  /** Adds a series. */
  public SvgChart add(ChartSeries s) {
    series.add(s);
    return this;
  }

  /** Adds a labelled vertical line at {@code x} (for example a phase switch). */
  public SvgChart verticalMarker(double x, String label) {
    markers.add(new double[] {x});
    markerLabels.add(label);
    return this;
  }

  /** Returns the number of series added. */
  public int seriesCount() {
    return series.size();
  }

  /** Renders the chart as an {@code <svg>} element. */
  public String render() {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (ChartSeries s : series) {
      for (ChartSeries.Point p : s.points()) {
        if (!drawable(p.x(), logX) || !drawable(p.y(), logY)) {
          continue;
        }
        xMin = Math.min(xMin, p.x());
        xMax = Math.max(xMax, p.x());
        yMin = Math.min(yMin, p.y());
        yMax = Math.max(yMax, p.y());
        if (p.hasBar()) {
          if (drawable(p.low(), logY)) {
            yMin = Math.min(yMin, p.low());
          }
          yMax = Math.max(yMax, p.high());
        }
      }
    }
    for (double[] m : markers) {
      if (drawable(m[0], logX)) {
        xMin = Math.min(xMin, m[0]);
        xMax = Math.max(xMax, m[0]);
      }
    }
    Axis x = new Axis(xLabel, logX, xMin, xMax);
    Axis y = new Axis(yLabel, logY, yMin, yMax);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"11\">");
    svg.append("<title>").append(escape(title)).append("</title>");
    svg.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" fill=\"#ffffff\"/>");
    svg.append("<text x=\"")
        .append(LEFT + plotW / 2)
        .append("\" y=\"20\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">")
        .append(escape(title))
        .append("</text>");
    // grid and ticks
    svg.append("<g class=\"axis x-axis\">");
    for (double t : x.ticks()) {
      double f = x.fraction(t);
      if (!(f >= -1e-9 && f <= 1 + 1e-9)) {
        continue;
      }
      String px = num(LEFT + f * plotW);
      svg.append("<line x1=\"")
          .append(px)
          .append("\" y1=\"")
          .append(TOP)
          .append("\" x2=\"")
          .append(px)
          .append("\" y2=\"")
          .append(TOP + plotH)
          .append("\" stroke=\"#e5e5e5\"/>");
      svg.append("<text class=\"tick\" x=\"")
          .append(px)
          .append("\" y=\"")
          .append(TOP + plotH + 15)
          .append("\" text-anchor=\"middle\">")
          .append(Axis.format(t))
          .append("</text>");
    }
    svg.append("<text class=\"axis-label\" x=\"")
        .append(LEFT + plotW / 2)
        .append("\" y=\"")
        .append(HEIGHT - 12)
        .append("\" text-anchor=\"middle\">")
        .append(escape(x.label()))
        .append(logX ? " (log scale)" : "")
        .append("</text></g>");
    svg.append("<g class=\"axis y-axis\">");
    for (double t : y.ticks()) {
      double f = y.fraction(t);
      if (!(f >= -1e-9 && f <= 1 + 1e-9)) {
        continue;
      }
      String py = num(TOP + (1 - f) * plotH);
      svg.append("<line x1=\"")
          .append(LEFT)
          .append("\" y1=\"")
          .append(py)
          .append("\" x2=\"")
          .append(LEFT + plotW)
          .append("\" y2=\"")
          .append(py)
          .append("\" stroke=\"#e5e5e5\"/>");
      svg.append("<text class=\"tick\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(py)
          .append("\" dy=\"4\" text-anchor=\"end\">")
          .append(Axis.format(t))
          .append("</text>");
    }
    svg.append("<text class=\"axis-label\" transform=\"translate(16,")
        .append(TOP + plotH / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(escape(y.label()))
        .append(logY ? " (log scale)" : "")
        .append("</text></g>");
    svg.append("<rect x=\"")
        .append(LEFT)
        .append("\" y=\"")
        .append(TOP)
        .append("\" width=\"")
        .append(plotW)
        .append("\" height=\"")
        .append(plotH)
        .append("\" fill=\"none\" stroke=\"#333333\"/>");
    // vertical markers
    for (int i = 0; i < markers.size(); i++) {
      double f = x.fraction(markers.get(i)[0]);
      if (!Double.isFinite(f)) {
        continue;
      }
      String px = num(LEFT + f * plotW);
      svg.append("<line class=\"marker\" x1=\"")
          .append(px)
          .append("\" y1=\"")
          .append(TOP)
          .append("\" x2=\"")
          .append(px)
          .append("\" y2=\"")
          .append(TOP + plotH)
          .append("\" stroke=\"#888888\" stroke-dasharray=\"2,3\"/>");
      svg.append("<text x=\"")
          .append(px)
          .append("\" y=\"")
          .append(TOP + 12)
          .append("\" dx=\"3\" fill=\"#555555\">")
          .append(escape(markerLabels.get(i)))
          .append("</text>");
    }
    // series
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      String colour = PALETTE.get(Math.floorMod(s.colour() >= 0 ? s.colour() : i, PALETTE.size()));
      svg.append("<g class=\"series\" data-name=\"").append(escape(s.name())).append("\">");
      if (s.line()) {
        StringBuilder path = new StringBuilder();
        boolean pen = false;
        for (ChartSeries.Point p : thinned(s)) {
          double fx = x.fraction(p.x());
          double fy = y.fraction(p.y());
          if (!drawable(p.x(), logX)
              || !drawable(p.y(), logY)
              || !Double.isFinite(fx)
              || !Double.isFinite(fy)) {
            pen = false;
            continue;
          }
          path.append(pen ? " L" : " M")
              .append(num(LEFT + fx * plotW))
              .append(',')
              .append(num(TOP + (1 - fy) * plotH));
          pen = true;
        }
        if (path.length() > 0) {
          svg.append("<path d=\"")
              .append(path.toString().trim())
              .append("\" fill=\"none\" stroke=\"")
              .append(colour)
              .append("\" stroke-width=\"2\"")
              .append(s.dashed() ? " stroke-dasharray=\"6,4\"" : "")
              .append("/>");
        }
      }
      for (ChartSeries.Point p : s.points()) {
        double fx = x.fraction(p.x());
        double fy = y.fraction(p.y());
        if (!drawable(p.x(), logX)
            || !drawable(p.y(), logY)
            || !Double.isFinite(fx)
            || !Double.isFinite(fy)) {
          continue;
        }
        String px = num(LEFT + fx * plotW);
        if (p.hasBar()) {
          double lo = drawable(p.low(), logY) ? y.fraction(p.low()) : 0;
          double hi = y.fraction(p.high());
          svg.append("<line class=\"errorbar\" x1=\"")
              .append(px)
              .append("\" y1=\"")
              .append(num(TOP + (1 - lo) * plotH))
              .append("\" x2=\"")
              .append(px)
              .append("\" y2=\"")
              .append(num(TOP + (1 - hi) * plotH))
              .append("\" stroke=\"")
              .append(colour)
              .append("\" stroke-width=\"1.5\"/>");
        }
        if (s.markers()) {
          svg.append("<circle cx=\"")
              .append(px)
              .append("\" cy=\"")
              .append(num(TOP + (1 - fy) * plotH))
              .append("\" r=\"3.5\" fill=\"")
              .append(colour)
              .append("\"/>");
        }
      }
      svg.append("</g>");
    }
    // legend
    svg.append("<g class=\"legend\">");
    int lx = LEFT + plotW + 12;
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      String colour = PALETTE.get(Math.floorMod(s.colour() >= 0 ? s.colour() : i, PALETTE.size()));
      int ly = TOP + 10 + i * 18;
      svg.append("<line x1=\"")
          .append(lx)
          .append("\" y1=\"")
          .append(ly)
          .append("\" x2=\"")
          .append(lx + 22)
          .append("\" y2=\"")
          .append(ly)
          .append("\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"")
          .append(s.line() ? 2 : 0)
          .append('"')
          .append(s.dashed() ? " stroke-dasharray=\"6,4\"" : "")
          .append("/>");
      if (s.markers()) {
        svg.append("<circle cx=\"")
            .append(lx + 11)
            .append("\" cy=\"")
            .append(ly)
            .append("\" r=\"3.5\" fill=\"")
            .append(colour)
            .append("\"/>");
      }
      svg.append("<text x=\"")
          .append(lx + 28)
          .append("\" y=\"")
          .append(ly)
          .append("\" dy=\"4\">")
          .append(escape(abbreviate(s.name())))
          .append("</text>");
    }
    svg.append("</g></svg>");
    return svg.toString();
  }

  /**
   * Returns the points of a line to draw: all of them up to {@value #MAX_LINE_POINTS}, else every
   * k-th point and the last (a plot is {@value #WIDTH} pixels wide; markers are never thinned).
   */
  private static List<ChartSeries.Point> thinned(ChartSeries s) {
    List<ChartSeries.Point> points = s.points();
    if (s.markers() || points.size() <= MAX_LINE_POINTS) {
      return points;
    }
    int stride = (points.size() + MAX_LINE_POINTS - 1) / MAX_LINE_POINTS;
    List<ChartSeries.Point> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i += stride) {
      out.add(points.get(i));
    }
    if ((points.size() - 1) % stride != 0) {
      out.add(points.get(points.size() - 1));
    }
    return out;
  }

  private static String abbreviate(String name) {
    return name.length() <= 26 ? name : name.substring(0, 25) + "…";
  }

  private static boolean drawable(double v, boolean log) {
    return Double.isFinite(v) && (!log || v > 0);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Escapes text for XML content and attribute values. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
