package io.github.trustregion.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class FloatingPointTest {

  @Test
  void unitRoundoffIsHalfTheGapAboveOne() {
    // float64 and float32 from Java's own arithmetic; half and bfloat16 from their 11- and 8-bit
    // significands (IEEE 754 binary16; bfloat16 is float32 with 16 fraction bits dropped)
    assertThat(FloatingPoint.unitRoundoff(DataType.DOUBLE, "T", "x")).isEqualTo(Math.ulp(1.0) / 2);
    assertThat(FloatingPoint.unitRoundoff(DataType.FLOAT, "T", "x"))
        .isEqualTo(Math.ulp(1.0f) / 2.0);
    assertThat(FloatingPoint.unitRoundoff(DataType.HALF, "T", "x")).isEqualTo(1.0 / 2048);
    assertThat(FloatingPoint.unitRoundoff(DataType.BFLOAT16, "T", "x")).isEqualTo(1.0 / 256);
    assertThat(1.0 + FloatingPoint.unitRoundoff(DataType.DOUBLE, "T", "x")).isEqualTo(1.0);
    assertThat(1.0 + 2 * FloatingPoint.unitRoundoff(DataType.DOUBLE, "T", "x")).isGreaterThan(1.0);
  }

  @Test
  void everyNonFloatingPointTypeIsRefusedWithTheOwnerAndTheFix() {
    for (DataType type : DataType.values()) {
      if (type.isFPType()) {
        continue;
      }
      assertThatThrownBy(() -> FloatingPoint.unitRoundoff(type, "NetworkObjective", "the weights"))
          .as("%s", type)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("NetworkObjective: the data type of the weights is " + type)
          .hasMessageContaining("FLOAT or DOUBLE");
    }
  }
}
