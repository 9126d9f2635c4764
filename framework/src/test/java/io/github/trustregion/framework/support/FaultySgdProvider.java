package io.github.trustregion.framework.support;

import io.github.trustregion.framework.method.MethodProvider;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.method.Sgd;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A method registered through {@code META-INF/services} in the test resources: SGD that fails on
 * purpose, to test how the runner records and resumes such trials. Its step throws while {@link
 * #FAILURES} is positive (counting it down), and after step {@code nanAtStep} of a state (1-based,
 * 0 for never) it overwrites the parameters with NaN, so that only the evaluation after that step's
 * epoch sees a non-finite loss when the step ends an epoch.
 */
public final class FaultySgdProvider implements MethodProvider {

  /** How many steps, over all trials of this JVM, still throw; tests set it and reset it. */
  public static final AtomicInteger FAILURES = new AtomicInteger();

  @Override
  public String name() {
    return "FaultySGD";
  }

  @Override
  public String description() {
    return "SGD that throws or writes NaN into the parameters on request (tests only).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.of("learningRate", SettingSpec.Type.POSITIVE_DOUBLE, "0.5", "the step size"),
        SettingSpec.of(
            "nanAtStep",
            SettingSpec.Type.INTEGER,
            "0",
            "the step after which the parameters become NaN (0: never)"));
  }

  @Override
  public TrainingMethod create(Map<String, String> settings) {
    return new Faulty(
        new Sgd(Double.parseDouble(settings.get("learningRate"))),
        Integer.parseInt(settings.get("nanAtStep")));
  }

  /** The method: SGD's step, then the requested fault. */
  record Faulty(Sgd sgd, int nanAtStep) implements TrainingMethod {
    @Override
    public String name() {
      return "FaultySGD";
    }

    @Override
    public Map<String, String> settings() {
      return Map.of(
          "learningRate",
          Double.toString(sgd.learningRate()),
          "nanAtStep",
          Integer.toString(nanAtStep));
    }

    @Override
    public MethodState newState(long dimension) {
      MethodState inner = sgd.newState(dimension);
      return new MethodState() {
        private int steps;

        @Override
        public StepReport step(INDArray parameters, MinibatchObjective objective) {
          if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("FaultySGD fails on purpose");
          }
          StepReport report = inner.step(parameters, objective);
          if (++steps == nanAtStep) {
            parameters.assign(Double.NaN);
          }
          return report;
        }

        @Override
        public String activeMethod() {
          return "FaultySGD";
        }
      };
    }
  }
}
