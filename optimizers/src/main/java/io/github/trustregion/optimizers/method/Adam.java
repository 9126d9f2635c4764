package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with bias correction (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR
 * 2015, Algorithm 1).
 *
 * <p>With g = ∇F(x) at step t = 1, 2, …: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ), v̂
 * = v/(1−β₂ᵗ), x ← x − η m̂/(√v̂ + ε). Weight decay belongs to the objective (so this is Adam with
 * L2 regularization, not AdamW). Immutable and thread-safe.
 *
 * @param learningRate η &gt; 0 (the usual default 1e-3)
 * @param beta1 β₁ ∈ (0, 1) (0.9)
 * @param beta2 β₂ ∈ (0, 1) (0.999)
 * @param epsilon ε &gt; 0 (1e-8)
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon)
    implements TrainingMethod {

  /** Validates the settings. */
  public Adam {
    Checks.requirePositive(learningRate, "learningRate", "Adam");
    Checks.requireOpenUnitInterval(beta1, "beta1", "Adam");
    Checks.requireOpenUnitInterval(beta2, "beta2", "Adam");
    Checks.requirePositive(epsilon, "epsilon", "Adam");
  }

  /** Returns Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and the given step size. */
  public static Adam withLearningRate(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8);
  }

  /** Returns {@code "Adam"}. */
  @Override
  public String name() {
    return "Adam";
  }

  /** Returns η, β₁, β₂ and ε. */
  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("learningRate", Double.toString(learningRate));
    settings.put("beta1", Double.toString(beta1));
    settings.put("beta2", Double.toString(beta2));
    settings.put("epsilon", Double.toString(epsilon));
    return Collections.unmodifiableMap(settings);
  }

  /** Creates the per-trial state with zero moments. */
  @Override
  public MethodState newState(long dimension) {
    return new State(this, MethodStates.requireDimension(dimension, "Adam"));
  }

  private static final class State implements MethodState {
    private final Adam settings;
    private final long dimension;
    private INDArray firstMoment;
    private INDArray secondMoment;
    private INDArray work;
    private int t;

    State(Adam settings, long dimension) {
      this.settings = settings;
      this.dimension = dimension;
    }

    @Override
    public StepReport step(INDArray parameters, MinibatchObjective objective) {
      Checks.requireLength(parameters, dimension, "parameters", "Adam");
      MinibatchObjective.ValueAndGradient vg = objective.valueAndGradient(parameters);
      MethodStates.requireFinite(vg, "Adam");
      INDArray g = vg.gradient();
      if (firstMoment == null) {
        firstMoment = parameters.ulike().assign(0);
        secondMoment = parameters.ulike().assign(0);
        work = parameters.ulike();
      }
      t++;
      double b1 = settings.beta1;
      double b2 = settings.beta2;
      firstMoment.muli(b1).addi(g.mul(1 - b1));
      secondMoment.muli(b2).addi(g.muli(g).muli(1 - b2));
      double biasCorrection1 = 1 - Math.pow(b1, t);
      double biasCorrection2 = 1 - Math.pow(b2, t);
      // work = sqrt(v / (1 − β₂ᵗ)) + ε
      work.assign(secondMoment).divi(biasCorrection2);
      Transforms.sqrt(work, false).addi(settings.epsilon);
      // x −= η (m / (1 − β₁ᵗ)) / work
      parameters.subi(firstMoment.div(work).muli(settings.learningRate / biasCorrection1));
      return StepReport.firstOrder(vg.value());
    }

    @Override
    public String activeMethod() {
      return "Adam";
    }
  }
}
