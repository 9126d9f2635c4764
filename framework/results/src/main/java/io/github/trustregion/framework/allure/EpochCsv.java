package io.github.trustregion.framework.allure;

import io.github.trustregion.framework.result.Csv;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrustRegionSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a trial's per-epoch records and series as CSV ({@link Csv}: one header row, CRLF rows).
 */
public final class EpochCsv {

  /** The columns of {@link #epochs}. */
  public static final List<String> EPOCH_COLUMNS =
      List.of(
          "epoch",
          "stage",
          "activeMethod",
          "trainLoss",
          "trainAccuracy",
          "testLoss",
          "testAccuracy",
          "wallSeconds",
          "gradientEvaluations",
          "hessianVectorProducts",
          "functionEvaluations",
          "trSteps",
          "trRejections",
          "trMeanRho",
          "trMeanRadius",
          "trFinalRadius",
          "trBoundarySteps",
          "trHardCases");

  /** The header row of {@link #epochs}, without its line end. */
  public static final String EPOCH_HEADER = String.join(",", EPOCH_COLUMNS);

  private EpochCsv() {}

  /** Returns the epochs as CSV, trust-region columns empty for first-order epochs. */
  public static String epochs(List<EpochRecord> epochs) {
    Csv csv = new Csv().row(EPOCH_COLUMNS);
    for (EpochRecord e : epochs) {
      List<Object> row =
          new ArrayList<>(
              Arrays.asList(
                  e.epoch(),
                  e.stage(),
                  e.activeMethod(),
                  e.trainLoss(),
                  e.trainAccuracy(),
                  e.testLoss(),
                  e.testAccuracy(),
                  e.wallSeconds(),
                  e.gradientEvaluations(),
                  e.hessianVectorProducts(),
                  e.functionEvaluations()));
      TrustRegionSummary t = e.trustRegion();
      if (t == null) {
        row.addAll(Arrays.asList(null, null, null, null, null, null, null));
      } else {
        row.addAll(
            Arrays.asList(
                t.steps(),
                t.rejections(),
                t.meanRho(),
                t.meanRadius(),
                t.finalRadius(),
                t.boundarySteps(),
                t.hardCases()));
      }
      csv.row(row);
    }
    return csv.toString();
  }

  /** Returns a series as CSV: its columns, then one row per row. */
  public static String series(Series series) {
    Csv csv = new Csv().row(series.columns());
    series.rows().forEach(csv::row);
    return csv.toString();
  }
}
