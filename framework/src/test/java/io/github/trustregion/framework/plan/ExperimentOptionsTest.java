package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExperimentOptionsTest {

  @Test
  void namesThePropertyWhenTheScaleIsUnknown() {
    Map<String, String> properties = Map.of(ExperimentOptions.SCALE, "huge");

    assertThatThrownBy(
            () -> ExperimentOptions.from(key -> Optional.ofNullable(properties.get(key))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("experiments.scale")
        .hasMessageContaining("'huge'");
  }
}
