package io.github.trustregion.benchmarks.models;

import io.github.trustregion.optimizers.backend.OneDnnLayerHelpers;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network architecture whose initial parameters depend on a seed alone.
 *
 * <p>Every architecture uses the SReLU activation in its hidden layers, average pooling, a softmax
 * output with the multi-class cross-entropy loss, and neither dropout nor batch normalization, so
 * that its loss is a deterministic function of the parameters (finite-difference Hessian-vector
 * products need that). Implementations are immutable records and thread-safe.
 */
public sealed interface NetworkArchitecture permits Mlp, SmallCnn, Vgg16, MobileNetV1 {

  /** Returns a short name, such as {@code "mlp-784-256-256-10"}. */
  String name();

  /**
   * Returns whether the network takes flat rows [N, C·H·W] (fully connected) rather than images [N,
   * C, H, W].
   */
  boolean flatInput();

  /** Returns the network's configuration with weights initialized from {@code seed}. */
  MultiLayerConfiguration configuration(long seed);

  /**
   * Builds and initializes a new network, with oneDNN helpers in its convolution and pooling layers
   * where the native build has oneDNN ({@link OneDnnLayerHelpers}); two calls with the same seed
   * give bit-identical parameters.
   */
  default MultiLayerNetwork build(long seed) {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(seed));
    network.init();
    OneDnnLayerHelpers.install(network);
    return network;
  }
}
