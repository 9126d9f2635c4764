package io.github.trustregion.optimizers.hessian;

import io.github.trustregion.optimizers.activation.ActivationSReLU;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded networks and data for the objective's tests (vector helpers shared with others). */
public final class TinyNetworks {

  static final int INPUTS = 5;
  static final int CLASSES = 3;

  private TinyNetworks() {}

  /** 5 → 6 (SReLU) → 4 (tanh) → 3 (softmax, cross-entropy), optionally with dropout on layer 1. */
  static MultiLayerNetwork mlp(DataType type, double retainProbability) {
    DenseLayer.Builder hidden2 =
        new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.TANH);
    if (retainProbability < 1) {
      hidden2.dropOut(retainProbability);
    }
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(type)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(
                    new DenseLayer.Builder()
                        .nIn(INPUTS)
                        .nOut(6)
                        .activation(new ActivationSReLU(0.1))
                        .build())
                .layer(hidden2.build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(4)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    network.init();
    return network;
  }

  /** The same architecture as {@link #mlp} without dropout, as a ComputationGraph. */
  static ComputationGraph graph(DataType type) {
    ComputationGraph graph =
        new ComputationGraph(
            new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(type)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer(
                    "h1",
                    new DenseLayer.Builder()
                        .nIn(INPUTS)
                        .nOut(6)
                        .activation(new ActivationSReLU(0.1))
                        .build(),
                    "in")
                .addLayer(
                    "h2",
                    new DenseLayer.Builder().nIn(6).nOut(4).activation(Activation.TANH).build(),
                    "h1")
                .addLayer(
                    "out",
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(4)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build(),
                    "h2")
                .setOutputs("out")
                .build());
    graph.init();
    return graph;
  }

  /** Softmax regression 5 → 3: one output layer, an analytic Hessian. */
  static MultiLayerNetwork softmaxRegression() {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.NORMAL)
                .list()
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(INPUTS)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    network.init();
    return network;
  }

  /** BatchNorm 5 → dense 5 → 4 (tanh) → 3 (softmax): running statistics inside params(). */
  static MultiLayerNetwork batchNormalized() {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(3)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new BatchNormalization.Builder().nIn(INPUTS).nOut(INPUTS).build())
                .layer(
                    new DenseLayer.Builder()
                        .nIn(INPUTS)
                        .nOut(4)
                        .activation(Activation.TANH)
                        .build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(4)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    network.init();
    return network;
  }

  /**
   * A tiny CNN on 1×6×6 images: convolution 3×3 (2 channels, SReLU) → average pooling 2×2 → softmax
   * over 3 classes; average pooling as the paper prescribes for second-order training.
   */
  static MultiLayerNetwork tinyCnn(DataType type) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(5)
                .dataType(type)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(
                    new org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder(3, 3)
                        .nOut(2)
                        .activation(new ActivationSReLU(0.1))
                        .build())
                .layer(
                    new org.deeplearning4j.nn.conf.layers.SubsamplingLayer.Builder(
                            org.deeplearning4j.nn.conf.layers.SubsamplingLayer.PoolingType.AVG)
                        .kernelSize(2, 2)
                        .stride(2, 2)
                        .build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.convolutional(6, 6, 1))
                .build());
    network.init();
    return network;
  }

  /** A seeded minibatch of {@code size} 1×6×6 images with one-hot labels. */
  static DataSet images(int size, DataType type, long seed) {
    Random random = new Random(seed);
    double[][][][] features = new double[size][1][6][6];
    double[][] labels = new double[size][CLASSES];
    for (int i = 0; i < size; i++) {
      for (int r = 0; r < 6; r++) {
        for (int c = 0; c < 6; c++) {
          features[i][0][r][c] = random.nextGaussian();
        }
      }
      labels[i][random.nextInt(CLASSES)] = 1;
    }
    return new DataSet(
        Nd4j.createFromArray(features).castTo(type), Nd4j.createFromArray(labels).castTo(type));
  }

  /** A seeded minibatch of {@code size} examples: N(0.5, 1) features and one-hot labels. */
  static DataSet batch(int size, DataType type, long seed) {
    Random random = new Random(seed);
    double[][] features = new double[size][INPUTS];
    double[][] labels = new double[size][CLASSES];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < INPUTS; j++) {
        features[i][j] = 0.5 + random.nextGaussian();
      }
      labels[i][random.nextInt(CLASSES)] = 1;
    }
    return new DataSet(
        Nd4j.createFromArray(features).castTo(type), Nd4j.createFromArray(labels).castTo(type));
  }

  /** A seeded direction of unit norm with the given shape and type. */
  public static INDArray direction(long length, DataType type, long seed) {
    Random random = new Random(seed);
    double[] values = new double[(int) length];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    INDArray v = Nd4j.createFromArray(values).reshape(1, length);
    return v.divi(v.norm2Number()).castTo(type);
  }

  /** ‖a − b‖ / ‖b‖ in double precision. */
  public static double relativeError(INDArray a, INDArray b) {
    INDArray a64 = a.castTo(DataType.DOUBLE).reshape(b.length());
    INDArray b64 = b.castTo(DataType.DOUBLE).reshape(b.length());
    return a64.sub(b64).norm2Number().doubleValue() / b64.norm2Number().doubleValue();
  }
}
