package io.github.trustregion.framework.allure;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrustRegionSummary;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a trial's per-epoch records and series as CSV (comma-separated, one header line). */
public final class EpochCsv {

  /** The header of {@link #epochs}. */
  public static final String EPOCH_HEADER = "epoch,stage,activeMethod,trainLoss,trainAccuracy,"
      + "testLoss,testAccuracy,wallSeconds,gradientEvaluations,hessianVectorProducts,"
      + "functionEvaluations,trSteps,trRejections,trMeanRho,trMeanRadius,trFinalRadius,"
      + "trBoundarySteps,trHardCases";

  private EpochCsv() {}

  /** Returns the epochs as CSV, trust-region columns empty for first-order epochs. */
  public static String epochs(List<EpochRecord> epochs) {
    StringBuilder csv = new StringBuilder(EPOCH_HEADER).append('\n');
    for (EpochRecord e : epochs) {
      csv.append(e.epoch()).append(',').append(e.stage()).append(',').append(e.activeMethod())
          .append(',').append(number(e.trainLoss())).append(',').append(number(e.trainAccuracy()))
          .append(',').append(number(e.testLoss())).append(',').append(number(e.testAccuracy()))
          .append(',').append(number(e.wallSeconds())).append(',').append(e.gradientEvaluations())
          .append(',').append(e.hessianVectorProducts()).append(',')
          .append(e.functionEvaluations()).append(',');
      TrustRegionSummary t = e.trustRegion();
      if (t == null) {
        csv.append(",,,,,,");
      } else {
        csv.append(t.steps()).append(',').append(t.rejections()).append(',')
            .append(number(t.meanRho())).append(',').append(number(t.meanRadius())).append(',')
            .append(number(t.finalRadius())).append(',').append(t.boundarySteps()).append(',')
            .append(t.hardCases());
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  /** Returns a series as CSV. */
  public static String series(Series series) {
    StringBuilder csv = new StringBuilder(String.join(",", series.columns())).append('\n');
    for (List<Double> row : series.rows()) {
      csv.append(row.stream().map(EpochCsv::number).collect(Collectors.joining(","))).append('\n');
    }
    return csv.toString();
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.8g", value) : Double.toString(value);
  }
}
