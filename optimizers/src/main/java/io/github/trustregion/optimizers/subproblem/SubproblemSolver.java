package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.HessianVectorProduct;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Solves (approximately) the trust-region subproblem min f(z) = ½zᵀHz + gᵀz s.t. ‖z‖₂ ≤ r.
 *
 * <p>Implementations are immutable settings and thread-safe.
 */
public interface SubproblemSolver {

  /** Returns a short name for tables, such as {@code "paper"} or {@code "steihaug-cg"}. */
  String name();

  /**
   * Solves the subproblem.
   *
   * @param g the gradient (not modified)
   * @param h the Hessian operator
   * @param radius the trust-region radius r &gt; 0
   * @return the step z with ‖z‖ ≤ r (up to rounding), its model value f(z) and diagnostics; if a
   *     Hessian-vector product was not finite (a diverged network), the zero step with model value
   *     NaN, so that the caller records the divergence instead of catching an exception
   * @throws IllegalArgumentException on a non-positive or non-finite radius, or NaN/Inf in g
   */
  SubproblemSolution solve(INDArray g, HessianVectorProduct h, double radius);
}
