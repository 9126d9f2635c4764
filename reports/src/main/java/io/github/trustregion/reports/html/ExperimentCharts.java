package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.analysis.Analyzer;
import io.github.trustregion.reports.analysis.ExperimentSummary;
import io.github.trustregion.reports.analysis.FitRow;
import io.github.trustregion.reports.analysis.GroupStat;
import io.github.trustregion.reports.analysis.TrialGroup;
import io.github.trustregion.reports.analysis.TrialKeys;
import io.github.trustregion.reports.analysis.TuningRow;
import io.github.trustregion.reports.fit.IterationCountFit;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.svg.ChartSeries;
import io.github.trustregion.reports.svg.ChartSeries.Point;
import io.github.trustregion.reports.svg.SvgChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws an experiment's figures (the equivalents of the paper's Figures 1–4), chosen by its kind,
 * followed by those of the work section ({@link WorkCharts}) where it applies.
 *
 * <p>Curves of several repeats are averaged epoch by epoch over the repeats that reached that
 * epoch. E1 gap curves show the first completed repeat of each λ (the caption says so).
 */
public final class ExperimentCharts {

  private ExperimentCharts() {}

  /** Returns the figures of one experiment, chosen by its kind. */
  public static List<NamedChart> forExperiment(
      LoadedExperiment experiment, ExperimentSummary summary) {
    List<TrialGroup> groups = TrialGroup.of(experiment);
    List<NamedChart> charts = new ArrayList<>();
    switch (experiment.resultKind()) {
      case SUBPROBLEM -> subproblem(groups, summary, charts);
      case LANDSCAPE -> {
        landscape(groups, charts);
        training(groups, summary, charts, false);
      }
      case TRACKS -> training(groups, summary, charts, true);
      case TRAINING -> training(groups, summary, charts, false);
      default -> throw new IllegalStateException("Unknown kind " + experiment.resultKind());
    }
    telemetry(groups, charts);
    charts.addAll(WorkCharts.forExperiment(experiment));
    tuning(summary, charts);
    return charts;
  }

  /**
   * One chart per tuned method and scope: the validation metric at every grid point (against the
   * tuned setting's value when one setting is tuned, else against the point's index), the chosen
   * point marked, and the marker saying when it lies on the grid's edge.
   */
  private static void tuning(ExperimentSummary summary, List<NamedChart> charts) {
    if (summary.tuning() == null) {
      return;
    }
    for (TuningRow row : summary.tuning()) {
      List<TuningRow.TuningPoint> finite =
          row.points().stream().filter(p -> Double.isFinite(p.score())).toList();
      if (finite.isEmpty()) {
        continue;
      }
      boolean byValue =
          row.points().stream()
              .allMatch(
                  p -> p.values().size() == 1 && positive(p.values().values().iterator().next()));
      String setting =
          byValue ? row.points().get(0).values().keySet().iterator().next() : "grid point";
      SvgChart chart =
          SvgChart.titled(
                  row.method()
                      + ", "
                      + row.scope()
                      + ": "
                      + Formats.label(row.metric())
                      + " by grid point")
              .axes(setting, Formats.label(row.metric()));
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      List<Point> pts = new ArrayList<>();
      Point chosen = null;
      for (TuningRow.TuningPoint p : finite) {
        double x = byValue ? Double.parseDouble(p.values().values().iterator().next()) : p.index();
        min = Math.min(min, x);
        max = Math.max(max, x);
        pts.add(Point.of(x, p.score()));
        if (p.index() == row.chosen()) {
          chosen = Point.of(x, p.score());
        }
      }
      if (byValue && min > 0 && max / min >= 10) {
        chart.logX();
      }
      pts.sort(java.util.Comparator.comparingDouble(Point::x));
      chart.add(
          ChartSeries.lineWithMarkers(row.method() + " (validation split)", pts).withColour(0));
      if (chosen != null) {
        chart.add(
            ChartSeries.scatter("chosen: " + row.chosenPoint(), List.of(chosen)).withColour(3));
        chart.verticalMarker(chosen.x(), row.onEdge() ? "chosen, on the grid's edge" : "chosen");
      }
      charts.add(
          new NamedChart(
              "tuning-" + row.method() + "-b" + row.batchSize(),
              "Tuning of "
                  + row.method()
                  + " ("
                  + row.scope()
                  + "): "
                  + Formats.label(row.metric())
                  + " of each grid point on the validation split, mean over its tuning repeats;"
                  + " the chosen point marked"
                  + (row.onEdge() ? " (on the grid's edge: " + row.edge() + ")" : ""),
              chart.render()));
    }
  }

