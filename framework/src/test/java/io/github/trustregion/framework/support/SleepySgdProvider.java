package io.github.trustregion.framework.support;

import io.github.trustregion.framework.method.MethodProvider;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.method.Sgd;
import java.util.List;
import java.util.Map;

/**
 * A method registered through {@code META-INF/services} in the test resources (showing that users
 * can add methods): SGD that sleeps after every step, so a run lasts long enough to be killed.
 */
public final class SleepySgdProvider implements MethodProvider {

  @Override
  public String name() {
    return "SleepySGD";
  }

  @Override
  public String description() {
    return "SGD that sleeps after each step (tests only).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.of("learningRate", SettingSpec.Type.POSITIVE_DOUBLE, "0.1", "the step size"),
        SettingSpec.of("sleepMillis", SettingSpec.Type.POSITIVE_INTEGER, "50", "sleep per step"));
  }

  @Override
  public TrainingMethod create(Map<String, String> settings) {
    return new Sleepy(
        new Sgd(Double.parseDouble(settings.get("learningRate"))),
        Long.parseLong(settings.get("sleepMillis")));
  }

  /** The method: SGD's step followed by a sleep. */
  record Sleepy(Sgd sgd, long sleepMillis) implements TrainingMethod {
    @Override
    public String name() {
      return "SleepySGD";
    }

    @Override
    public Map<String, String> settings() {
      return Map.of(
          "learningRate",
          Double.toString(sgd.learningRate()),
          "sleepMillis",
          Long.toString(sleepMillis));
    }

    @Override
    public MethodState newState(long dimension) {
      MethodState inner = sgd.newState(dimension);
      return new MethodState() {
        @Override
        public StepReport step(
            org.nd4j.linalg.api.ndarray.INDArray parameters,
            io.github.trustregion.optimizers.MinibatchObjective objective) {
          StepReport report = inner.step(parameters, objective);
          try {
            Thread.sleep(sleepMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return report;
        }

        @Override
        public String activeMethod() {
          return "SleepySGD";
        }
      };
    }
  }
}
