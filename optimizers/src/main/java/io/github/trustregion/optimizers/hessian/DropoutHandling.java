package io.github.trustregion.optimizers.hessian;

/**
 * What a {@link NetworkObjective} does with layers whose training-mode output is random: dropout
 * and its relatives (DL4J's {@code IDropout}: dropout, Gaussian dropout and noise, alpha dropout,
 * spatial dropout) and weight noise ({@code IWeightNoise}: DropConnect, weight noise).
 *
 * <p>A finite-difference Hessian-vector product subtracts two gradients; with a fresh random mask
 * in each, the difference is dominated by the masks, not by curvature. The ratio test of the trust
 * region likewise compares F at two points and needs the same function at both.
 */
public enum DropoutHandling {
  /** Refuse such networks with an {@link IllegalArgumentException} naming the layer (default). */
  REFUSE,
  /**
   * Switch the randomness off for every evaluation of the objective (value, gradient and
   * Hessian-vector products alike), so F is the loss of the deterministic network. The layer
   * configurations are restored after each evaluation; inference is unaffected (DL4J never applies
   * dropout there). Consequence: the methods train the network without dropout's regularization.
   * Switching it off only for the products would be wrong: the product must be the derivative of
   * the very gradient the method uses.
   */
  DISABLE
}
