package io.github.trustregion.optimizers.subproblem;

/** Checks the settings shared by the Krylov solvers (Steihaug-CG and Lanczos). */
final class KrylovSettings {

  private KrylovSettings() {}

  /**
   * Throws naming the solver and the setting when {@code maxIterations < 1} or {@code
   * relativeTolerance} is negative or not finite.
   */
  static void requireValid(String solver, int maxIterations, double relativeTolerance) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException(
          solver + ": maxIterations must be at least 1, but is " + maxIterations + ".");
    }
    if (!(relativeTolerance >= 0) || !Double.isFinite(relativeTolerance)) {
      throw new IllegalArgumentException(
          solver
              + ": relativeTolerance must be finite and at least 0, but is "
              + relativeTolerance
              + ".");
    }
  }
}
