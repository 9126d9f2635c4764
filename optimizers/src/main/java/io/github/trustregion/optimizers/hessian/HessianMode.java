package io.github.trustregion.optimizers.hessian;

/**
 * How a Hessian-vector product is approximated from gradients (see docs/method.md, "Hessian-vector
 * products").
 *
 * <p>With u the unit round-off of the network's data type (2⁻²⁴ for float32, 2⁻⁵³ for float64):
 *
 * <ul>
 *   <li>{@link #FORWARD_DIFFERENCE}: Hv ≈ (∇F(x + εv) − ∇F(x))/ε with ε = √u·(1 + ‖x‖)/‖v‖; reuses
 *       ∇F(x), so one product costs one extra forward-backward pass; error O(ε) + O(u/ε).
 *   <li>{@link #CENTRAL_DIFFERENCE}: Hv ≈ (∇F(x + εv) − ∇F(x − εv))/(2ε) with ε = ∛u·(1 + ‖x‖)/‖v‖;
 *       two passes per product; error O(ε²) + O(u/ε).
 * </ul>
 *
 * <p>Both steps balance truncation against rounding error (Nocedal and Wright, <i>Numerical
 * Optimization</i>, 2nd ed., §8.1).
 */
public enum HessianMode {
  /** One-sided difference reusing the gradient at x: one pass per product. */
  FORWARD_DIFFERENCE {
    @Override
    public double step(double unitRoundoff, double pointNorm, double directionNorm) {
      return Math.sqrt(unitRoundoff) * (1 + pointNorm) / directionNorm;
    }
  },
  /** Two-sided difference: two passes per product, far more accurate. */
  CENTRAL_DIFFERENCE {
    @Override
    public double step(double unitRoundoff, double pointNorm, double directionNorm) {
      return Math.cbrt(unitRoundoff) * (1 + pointNorm) / directionNorm;
    }
  };

  /**
   * Returns the difference step ε for a direction v at a point x.
   *
   * @param unitRoundoff u of the data type
   * @param pointNorm ‖x‖
   * @param directionNorm ‖v‖ &gt; 0
   * @return ε &gt; 0
   */
  public abstract double step(double unitRoundoff, double pointNorm, double directionNorm);
}
