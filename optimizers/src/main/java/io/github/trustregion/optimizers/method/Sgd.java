package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain stochastic gradient descent: x ← x − η ∇F(x), with a fixed step size or the linear scaling
 * rule.
 *
 * <p>The paper's baseline (see docs/method.md, "The methods compared"; η = 0.1 there). With a
 * reference batch size B₀ &gt; 0 the step of a minibatch of B examples is η·B/B₀ (Goyal et al.,
 * "Accurate, large minibatch SGD", 2017; see docs/method.md, "Learning-rate scaling"); B₀ = 0 keeps
 * the step fixed. Weight decay is not applied here: it belongs to the objective, so every method
 * sees the same regularization. Immutable and thread-safe.
 *
 * @param learningRate the step size η &gt; 0 (at batch size B₀ when scaled)
 * @param learningRateReferenceBatch B₀ ≥ 1 for the linear scaling rule, or 0 for a fixed step
 */
public record Sgd(double learningRate, int learningRateReferenceBatch) implements TrainingMethod {

  /** Validates the settings. */
  public Sgd {
    Checks.requirePositive(learningRate, "learningRate", "Sgd");
    MethodStates.requireReferenceBatch(learningRateReferenceBatch, "Sgd");
  }

  /** Creates SGD with the fixed step size η. */
  public Sgd(double learningRate) {
    this(learningRate, 0);
  }

  /** Returns {@code "SGD"}. */
  @Override
  public String name() {
    return "SGD";
  }

  /** Returns the step size, and the reference batch when the step is scaled. */
  @Override
  public Map<String, String> settings() {
    if (learningRateReferenceBatch == 0) {
      return Map.of("learningRate", Double.toString(learningRate));
    }
    return Map.of(
        "learningRate",
        Double.toString(learningRate),
        "learningRateReferenceBatch",
        Integer.toString(learningRateReferenceBatch));
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
      double step =
          MethodStates.learningRate(
              settings.learningRate, settings.learningRateReferenceBatch, objective, "SGD");
      parameters.subi(vg.gradient().muli(step));
      return StepReport.firstOrder(vg.value());
    }

    @Override
    public String activeMethod() {
      return "SGD";
    }
  }
}
