/**
 * Trust-region training of deep networks on ND4J, after "Better Generalization by Efficient Trust
 * Region Method" (ICLR 2018 submission), with the first-order baselines it is compared against.
 *
 * <p>The central abstractions are {@link io.github.trustregion.optimizers.MinibatchObjective} (a
 * loss on one minibatch with its gradient and Hessian-vector products) and {@link
 * io.github.trustregion.optimizers.TrainingMethod} (immutable settings that create the per-trial
 * mutable {@link io.github.trustregion.optimizers.MethodState}).
 */
package io.github.trustregion.optimizers;
