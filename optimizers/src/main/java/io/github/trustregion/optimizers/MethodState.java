package io.github.trustregion.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mutable state of one method in one trial (momentum buffers, trust-region radius, …).
 *
 * <p>Not thread-safe: one trial, one thread.
 */
public interface MethodState {

  /**
   * Takes one step on one minibatch, updating {@code parameters} in place.
   *
   * @param parameters the flat parameter vector x, overwritten by the new iterate
   * @param objective the minibatch objective F; its gradient and Hessian-vector products are taken
   *     at {@code parameters}
   * @return what the step did and cost
   * @throws DivergedException if the loss or the gradient at {@code parameters} is NaN or infinite,
   *     or (trust region) a Hessian-vector product there is (the harness records the trial as
   *     diverged)
   * @throws IllegalArgumentException if {@code parameters} does not have the state's dimension
   */
  StepReport step(INDArray parameters, MinibatchObjective objective);

  /**
   * Tells the method that an epoch ended, with the training accuracy measured on it; methods that
   * switch or schedule on progress (Hybrid) use it, others ignore it.
   */
  default void endEpoch(int epoch, double trainingAccuracy) {}

  /** Returns the name of the method currently acting (Hybrid answers "TR" or "SGD"). */
  String activeMethod();
}
