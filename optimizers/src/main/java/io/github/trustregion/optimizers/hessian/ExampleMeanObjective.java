package io.github.trustregion.optimizers.hessian;

import io.github.trustregion.optimizers.MinibatchObjective;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A minibatch objective that is a mean over examples and can form Hessian-vector products by a
 * chosen finite difference, of the mean loss over the whole minibatch or over a subset of its
 * examples.
 *
 * <p>{@link NetworkObjective} implements it; {@link HessianSettings#at} uses it for the methods'
 * {@code hessian} and {@code hessianBatchFraction} settings (see docs/method.md, "Hessian-vector
 * products" and "Hessian sub-sampling").
 */
public interface ExampleMeanObjective extends MinibatchObjective {

  /**
   * Returns the operator v ↦ ∇²F_S(x)v of F_S(x) = (1/|S|) Σ_{i∈S} ℓᵢ(x) + (λ/2)‖x‖².
   *
   * @param x the point
   * @param gradientAtX ∇F(x) on the whole minibatch; the base of forward differences when {@code
   *     examples} is null, unused otherwise (a subset's products need ∇F_S(x), computed here)
   * @param mode the difference, or null for the objective's own
   * @param fixedStep the difference step ε when &gt; 0 (forward differences only), or 0 for the
   *     mode's own rule ε ∝ (1 + ‖x‖)/‖v‖
   * @param examples the indices of S in the minibatch, distinct and increasing, or null for all
   * @return the operator, valid until the next Hessian request on this objective, and its set-up
   *     cost
   * @throws IllegalArgumentException if an index is out of range or a fixed step is asked with
   *     central differences
   */
  SampledHessian hessianAt(
      INDArray x, INDArray gradientAtX, HessianMode mode, double fixedStep, int[] examples);
}
