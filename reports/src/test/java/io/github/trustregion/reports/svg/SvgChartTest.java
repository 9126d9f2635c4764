package io.github.trustregion.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The SVG chart writer: axes, ticks, legend, log scales, markers, and what it leaves out. */
class SvgChartTest {

  private static Document parse(String svg) {
    return Jsoup.parse(svg, "", Parser.xmlParser());
  }

  @Test
  void drawsAxesTicksLegendAndOnePathPerLine() {
    String svg =
        SvgChart.titled("Loss <test>")
            .axes("epoch", "loss")
            .add(
                ChartSeries.line(
                    "SGD", List.of(ChartSeries.Point.of(1, 0.5), ChartSeries.Point.of(2, 0.3))))
            .add(
                ChartSeries.lineWithMarkers(
                    "TR",
                    List.of(
                        ChartSeries.Point.withSpread(1, 0.4, 0.05),
                        ChartSeries.Point.withSpread(2, 0.2, 0.05))))
            .verticalMarker(1.5, "switch")
            .render();
    Document d = parse(svg);
    assertThat(d.select("svg > title").text()).isEqualTo("Loss <test>");
    assertThat(d.select("g.series")).hasSize(2);
    assertThat(d.select("g.series path")).hasSize(2);
    assertThat(d.select("g.series[data-name=TR] circle")).hasSize(2);
    assertThat(d.select("line.errorbar")).hasSize(2);
    assertThat(d.select("g.legend text").eachText()).containsExactly("SGD", "TR");
    assertThat(d.select("g.x-axis text.tick").eachText()).contains("1", "2");
    assertThat(d.select("line.marker")).hasSize(1);
  }

  @Test
  void logAxisTicksArePowersOfTenAndNonPositiveValuesAreSkipped() {
    List<ChartSeries.Point> points =
        List.of(
            ChartSeries.Point.of(0, 100),
            ChartSeries.Point.of(1, 1),
            ChartSeries.Point.of(2, 0.0),
            ChartSeries.Point.of(3, 0.001));
    Document d =
        parse(
            SvgChart.titled("gap")
                .axes("t", "gap")
                .logY()
                .add(ChartSeries.line("g", points))
                .render());
    assertThat(d.select("g.y-axis text.tick").eachText())
        .containsExactly("0.001", "0.01", "0.1", "1", "10", "100");
    String path = d.selectFirst("g.series path").attr("d");
    // the zero breaks the line: two sub-paths (M … L …, M …)
    assertThat(path.split("M")).hasSize(3);
  }

  @Test
  void thinsVeryLongLinesButKeepsTheLastPoint() {
    List<ChartSeries.Point> points = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      points.add(ChartSeries.Point.of(i, Math.exp(-i / 1000.0)));
    }
    Element path =
        parse(SvgChart.titled("long").axes("i", "v").add(ChartSeries.line("v", points)).render())
            .selectFirst("g.series path");
    String[] segments = path.attr("d").trim().split(" ");
    assertThat(segments.length).isBetween(1000, 2001); // stride ⌈10001 / 2000⌉ = 6: 1668 points
    assertThat(segments[segments.length - 1])
        .startsWith("L530.0,"); // x = 10,000 at the plot's right edge, 70 + 460 px
  }
}
