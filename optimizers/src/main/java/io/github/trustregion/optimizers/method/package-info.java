/**
 * The first-order methods compared with the trust-region method (SGD, SGD with momentum, Adam, the
 * first two optionally with linear learning-rate scaling), the Hybrid (trust region until a
 * plateau, then SGD) and the published code's step rule ({@code TrCode}), all behind {@link
 * io.github.trustregion.optimizers.TrainingMethod}; the trust-region method itself is in {@code
 * trustregion}.
 */
package io.github.trustregion.optimizers.method;
