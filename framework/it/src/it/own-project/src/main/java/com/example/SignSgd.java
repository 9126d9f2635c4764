package com.example;

import io.github.trustregion.optimizers.DivergedException;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A training method of one's own: sign descent, x ← x − learningRate · sign(∇f(x)) (Bernstein et
 * al., "signSGD", ICML 2018).
 *
 * @param learningRate the step size per coordinate
 */
public record SignSgd(double learningRate) implements TrainingMethod {

  @Override
  public String name() {
    return "SignSGD";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of("learningRate", Double.toString(learningRate));
  }

  @Override
  public MethodState newState(long dimension) {
    return new MethodState() {
      @Override
      public StepReport step(INDArray parameters, MinibatchObjective objective) {
        MinibatchObjective.ValueAndGradient vg = objective.valueAndGradient(parameters);
        if (!Double.isFinite(vg.value())) {
          throw new DivergedException("SignSGD: the minibatch loss is " + vg.value() + ".");
        }
        parameters.subi(Transforms.sign(vg.gradient()).muli(learningRate));
        return StepReport.firstOrder(vg.value());
      }

      @Override
      public String activeMethod() {
        return "SignSGD";
      }
    };
  }
}
