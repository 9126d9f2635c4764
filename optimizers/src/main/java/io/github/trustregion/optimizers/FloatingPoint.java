package io.github.trustregion.optimizers;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The unit round-off of ND4J's floating-point data types, shared by the objectives and the solvers.
 *
 * <p>Stateless and thread-safe.
 */
public final class FloatingPoint {

  private FloatingPoint() {}

  /**
   * Returns the unit round-off u = 2⁻ᵖ of a data type with a p-bit significand (half its machine
   * epsilon): 2⁻⁵³ for DOUBLE, 2⁻²⁴ for FLOAT, 2⁻¹¹ for HALF and 2⁻⁸ for BFLOAT16.
   *
   * @param type the data type
   * @param owner who asks (a class name), used in the message
   * @param what whose data type it is (for example "the network's parameters"), used in the message
   * @return u
   * @throws IllegalArgumentException if {@code type} is not one of these four floating-point types
   */
  public static double unitRoundoff(DataType type, String owner, String what) {
    return switch (type) {
      case DOUBLE -> 0x1p-53;
      case FLOAT -> 0x1p-24;
      case HALF -> 0x1p-11;
      case BFLOAT16 -> 0x1p-8;
      default ->
          throw new IllegalArgumentException(
              owner
                  + ": the data type of "
                  + what
                  + " is "
                  + type
                  + ", which is not a floating-point type; create it with FLOAT or DOUBLE");
    };
  }
}
