package io.github.trustregion.framework.allure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrustRegionSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochCsvTest {

  @Test
  void writesOneRowPerEpochWithEmptyTrustRegionColumnsForFirstOrderEpochs() {
    EpochRecord sgd = new EpochRecord(1, 0, "SGD", 0.5, 0.8, 0.6, 0.75, 1.5, 10, 0, 0, null);
    EpochRecord tr =
        new EpochRecord(
            2,
            1,
            "TR",
            Double.NaN,
            0.85,
            0.55,
            0.8,
            3.25,
            20,
            40,
            5,
            new TrustRegionSummary(4, 1, 0.95, 0.5, 1.0, 2, 0));

    String[] lines = EpochCsv.epochs(List.of(sgd, tr)).split("\r\n", -1);

    assertThat(lines).hasSize(4);
    assertThat(lines[0])
        .isEqualTo(EpochCsv.EPOCH_HEADER)
        .startsWith("epoch,stage,activeMethod,trainLoss");
    assertThat(lines[0].split(",")).hasSize(18);
    assertThat(lines[1]).isEqualTo("1,0,SGD,0.5,0.8,0.6,0.75,1.5,10,0,0,,,,,,,");
    // A NaN loss is an empty field; the trust-region columns are filled.
    assertThat(lines[2]).isEqualTo("2,1,TR,,0.85,0.55,0.8,3.25,20,40,5,4,1,0.95,0.5,1,2,0");
    assertThat(lines[3]).isEmpty();
  }

  @Test
  void writesASeriesWithItsColumnsAsTheHeader() {
    Series series =
        new Series(
            List.of("alpha", "train,loss"), List.of(List.of(0.0, 2.5), List.of(0.05, 1.0 / 3)));

    assertThat(EpochCsv.series(series))
        .isEqualTo("alpha,\"train,loss\"\r\n0,2.5\r\n0.05,0.3333333333\r\n");
  }
}