  private static boolean positive(String value) {
    try {
      return Double.parseDouble(value) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map<String, List<TrialGroup>> bySetting(List<TrialGroup> groups) {
    Map<String, List<TrialGroup>> out = new LinkedHashMap<>();
    groups.forEach(g -> out.computeIfAbsent(g.settingLabel(), k -> new ArrayList<>()).add(g));
    return out;
  }

  private static List<TrialGroup> withEpochs(List<TrialGroup> groups) {
    return groups.stream()
        .filter(g -> g.completed().stream().anyMatch(t -> !t.epochs().isEmpty()))
        .toList();
  }

  private static void training(
      List<TrialGroup> all, ExperimentSummary summary, List<NamedChart> charts, boolean tracks) {
    List<TrialGroup> groups = withEpochs(all);
    int index = 0;
    for (var entry : bySetting(groups).entrySet()) {
      String setting = entry.getKey();
      List<TrialGroup> methods = entry.getValue();
      SvgChart byEpoch =
          SvgChart.titled("Error vs epoch — " + setting).axes("epoch", "error (1 − accuracy)");
      SvgChart bySeconds =
          SvgChart.titled("Error vs seconds — " + setting)
              .axes("training seconds", "error (1 − accuracy)");
      for (int m = 0; m < methods.size(); m++) {
        TrialGroup g = methods.get(m);
        List<List<EpochRecord>> runs =
            g.completed().stream().map(TrialResult::epochs).filter(e -> !e.isEmpty()).toList();
        double[] epoch = Curves.meanCurve(runs, e -> e.epoch());
        double[] seconds = Curves.meanCurve(runs, EpochRecord::wallSeconds);
        double[] test = Curves.meanCurve(runs, e -> 1 - e.testAccuracy());
        double[] train = Curves.meanCurve(runs, e -> 1 - e.trainAccuracy());
        String n = " (n=" + runs.size() + ")";
        byEpoch.add(
            ChartSeries.line(g.method() + " test" + n, Curves.points(epoch, test)).withColour(m));
        byEpoch.add(
            ChartSeries.line(g.method() + " train", Curves.points(epoch, train))
                .asDashed()
                .withColour(m));
        bySeconds.add(
            ChartSeries.line(g.method() + " test" + n, Curves.points(seconds, test)).withColour(m));
        bySeconds.add(
            ChartSeries.line(g.method() + " train", Curves.points(seconds, train))
                .asDashed()
                .withColour(m));
        if (tracks && m == 0 && !runs.isEmpty()) {
          List<EpochRecord> first = runs.get(0);
          for (int i = 1; i < first.size(); i++) {
            if (first.get(i).stage() != first.get(i - 1).stage()) {
              byEpoch.verticalMarker(
                  first.get(i - 1).epoch() + 0.5, "stage " + (first.get(i).stage() + 1));
            }
          }
        }
      }
      charts.add(
          new NamedChart(
              "error-epoch-" + index,
              "Train (dashed) and test (solid) error against epoch, "
                  + setting
                  + "; mean over completed repeats",
              byEpoch.render()));
      charts.add(
          new NamedChart(
              "error-seconds-" + index,
              "Train (dashed) and test (solid) error against training "
                  + "seconds, "
                  + setting
                  + "; mean over completed repeats",
              bySeconds.render()));
      index++;
    }
    batchSizeCharts(summary, charts);
  }

  private static void batchSizeCharts(ExperimentSummary summary, List<NamedChart> charts) {
    for (String metric : MetricKeys.DEFAULT_COMPARED) {
      List<GroupStat> stats =
          summary.groups().stream()
              .filter(
                  s ->
                      s.metric().equals(metric)
                          && s.n() > 0
                          && s.parameters().containsKey("batchSize"))
              .toList();
      if (stats.stream().map(s -> s.parameters().get(ParameterKeys.BATCH_SIZE)).distinct().count()
          < 2) {
        continue;
      }
      SvgChart chart =
          SvgChart.titled(Formats.label(metric) + " vs batch size (mean ± sd)")
              .axes("batch size", Formats.label(metric))
              .logX();
      Map<String, List<Point>> ours = new LinkedHashMap<>();
      Map<String, List<Point>> paper = new LinkedHashMap<>();
      Map<String, Integer> minN = new LinkedHashMap<>();
      boolean several =
          stats.stream().map(ExperimentCharts::withoutBatchSize).distinct().count() > 1;
      for (GroupStat s : stats) {
        double b = Double.parseDouble(s.parameters().get(ParameterKeys.BATCH_SIZE));
        String key = s.method() + (several ? " " + withoutBatchSize(s) : "");
        ours.computeIfAbsent(key, k -> new ArrayList<>())
            .add(Point.withSpread(b, s.mean(), s.sd()));
        minN.merge(key, s.n(), Math::min);
        if (s.paper() != null) {
          paper.computeIfAbsent(key, k -> new ArrayList<>()).add(Point.of(b, s.paper()));
        }
      }
      int colour = 0;
      for (var e : ours.entrySet()) {
        List<Point> pts = new ArrayList<>(e.getValue());
        pts.sort(java.util.Comparator.comparingDouble(Point::x));
        chart.add(
            ChartSeries.lineWithMarkers(e.getKey() + " (n≥" + minN.get(e.getKey()) + ")", pts)
                .withColour(colour));
        if (paper.containsKey(e.getKey())) {
          chart.add(
              ChartSeries.scatter(e.getKey() + " — paper's", paper.get(e.getKey()))
                  .withColour(colour)
                  .asDashed());
        }
        colour++;
      }
      charts.add(
          new NamedChart(
              "batch-" + metric,
              Formats.label(metric)
                  + " against batch size, mean ± sd per method; "
                  + "the paper's values (Figure 3) as separate points where it reports them",
              chart.render()));
    }
  }

  /** Returns a group's setting without its batch size, in words (one line per such setting). */
  private static String withoutBatchSize(GroupStat s) {
    Map<String, String> rest = new TreeMap<>(s.parameters());
    rest.remove(ParameterKeys.BATCH_SIZE);
    return TrialKeys.settingLabel(rest);
  }

  private static void telemetry(List<TrialGroup> groups, List<NamedChart> charts) {
    int index = 0;
    for (var entry : bySetting(withEpochs(groups)).entrySet()) {
      SvgChart radius =
          SvgChart.titled("Trust-region radius — " + entry.getKey())
              .axes("epoch", "mean radius")
              .logY();
      SvgChart rho =
          SvgChart.titled("Trust-region ρ — " + entry.getKey())
              .axes("epoch", "mean ρ (actual/predicted)");
      int colour = 0;
      for (TrialGroup g : entry.getValue()) {
        List<List<EpochRecord>> runs = g.completed().stream().map(TrialResult::epochs).toList();
        if (runs.stream().flatMap(List::stream).noneMatch(e -> e.trustRegion() != null)) {
          colour++;
          continue;
        }
        double[] epoch = Curves.meanCurve(runs, e -> e.epoch());
        double[] r = Curves.meanCurve(runs, e -> Curves.tr(e, TrustRegionSummary::meanRadius));
        double[] q = Curves.meanCurve(runs, e -> Curves.tr(e, TrustRegionSummary::meanRho));
        radius.add(
            ChartSeries.lineWithMarkers(g.method(), Curves.points(epoch, r)).withColour(colour));
        rho.add(
            ChartSeries.lineWithMarkers(g.method(), Curves.points(epoch, q)).withColour(colour));
        colour++;
      }
      if (radius.seriesCount() > 0) {
        charts.add(
            new NamedChart(
                "tr-radius-" + index,
                "Mean trust-region radius per epoch (TR epochs only), " + entry.getKey(),
                radius.render()));
        charts.add(
            new NamedChart(
                "tr-rho-" + index,
                "Mean ratio ρ per epoch (TR epochs only), " + entry.getKey(),
                rho.render()));
      }
      index++;
    }
  }

  private static void subproblem(
      List<TrialGroup> groups, ExperimentSummary summary, List<NamedChart> charts) {
    Map<String, List<TrialGroup>> byMethod = new LinkedHashMap<>();
    for (TrialGroup g : groups) {
      Map<String, String> rest = new TreeMap<>(g.setting());
      rest.remove("lambda");
      byMethod
          .computeIfAbsent(
              g.method() + (rest.isEmpty() ? "" : " — " + TrialKeys.settingLabel(rest)),
              k -> new ArrayList<>())
          .add(g);
    }
    int index = 0;
    for (var entry : byMethod.entrySet()) {
      SvgChart chart =
          SvgChart.titled("f(z_t) − f(s) — " + entry.getKey())
              .axes("iteration t", "f(z_t) − f(s)")
              .logY();
      int colour = 0;
      List<TrialGroup> sorted = new ArrayList<>(entry.getValue());
      sorted.sort(
          java.util.Comparator.comparingDouble(
              g ->
                  g.completed().isEmpty()
                      ? Double.MAX_VALUE
                      : TrialKeys.number(g.completed().get(0), "lambda")));
      for (TrialGroup g : sorted) {
        TrialResult first =
            g.completed().stream()
                .filter(t -> t.series().containsKey(Analyzer.GAP_SERIES))
                .findFirst()
                .orElse(null);
        if (first == null) {
          continue;
        }
        Series gap = first.series().get(Analyzer.GAP_SERIES);
        List<Double> it = gap.column("iteration");
        List<Double> value = gap.column("gap");
        List<Double> phase = gap.columns().contains("phase") ? gap.column("phase") : null;
        List<Point> one = new ArrayList<>();
        List<Point> two = new ArrayList<>();
        for (int i = 0; i < it.size(); i++) {
          boolean phaseTwo = phase != null && phase.get(i) >= 2;
          (phaseTwo ? two : one).add(Point.of(it.get(i), value.get(i)));
          if (!phaseTwo && i + 1 < it.size() && phase != null && phase.get(i + 1) >= 2) {
            two.add(Point.of(it.get(i), value.get(i)));
          }
        }
        String lambda = "λ=" + Formats.fmt(TrialKeys.number(first, "lambda"));
        chart.add(ChartSeries.line(lambda + " phase I", one).withColour(colour));
        if (!two.isEmpty()) {
          chart.add(ChartSeries.line(lambda + " phase II", two).asDashed().withColour(colour));
        }
        colour++;
      }
      if (chart.seriesCount() > 0) {
        charts.add(
            new NamedChart(
                "gap-" + index,
                "f(z_t) − f(s) per iteration (log scale), phase I solid, phase II "
                    + "dashed; first completed repeat per λ; "
                    + entry.getKey(),
                chart.render()));
      }
      index++;
    }
    if (summary.fits().isEmpty()) {
      return;
    }
    SvgChart fit =
        SvgChart.titled("Iterations to reach the sphere vs λ")
            .axes("λ", "iterations to the boundary");
    int colour = 0;
    for (FitRow row : summary.fits()) {
      List<Point> pts = row.points().stream().map(p -> Point.of(p.get(0), p.get(1))).toList();
      String name = row.method() + (row.setting().equals("(all)") ? "" : " " + row.setting());
      fit.add(ChartSeries.scatter(name + " (n=" + pts.size() + ")", pts).withColour(colour));
      if (Double.isFinite(row.c1())) {
        double lo = pts.stream().mapToDouble(Point::x).min().orElse(1);
        double hi = pts.stream().mapToDouble(Point::x).max().orElse(2);
        List<Point> curve = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
          double l = lo + (hi - lo) * i / 60.0;
          curve.add(Point.of(l, IterationCountFit.model(row.c1(), row.c2(), l)));
        }
        fit.add(
            ChartSeries.line(
                    "fit c₁=" + Formats.fmt(row.c1()) + " c₂=" + Formats.fmt(row.c2()), curve)
                .withColour(colour));
      }
      colour++;
    }
    charts.add(
        new NamedChart(
            "iterations-lambda",
            "Iterations to reach the sphere against λ with the least-squares "
                + "fit T(λ) = log(1 + c₁λ)/log(1 + c₂λ)",
            fit.render()));
  }

  private static void landscape(List<TrialGroup> groups, List<NamedChart> charts) {
    int index = 0;
    for (TrialGroup g : groups) {
      List<Series> series =
          g.completed().stream()
              .map(Analyzer::interpolationSeries)
              .flatMap(java.util.Optional::stream)
              .toList();
      if (series.isEmpty()) {
        continue;
      }
      SvgChart loss = SvgChart.titled("Loss along α — " + g.method()).axes("α", "loss");
      SvgChart accuracy = SvgChart.titled("Accuracy along α — " + g.method()).axes("α", "accuracy");
      int colour = 0;
      for (String split : List.of("train", "test")) {
        List<Point> l = meanAlong(series, split + "Loss");
        List<Point> a = meanAlong(series, split + "Accuracy");
        ChartSeries ls =
            ChartSeries.lineWithMarkers(split + " (n=" + series.size() + ")", l).withColour(colour);
        ChartSeries as =
            ChartSeries.lineWithMarkers(split + " (n=" + series.size() + ")", a).withColour(colour);
        loss.add(split.equals("train") ? ls.asDashed() : ls);
        accuracy.add(split.equals("train") ? as.asDashed() : as);
        colour++;
      }
      loss.verticalMarker(0, "w_B").verticalMarker(1, "w_A");
      accuracy.verticalMarker(0, "w_B").verticalMarker(1, "w_A");
      String caption =
          "along w(α) = α w_A + (1 − α) w_B for "
              + g.method()
              + ", "
              + g.settingLabel()
              + "; mean over repeats";
      charts.add(
          new NamedChart(
              "landscape-loss-" + index, "Train and test loss " + caption, loss.render()));
      charts.add(
          new NamedChart(
              "landscape-accuracy-" + index,
              "Train and test accuracy " + caption,
              accuracy.render()));
      index++;
    }
  }

  private static List<Point> meanAlong(List<Series> series, String column) {
    Map<Double, double[]> sums = new TreeMap<>();
    for (Series s : series) {
      if (!s.columns().contains(column)) {
        continue;
      }
      List<Double> alpha = s.column("alpha");
      List<Double> values = s.column(column);
      for (int i = 0; i < alpha.size(); i++) {
        double[] acc = sums.computeIfAbsent(alpha.get(i), k -> new double[2]);
        acc[0] += values.get(i);
        acc[1]++;
      }
    }
    List<Point> out = new ArrayList<>();
    sums.forEach((alpha, acc) -> out.add(Point.of(alpha, acc[0] / acc[1])));
    return out;
  }
}
