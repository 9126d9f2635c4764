package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with momentum, heavy-ball or Nesterov, in the velocity form used by most frameworks.
 *
 * <p>With g = ∇F(x), velocity u (initially 0), step size η and momentum μ:
 *
 * <ul>
 *   <li>heavy ball (Polyak 1964): u ← μu − ηg, x ← x + u;
 *   <li>Nesterov (Sutskever et al. 2013, in the reformulation that evaluates the gradient at x):
 *       u ← μu − ηg, x ← x + μu − ηg.
 * </ul>
 *
 * <p>Weight decay belongs to the objective, not here. Immutable and thread-safe.
 *
 * @param learningRate the step size η &gt; 0
 * @param momentum μ ∈ [0, 1)
 * @param variant heavy ball or Nesterov
 */
public record Momentum(double learningRate, double momentum, Variant variant)
    implements TrainingMethod {

  /** Which momentum update to use. */
  public enum Variant {
    /** Polyak's heavy-ball momentum. */
    HEAVY_BALL,
    /** Nesterov's accelerated gradient. */
    NESTEROV
  }

  /** Validates the settings. */
  public Momentum {
    Checks.requirePositive(learningRate, "learningRate", "Momentum");
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException(
          "Momentum: momentum must lie in [0, 1) but was " + momentum);
    }
    Objects.requireNonNull(variant, "Momentum: variant must not be null (HEAVY_BALL or NESTEROV)");
  }

  /** Returns {@code "Momentum"} or {@code "Nesterov"}. */
  @Override
  public String name() {
    return variant == Variant.NESTEROV ? "Nesterov" : "Momentum";
  }

  /** Returns the step size, momentum and variant. */
  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("learningRate", Double.toString(learningRate));
    settings.put("momentum", Double.toString(momentum));
    settings.put("variant", variant.name());
    return Collections.unmodifiableMap(settings);
  }

  /** Creates the per-trial state with zero velocity. */
  @Override
  public MethodState newState(long dimension) {
    return new State(this, MethodStates.requireDimension(dimension, "Momentum"));
  }

  private static final class State implements MethodState {
    private final Momentum settings;
    private final long dimension;
    private INDArray velocity;

    State(Momentum settings, long dimension) {
      this.settings = settings;
      this.dimension = dimension;
    }

    @Override
    public StepReport step(INDArray parameters, MinibatchObjective objective) {
      Checks.requireLength(parameters, dimension, "parameters", "Momentum");
      MinibatchObjective.ValueAndGradient vg = objective.valueAndGradient(parameters);
      MethodStates.requireFinite(vg, settings.name());
      INDArray scaledGradient = vg.gradient().muli(settings.learningRate);
      if (velocity == null) {
        velocity = parameters.ulike();
        velocity.assign(0);
      }
      velocity.muli(settings.momentum).subi(scaledGradient);
      if (settings.variant == Variant.NESTEROV) {
        parameters.addi(velocity.mul(settings.momentum)).subi(scaledGradient);
      } else {
        parameters.addi(velocity);
      }
      return StepReport.firstOrder(vg.value());
    }

    @Override
    public String activeMethod() {
      return settings.name();
    }
  }
}
