package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.Checks;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain stochastic gradient descent with a fixed step size: x ← x − η ∇F(x).
 *
 * <p>The paper's baseline (η = 0.1 there; see docs/method.md, "The methods compared"). Weight
 * decay is not applied here: it belongs to the objective, so every method sees the same
 * regularization. Immutable and thread-safe.
 *
 * @param learningRate the step size η &gt; 0
 */
public record Sgd(double learningRate) implements TrainingMethod {

  /** Validates the step size. */
  public Sgd {
    Checks.requirePositive(learningRate, "learningRate", "Sgd");
  }

  /** Returns {@code "SGD"}. */
  @Override
  public String name() {
    return "SGD";
  }

  /** Returns the step size. */
  @Override
  public Map<String, String> settings() {
    return Map.of("learningRate", Double.toString(learningRate));
  }

  /** Creates the (stateless) per-trial state. */
  @Override
  public MethodState newState(long dimension) {
    return new State(this, MethodStates.requireDimension(dimension, "Sgd"));
  }

  private static final class State implements MethodState {
    private final Sgd settings;
    private final long dimension;

    State(Sgd settings, long dimension) {
      this.settings = settings;
      this.dimension = dimension;
    }

    @Override
    public StepReport step(INDArray parameters, MinibatchObjective objective) {
      Checks.requireLength(parameters, dimension, "parameters", "Sgd");
      MinibatchObjective.ValueAndGradient vg = objective.valueAndGradient(parameters);
      MethodStates.requireFinite(vg, "SGD");
      parameters.subi(vg.gradient().muli(settings.learningRate));
      return StepReport.firstOrder(vg.value());
    }

    @Override
    public String activeMethod() {
      return "SGD";
    }
  }
}
