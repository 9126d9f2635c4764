package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLogTest {

  @Test
  void theTimeLeftIsTheElapsedTimePerUnitDoneTimesTheUnitsLeft() {
    // 12 units in 6 minutes: 30 s a unit, and 100 left take 50 minutes
    assertThat(ProgressLog.remaining(Duration.ofMinutes(6), 12, 100))
        .contains(Duration.ofMinutes(50));
    assertThat(ProgressLog.remaining(Duration.ofMinutes(6), 12, 0)).contains(Duration.ZERO);
  }

  @Test
  void thereIsNoEstimateBeforeTheFirstUnit() {
    assertThat(ProgressLog.remaining(Duration.ofMinutes(6), 0, 100)).isEmpty();
  }

  @Test
  void formatsHoursMinutesAndSeconds() {
    assertThat(ProgressLog.format(Duration.ofSeconds(3723))).isEqualTo("1h02m03s");
    assertThat(ProgressLog.format(Duration.ofSeconds(65))).isEqualTo("1m05s");
  }
}
