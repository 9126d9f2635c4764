/**
 * The methods compared in the experiments: SGD, SGD with momentum, Adam, the trust-region method
 * and the Hybrid (trust region until a plateau, then SGD), all behind {@link
 * io.github.trustregion.optimizers.TrainingMethod}.
 */
package io.github.trustregion.optimizers.method;
