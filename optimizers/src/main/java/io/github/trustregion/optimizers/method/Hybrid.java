package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's Hybrid method: the trust-region method until training accuracy reaches a plateau,
 * then SGD from the trust-region model (see docs/method.md, "Hybrid").
 *
 * <p>The plateau is judged by {@link PlateauRule} on the training accuracies reported through
 * {@link MethodState#endEpoch}; the switch happens once and is final, and SGD starts from the
 * parameters TR left. {@link MethodState#activeMethod()} answers {@code "TR"} before the switch and
 * {@code "SGD"} after it. Immutable and thread-safe; the states are not.
 *
 * @param trustRegion the first phase
 * @param sgd the second phase
 * @param plateau when to switch
 */
public record Hybrid(TrustRegion trustRegion, Sgd sgd, PlateauRule plateau)
    implements TrainingMethod {

  /** Validates the settings. */
  public Hybrid {
    Objects.requireNonNull(trustRegion, "Hybrid: trustRegion must not be null");
    Objects.requireNonNull(sgd, "Hybrid: sgd must not be null");
    Objects.requireNonNull(plateau, "Hybrid: plateau must not be null");
  }

  /** Returns {@code "Hybrid"}. */
  @Override
  public String name() {
    return "Hybrid";
  }

  /** Returns both phases' settings (prefixed {@code tr.} and {@code sgd.}) and the plateau rule. */
  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    trustRegion.settings().forEach((key, value) -> settings.put("tr." + key, value));
    sgd.settings().forEach((key, value) -> settings.put("sgd." + key, value));
    settings.put("plateau.patience", Integer.toString(plateau.patience()));
    settings.put("plateau.minImprovement", Double.toString(plateau.minImprovement()));
    return Collections.unmodifiableMap(settings);
  }

  /**
   * Creates the per-trial state, starting in the trust-region phase.
   *
   * @throws IllegalArgumentException if {@code dimension} is not positive
   */
  @Override
  public MethodState newState(long dimension) {
    return newState(dimension, 0);
  }

  /**
   * Creates the per-trial state, starting in the trust-region phase, whose Hessian subsets (if any)
   * are drawn from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code dimension} is not positive
   */
  @Override
  public MethodState newState(long dimension, long seed) {
    return new State(this, MethodStates.requireDimension(dimension, "Hybrid"), seed);
  }

  private static final class State implements MethodState {
    private final Hybrid settings;
    private final MethodState trustRegionState;
    private final MethodState sgdState;
    private boolean switched;
    private double bestAccuracy = Double.NEGATIVE_INFINITY;
    private int epochsWithoutImprovement;

    State(Hybrid settings, long dimension, long seed) {
      this.settings = settings;
      this.trustRegionState = settings.trustRegion.newState(dimension, seed);
      this.sgdState = settings.sgd.newState(dimension, seed);
    }

    @Override
    public StepReport step(INDArray parameters, MinibatchObjective objective) {
      return (switched ? sgdState : trustRegionState).step(parameters, objective);
    }

    @Override
    public void endEpoch(int epoch, double trainingAccuracy) {
      if (switched) {
        return;
      }
      if (trainingAccuracy > bestAccuracy + settings.plateau.minImprovement()) {
        bestAccuracy = trainingAccuracy;
        epochsWithoutImprovement = 0;
      } else {
        epochsWithoutImprovement++;
        if (epochsWithoutImprovement >= settings.plateau.patience()) {
          switched = true;
        }
      }
    }

    @Override
    public String activeMethod() {
      return switched ? "SGD" : "TR";
    }
  }
}
