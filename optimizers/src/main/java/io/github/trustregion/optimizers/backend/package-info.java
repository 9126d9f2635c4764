/**
 * Making DL4J use the fast native kernels of the CPU backend: {@link
 * io.github.trustregion.optimizers.backend.OneDnnLayerHelpers} gives convolution and pooling layers
 * DL4J's oneDNN helpers, which DL4J 1.0.0-M2.1 never installs by itself.
 */
package io.github.trustregion.optimizers.backend;
