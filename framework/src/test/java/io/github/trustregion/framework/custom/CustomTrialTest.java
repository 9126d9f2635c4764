package io.github.trustregion.framework.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomTrialTest {

  @Test
  void keepsTheParametersInTheOrderTheyWereDeclared() {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String key : new String[] {"solver", "lambda", "n", "problem", "alpha", "beta"}) {
      parameters.put(key, key + "-value");
    }

    CustomTrial trial = CustomTrial.of("lambda30__r0", parameters);
    parameters.put("later", "x");

    assertThat(trial.parameters().keySet())
        .containsExactly("solver", "lambda", "n", "problem", "alpha", "beta");
  }

  @Test
  void refusesAParameterWithoutAValueNamingTheTrial() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("lambda", null);

    assertThatThrownBy(() -> CustomTrial.of("lambda30__r0", parameters))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda30__r0")
        .hasMessageContaining("lambda=null");
  }

  @Test
  void refusesANameThatCannotBePartOfAFileName() {
    assertThatThrownBy(() -> CustomTrial.of("a/b", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a/b'");
  }
}
