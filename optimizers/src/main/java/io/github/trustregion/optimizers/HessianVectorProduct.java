package io.github.trustregion.optimizers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear operator v ↦ Hv, where H is a symmetric (Hessian) matrix that is never formed.
 *
 * <p>Implementations count nothing themselves; solvers count the products they ask for.
 */
@FunctionalInterface
public interface HessianVectorProduct {

  /**
   * Returns Hv as a new array of the same length, shape and data type as {@code v}; {@code v} is
   * not modified and the result belongs to the caller.
   */
  INDArray multiply(INDArray v);
}
