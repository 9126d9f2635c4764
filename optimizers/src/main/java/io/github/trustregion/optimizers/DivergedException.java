package io.github.trustregion.optimizers;

/**
 * Thrown by a {@link MethodState#step} when the objective's value, gradient or (for the
 * trust-region method) a Hessian-vector product at the current iterate is NaN or infinite, so no
 * further step is meaningful.
 *
 * <p>A harness catches it and records the trial as diverged; it is an {@link ArithmeticException}
 * because it reports a numerical failure of the run, not a programming error.
 */
public final class DivergedException extends ArithmeticException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was non-finite, where, and what to try (for example a smaller step size)
   */
  public DivergedException(String message) {
    super(message);
  }
}
