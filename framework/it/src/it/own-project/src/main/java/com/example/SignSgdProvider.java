package com.example;

import io.github.trustregion.framework.method.MethodProvider;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.optimizers.TrainingMethod;
import java.util.List;
import java.util.Map;

/**
 * Makes {@link SignSgd} available to {@code @Optimizer(method = "SignSGD")}; listed in {@code
 * META-INF/services/io.github.trustregion.framework.method.MethodProvider}.
 */
public final class SignSgdProvider implements MethodProvider {

  /** Creates the provider (the service loader calls it). */
  public SignSgdProvider() {}

  @Override
  public String name() {
    return "SignSGD";
  }

  @Override
  public String description() {
    return "Sign descent, x <- x - learningRate * sign(gradient) (Bernstein et al., ICML 2018).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.of(
            "learningRate", SettingSpec.Type.POSITIVE_DOUBLE, "0.01", "the step per coordinate"));
  }

  @Override
  public TrainingMethod create(Map<String, String> settings) {
    return new SignSgd(Double.parseDouble(settings.get("learningRate")));
  }
}
