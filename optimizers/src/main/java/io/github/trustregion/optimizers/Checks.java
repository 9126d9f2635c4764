package io.github.trustregion.optimizers;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks for the flat vectors and settings that methods and objectives exchange, and the
 * divergence check of a step's starting point.
 *
 * <p>Every failure message names the argument, says what was wrong and how to fix it. The argument
 * checks throw {@link IllegalArgumentException} ({@link #requireLength} throws {@link
 * NullPointerException} for a null vector); {@link #requireFiniteStart} throws {@link
 * DivergedException}, which the harness records as a diverged trial. Stateless and thread-safe.
 */
public final class Checks {

  private Checks() {}

  /**
   * Checks that {@code vector} is non-null and has exactly {@code dimension} entries.
   *
   * @param vector the vector to check
   * @param dimension the required length n
   * @param name the argument's name, used in the message
   * @param owner who requires it (a class or method name), used in the message
   * @return {@code vector}
   * @throws NullPointerException if {@code vector} is null
   * @throws IllegalArgumentException if the lengths differ
   */
  public static INDArray requireLength(INDArray vector, long dimension, String name, String owner) {
    Objects.requireNonNull(vector, () -> owner + ": " + name + " must not be null");
    if (vector.length() != dimension) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + name
              + " has "
              + vector.length()
              + " entries but this "
              + owner
              + " works on vectors of length "
              + dimension
              + "; pass the flat parameter vector of the same network (or create the state with"
              + " the right dimension)");
    }
    return vector;
  }

  /**
   * Checks that a scalar setting is finite and strictly positive.
   *
   * @param value the value to check
   * @param name the setting's name, used in the message
   * @param owner the class that owns the setting, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException if it is NaN, infinite, zero or negative
   */
  public static double requirePositive(double value, String name, String owner) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          owner + ": " + name + " must be finite and > 0 but was " + value);
    }
    return value;
  }

  /**
   * Checks that a scalar setting is finite and ≥ 0.
   *
   * @param value the value to check
   * @param name the setting's name, used in the message
   * @param owner the class that owns the setting, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException if it is NaN, infinite or negative
   */
  public static double requireNonNegative(double value, String name, String owner) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          owner + ": " + name + " must be finite and >= 0 but was " + value);
    }
    return value;
  }

  /**
   * Checks that a scalar lies in the open interval (0, 1).
   *
   * @param value the value to check
   * @param name the setting's name, used in the message
   * @param owner the class that owns the setting, used in the message
   * @return {@code value}
   * @throws IllegalArgumentException if it lies outside (0, 1) or is NaN
   */
  public static double requireOpenUnitInterval(double value, String name, String owner) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(
          owner + ": " + name + " must lie strictly between 0 and 1 but was " + value);
    }
    return value;
  }

  /**
   * Throws {@link DivergedException} unless the loss and the gradient norm are finite.
   *
   * @param loss F(x)
   * @param gradientNorm ‖∇F(x)‖₂ (NaN or infinite when any entry is)
   * @param method the method's name, used in the message
   * @throws DivergedException if either is NaN or infinite
   */
  public static void requireFiniteStart(double loss, double gradientNorm, String method) {
    if (!Double.isFinite(loss) || !Double.isFinite(gradientNorm)) {
      throw new DivergedException(
          method
              + ": the objective at the current iterate is not finite (loss "
              + loss
              + ", gradient norm "
              + gradientNorm
              + ", i.e. the gradient contains NaN or infinite entries); the trial diverged."
              + " Record it as diverged, or retry with a smaller step size or radius");
    }
  }
}
