package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.MinibatchObjective;

/** Checks shared by the first-order methods' states. */
final class MethodStates {

  private MethodStates() {}

  static long requireDimension(long dimension, String owner) {
    if (dimension <= 0) {
      throw new IllegalArgumentException(owner + ": dimension must be > 0 but was " + dimension);
    }
    return dimension;
  }

  /**
   * Returns the step size of one step: η, or η·B/B₀ under the linear scaling rule when the
   * reference batch B₀ is positive, B the objective's batch size.
   */
  static double learningRate(
      double learningRate, int referenceBatch, MinibatchObjective objective, String method) {
    if (referenceBatch == 0) {
      return learningRate;
    }
    java.util.OptionalInt batch = objective.batchSize();
    if (batch.isEmpty()) {
      throw new IllegalArgumentException(
          method
              + ": learningRateReferenceBatch="
              + referenceBatch
              + " scales the step with the minibatch's size, but the objective "
              + objective.getClass().getName()
              + " does not report one; use"
              + " learningRateReferenceBatch=0 (a fixed step) with it");
    }
    return learningRate * batch.getAsInt() / referenceBatch;
  }

  static int requireReferenceBatch(int referenceBatch, String owner) {
    if (referenceBatch < 0) {
      throw new IllegalArgumentException(
          owner
              + ": learningRateReferenceBatch must be >= 0 (0 for"
              + " a fixed step) but was "
              + referenceBatch);
    }
    return referenceBatch;
  }

  static void requireFinite(MinibatchObjective.ValueAndGradient vg, String method) {
    Checks.requireFiniteStart(vg.value(), vg.gradient().norm2Number().doubleValue(), method);
  }
}
