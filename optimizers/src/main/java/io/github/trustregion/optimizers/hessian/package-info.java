/**
 * Minibatch objectives of DL4J networks ({@code MultiLayerNetwork}, {@code ComputationGraph}) with
 * gradients of the mean loss and finite-difference Hessian-vector products.
 */
package io.github.trustregion.optimizers.hessian;
