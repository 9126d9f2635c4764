package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.analysis.Analyzer;
import io.github.trustregion.reports.svg.ChartSeries;
import io.github.trustregion.reports.svg.SvgChart;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Draws the curves of one trial, attached to its Allure result: accuracy, loss, telemetry and
 * series.
 */
public final class TrialCharts {

  private TrialCharts() {}

  /** Returns the per-trial charts attached to an Allure result: curves, telemetry, or series. */
  public static List<NamedChart> forTrial(TrialResult trial) {
    List<NamedChart> charts = new ArrayList<>();
    if (!trial.epochs().isEmpty()) {
      double[] epoch = trial.epochs().stream().mapToDouble(EpochRecord::epoch).toArray();
      double[] seconds = trial.epochs().stream().mapToDouble(EpochRecord::wallSeconds).toArray();
      SvgChart acc = SvgChart.titled("Accuracy — " + trial.trialId()).axes("epoch", "accuracy");
      acc.add(
          ChartSeries.lineWithMarkers(
              "test",
              Curves.points(
                  epoch,
                  trial.epochs().stream().mapToDouble(EpochRecord::testAccuracy).toArray())));
      acc.add(
          ChartSeries.lineWithMarkers(
                  "train",
                  Curves.points(
                      epoch,
                      trial.epochs().stream().mapToDouble(EpochRecord::trainAccuracy).toArray()))
              .asDashed());
      charts.add(new NamedChart("accuracy", "Accuracy per epoch", acc.render()));
      SvgChart loss = SvgChart.titled("Loss — " + trial.trialId()).axes("training seconds", "loss");
      loss.add(
          ChartSeries.lineWithMarkers(
              "test",
              Curves.points(
                  seconds, trial.epochs().stream().mapToDouble(EpochRecord::testLoss).toArray())));
      loss.add(
          ChartSeries.lineWithMarkers(
                  "train",
                  Curves.points(
                      seconds,
                      trial.epochs().stream().mapToDouble(EpochRecord::trainLoss).toArray()))
              .asDashed());
      charts.add(new NamedChart("loss", "Loss against training seconds", loss.render()));
      if (trial.epochs().stream().anyMatch(e -> e.trustRegion() != null)) {
        SvgChart tr =
            SvgChart.titled("Trust region — " + trial.trialId()).axes("epoch", "value").logY();
        tr.add(
            ChartSeries.lineWithMarkers(
                "mean radius",
                Curves.points(
                    epoch,
                    trial.epochs().stream()
                        .mapToDouble(e -> Curves.tr(e, TrustRegionSummary::meanRadius))
                        .toArray())));
        tr.add(
            ChartSeries.lineWithMarkers(
                "mean ρ",
                Curves.points(
                    epoch,
                    trial.epochs().stream()
                        .mapToDouble(e -> Curves.tr(e, TrustRegionSummary::meanRho))
                        .toArray())));
        charts.add(
            new NamedChart("trust-region", "Trust-region radius and ρ per epoch", tr.render()));
      }
    }
    for (var entry : new TreeMap<>(trial.series()).entrySet()) {
      Series s = entry.getValue();
      if (s.columns().size() < 2 || s.rows().isEmpty()) {
        continue;
      }
      String xName = s.columns().get(0);
      boolean gap = entry.getKey().equals(Analyzer.GAP_SERIES);
      SvgChart chart =
          SvgChart.titled(entry.getKey() + " — " + trial.trialId())
              .axes(xName, gap ? "f(z_t) − f(s)" : "value");
      if (gap) {
        chart.logY();
      }
      double[] x = s.column(xName).stream().mapToDouble(Double::doubleValue).toArray();
      for (String column : s.columns().subList(1, s.columns().size())) {
        if (column.equals("phase")) {
          continue;
        }
        chart.add(
            ChartSeries.lineWithMarkers(
                column,
                Curves.points(
                    x, s.column(column).stream().mapToDouble(Double::doubleValue).toArray())));
      }
      charts.add(
          new NamedChart("series-" + entry.getKey(), "Series " + entry.getKey(), chart.render()));
    }
    return charts;
  }
}
