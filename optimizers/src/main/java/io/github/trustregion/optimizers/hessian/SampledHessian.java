package io.github.trustregion.optimizers.hessian;

import io.github.trustregion.optimizers.HessianVectorProduct;

/**
 * The Hessian operator of one step together with what setting it up cost.
 *
 * @param product v ↦ H_S v, H_S the Hessian of the mean loss over the chosen examples S
 * @param baseGradientEvaluations passes over S spent before the first product (1 when forward
 *     differences on a proper subset need ∇F_S(x) as their base, else 0)
 * @param exampleFraction |S|/B, the share of the minibatch each product runs on (1 for the whole
 *     minibatch)
 */
public record SampledHessian(
    HessianVectorProduct product, int baseGradientEvaluations, double exampleFraction) {

  /** The operator of the whole minibatch, with no set-up cost. */
  public static SampledHessian whole(HessianVectorProduct product) {
    return new SampledHessian(product, 0, 1.0);
  }
}
