package io.github.trustregion.optimizers;

import java.util.Map;

/**
 * An optimization method's immutable settings, which create the mutable state of one trial.
 *
 * <p>Learned from Optax's (init, update) pair and ND4J's {@code IUpdater → GradientUpdater}: the
 * settings are a value that can be printed, compared and stored; the state lives in {@link
 * MethodState}. Implementations are records and thread-safe; their states are not.
 */
public interface TrainingMethod {

  /** Returns a short name for tables and file names, such as {@code "SGD"} or {@code "TR"}. */
  String name();

  /** Returns every setting that changes the method's behaviour, by name, for reports. */
  Map<String, String> settings();

  /** Creates the state of one trial for parameter vectors of length {@code dimension}. */
  MethodState newState(long dimension);

  /**
   * Creates the state of one trial whose random choices are seeded by the trial's seed: the
   * examples of a sub-sampled Hessian (see docs/method.md, "Hessian sub-sampling") are drawn from
   * this seed and the step's index. Methods without random choices ignore it, which is the default;
   * {@link #newState(long)} is this with seed 0.
   */
  default MethodState newState(long dimension, long seed) {
    return newState(dimension);
  }
}
