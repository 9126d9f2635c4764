/**
 * Minibatch objectives of DL4J networks ({@code MultiLayerNetwork}, {@code ComputationGraph}) with
 * gradients of the mean loss and finite-difference Hessian-vector products, which a method may ask
 * for by a chosen difference and over a seeded subset of the minibatch ({@link
 * io.github.trustregion.optimizers.hessian.HessianSettings}, {@link
 * io.github.trustregion.optimizers.hessian.HessianSubsample}).
 */
package io.github.trustregion.optimizers.hessian;
