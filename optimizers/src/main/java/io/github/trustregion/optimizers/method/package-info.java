/**
 * The first-order methods compared with the trust-region method (SGD, SGD with momentum, Adam) and
 * the Hybrid (trust region until a plateau, then SGD), all behind {@link
 * io.github.trustregion.optimizers.TrainingMethod}; the trust-region method itself is in {@code
 * trustregion}.
 */
package io.github.trustregion.optimizers.method;
