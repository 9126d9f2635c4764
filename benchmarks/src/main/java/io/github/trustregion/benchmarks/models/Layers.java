package io.github.trustregion.benchmarks.models;

import io.github.trustregion.optimizers.activation.ActivationSReLU;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The building blocks the architectures share, so that they differ only in their shapes. */
final class Layers {

  private Layers() {}

  /**
   * Returns the common settings: the seed, the data type, He-normal initialization for the hidden
   * layers (suited to ReLU-like activations such as SReLU), zero biases, and no DL4J updater (the
   * project's methods update the parameters themselves).
   */
  static NeuralNetConfiguration.Builder base(long seed, DataType dataType, ConvolutionMode mode) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(dataType)
        .weightInit(WeightInit.RELU)
        .biasInit(0.0)
        .updater(new NoOp())
        .convolutionMode(mode);
  }

  /** Returns a new SReLU activation with the optimizers module's default smoothing constant. */
  static ActivationSReLU srelu() {
    return new ActivationSReLU();
  }

  /** A k×k convolution with bias and SReLU. */
  static ConvolutionLayer conv(int kernel, int stride, int outChannels) {
    return new ConvolutionLayer.Builder(kernel, kernel)
        .stride(stride, stride)
        .nOut(outChannels)
        .hasBias(true)
        .activation(srelu())
        .build();
  }

  /** A 2×2 average pooling with stride 2 (the paper replaces max pooling by it). */
  static SubsamplingLayer averagePool(int size) {
    return new SubsamplingLayer.Builder(PoolingType.AVG)
        .kernelSize(size, size)
        .stride(size, size)
        .build();
  }

  /** A fully connected layer with SReLU. */
  static DenseLayer dense(int outputs) {
    return new DenseLayer.Builder().nOut(outputs).activation(srelu()).build();
  }

  /** The softmax output layer with the multi-class cross-entropy loss, Xavier-initialized. */
  static OutputLayer softmaxOutput(int classes) {
    return new OutputLayer.Builder(LossFunction.MCXENT)
        .nOut(classes)
        .activation(Activation.SOFTMAX)
        .weightInit(WeightInit.XAVIER)
        .build();
  }
}
