package io.github.trustregion.optimizers;

import io.github.trustregion.optimizers.activation.ActivationSReLU;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the test MLP from a seed, so that every method of a comparison starts from the same
 * parameters: DL4J's initialization draws from the configuration's seed alone.
 */
public final class SeededNetworks {

  private SeededNetworks() {}

  /** A float32 MLP 784 → 32 (SReLU, a = 0.01) → 10 (softmax, cross-entropy), no regularization. */
  public static MultiLayerNetwork fashionMlp(long seed) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(
                    new DenseLayer.Builder()
                        .nIn(784)
                        .nOut(32)
                        .activation(new ActivationSReLU(0.01))
                        .build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(32)
                        .nOut(10)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    network.init();
    return network;
  }
}
