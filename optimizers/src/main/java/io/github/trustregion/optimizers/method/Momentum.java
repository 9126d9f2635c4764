package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
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
 *   <li>Nesterov (Sutskever et al. 2013, in the reformulation that evaluates the gradient at x): u
 *       ← μu − ηg, x ← x + μu − ηg.
 * </ul>
 *
 * <p>With a reference batch size B₀ &gt; 0, η is replaced by η·B/B₀ on a minibatch of B examples
 * (the linear scaling rule of Goyal et al., "Accurate, large minibatch SGD", 2017; see
 * docs/method.md, "Learning-rate scaling"). Weight decay belongs to the objective, not here.
 * Immutable and thread-safe.
 *
 * @param learningRate the step size η &gt; 0 (at batch size B₀ when scaled)
 * @param momentum μ ∈ [0, 1)
 * @param variant heavy ball or Nesterov
 * @param learningRateReferenceBatch B₀ ≥ 1 for the linear scaling rule, or 0 for a fixed step
 */
public record Momentum(
    double learningRate, double momentum, Variant variant, int learningRateReferenceBatch)
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
    MethodStates.requireReferenceBatch(learningRateReferenceBatch, "Momentum");
  }

  /** Creates momentum SGD with the fixed step size η. */
  public Momentum(double learningRate, double momentum, Variant variant) {
    this(learningRate, momentum, variant, 0);
  }

  /** Returns {@code "Momentum"} or {@code "Nesterov"}. */
  @Override
  public String name() {
    return variant == Variant.NESTEROV ? "Nesterov" : "Momentum";
  }

  /** Returns the step size, momentum and variant, and the reference batch when scaled. */
  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("learningRate", Double.toString(learningRate));
    settings.put("momentum", Double.toString(momentum));
    settings.put("variant", variant.name());
    if (learningRateReferenceBatch != 0) {
      settings.put("learningRateReferenceBatch", Integer.toString(learningRateReferenceBatch));
    }
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
      double step =
          MethodStates.learningRate(
              settings.learningRate,
              settings.learningRateReferenceBatch,
              objective,
              settings.name());
      INDArray scaledGradient = vg.gradient().muli(step);
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
