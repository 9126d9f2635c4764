package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.analysis.TrialGroup;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.svg.ChartSeries;
import io.github.trustregion.reports.svg.SvgChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the figures of the work section: test accuracy against epochs and against
 * gradient-equivalents of work, and per epoch the acceptance rate of the ratio-tested steps and the
 * mean radius of each method, one set per setting.
 *
 * <p>Drawn only for experiments whose trials record their gradient-equivalents (results written
 * since the count was recorded) and where some method used Hessian-vector products: there the
 * question "which variant is better at equal cost" has an answer to show. Their ids start with
 * {@value #PREFIX}, which is how the page puts them in the work section rather than the figures.
 */
public final class WorkCharts {

  /** The id prefix of every chart of the work section. */
  public static final String PREFIX = "work-";

  private WorkCharts() {}

  /** Returns whether the experiment's completed trials give the work section something to show. */
  public static boolean applies(LoadedExperiment experiment) {
    List<EpochRecord> epochs =
        experiment.trials().stream()
            .flatMap(t -> t.epochs().stream())
            .filter(e -> e != null)
            .toList();
    return epochs.stream().anyMatch(e -> e.gradientEquivalents() != null)
        && epochs.stream().anyMatch(e -> e.hessianVectorProducts() > 0);
  }

  /** Returns the work section's figures of one experiment, or none when it does not apply. */
  public static List<NamedChart> forExperiment(LoadedExperiment experiment) {
    List<NamedChart> charts = new ArrayList<>();
    if (!applies(experiment)) {
      return charts;
    }
    Map<String, List<TrialGroup>> bySetting = new LinkedHashMap<>();
    for (TrialGroup g : TrialGroup.of(experiment)) {
      if (g.completed().stream().anyMatch(t -> !t.epochs().isEmpty())) {
        bySetting.computeIfAbsent(g.settingLabel(), k -> new ArrayList<>()).add(g);
      }
    }
    int index = 0;
    for (var entry : bySetting.entrySet()) {
      String setting = entry.getKey();
      SvgChart byEpoch =
          SvgChart.titled("Test accuracy vs epoch — " + setting).axes("epoch", "test accuracy");
      SvgChart byWork =
          SvgChart.titled("Test accuracy vs work — " + setting)
              .axes("gradient-equivalents (passes over a minibatch)", "test accuracy");
      SvgChart acceptance =
          SvgChart.titled("Acceptance rate — " + setting)
              .axes("epoch", "accepted / ratio-tested steps");
      SvgChart radius = SvgChart.titled("Radius — " + setting).axes("epoch", "mean radius").logY();
      int colour = 0;
      for (TrialGroup g : entry.getValue()) {
        List<List<EpochRecord>> runs =
            g.completed().stream().map(TrialResult::epochs).filter(e -> !e.isEmpty()).toList();
        String n = " (n=" + runs.size() + ")";
        double[] epoch = Curves.meanCurve(runs, EpochRecord::epoch);
        double[] work = Curves.meanCurve(runs, EpochRecord::gradientEquivalentsOrCounted);
        double[] test = Curves.meanCurve(runs, EpochRecord::testAccuracy);
        byEpoch.add(
            ChartSeries.lineWithMarkers(g.method() + n, Curves.points(epoch, test))
                .withColour(colour));
        byWork.add(
            ChartSeries.lineWithMarkers(g.method() + n, Curves.points(work, test))
                .withColour(colour));
        if (runs.stream().flatMap(List::stream).anyMatch(e -> e.trustRegion() != null)) {
          double[] accepted = Curves.meanCurve(runs, WorkCharts::acceptanceRate);
          if (java.util.Arrays.stream(accepted).anyMatch(Double::isFinite)) {
            acceptance.add(
                ChartSeries.lineWithMarkers(g.method(), Curves.points(epoch, accepted))
                    .withColour(colour));
          }
          double[] r = Curves.meanCurve(runs, e -> Curves.tr(e, TrustRegionSummary::meanRadius));
          radius.add(
              ChartSeries.lineWithMarkers(g.method(), Curves.points(epoch, r)).withColour(colour));
        }
        colour++;
      }
      String mean = "; mean over completed repeats";
      charts.add(
          new NamedChart(
              PREFIX + "accuracy-epoch-" + index,
              "Test accuracy against epoch, " + setting + mean,
              byEpoch.render()));
      charts.add(
          new NamedChart(
              PREFIX + "accuracy-work-" + index,
              "Test accuracy against the work done, in gradient-equivalents (gradients + m/B ·"
                  + " (subset gradients + passes per product · products) + value passes), "
                  + setting
                  + mean,
              byWork.render()));
      if (acceptance.seriesCount() > 0) {
        charts.add(
            new NamedChart(
                PREFIX + "acceptance-" + index,
                "Share of the ratio-tested trust-region steps that were accepted, per epoch "
                    + "(methods without a ratio test, such as TR-code, accept every step and are"
                    + " not drawn), "
                    + setting
                    + mean,
                acceptance.render()));
      }
      if (radius.seriesCount() > 0) {
        charts.add(
            new NamedChart(
                PREFIX + "radius-" + index,
                "Mean trust-region radius per epoch (log scale; TR-code's is its fixed radius), "
                    + setting
                    + mean,
                radius.render()));
      }
      index++;
    }
    return charts;
  }

  /** Returns the accepted share of an epoch's ratio-tested steps, NaN without any. */
  static double acceptanceRate(EpochRecord e) {
    TrustRegionSummary tr = e.trustRegion();
    if (tr == null || tr.ratioTestedSteps() == 0) {
      return Double.NaN;
    }
    return 1 - tr.rejections() / (double) tr.ratioTestedSteps();
  }
}
