package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.Checks;

/** Checks shared by the first-order methods' states. */
final class MethodStates {

  private MethodStates() {}

  static long requireDimension(long dimension, String owner) {
    if (dimension <= 0) {
      throw new IllegalArgumentException(owner + ": dimension must be > 0 but was " + dimension);
    }
    return dimension;
  }

  static void requireFinite(MinibatchObjective.ValueAndGradient vg, String method) {
    Checks.requireFiniteStart(vg.value(), vg.gradient().norm2Number().doubleValue(), method);
  }
}
