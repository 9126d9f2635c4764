package io.github.trustregion.optimizers.backend;

import static io.github.trustregion.optimizers.hessian.TinyNetworks.direction;
import static io.github.trustregion.optimizers.hessian.TinyNetworks.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.activation.ActivationSReLU;
import io.github.trustregion.optimizers.hessian.HessianMode;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's oneDNN layer helpers compute the same function as DL4J's built-in layers: float32
 * gradients, outputs and Hessian-vector products with helpers agree with a float64 network as
 * closely as the built-in float32 ones do.
 */
class OneDnnLayerHelpersTest {

  private static final int CLASSES = 4;

  @BeforeEach
  void requireOneDnn() {
    assumeTrue(
        OneDnnLayerHelpers.nativeBuildHasOneDnn(),
        "the ND4J native library has no oneDNN (classifier other than linux-x86_64-onednn)");
  }

  @Test
  void installsHelpersIntoEveryPlainConvolutionAndPoolingLayerAndRemovesThem() {
    MultiLayerNetwork network = cnn(DataType.FLOAT);
    OneDnnLayerHelpers.remove(network);
    assertThat(OneDnnLayerHelpers.countInstalled(network)).isZero();

    assertThat(OneDnnLayerHelpers.install(network)).isEqualTo(3);
    assertThat(OneDnnLayerHelpers.countInstalled(network)).isEqualTo(3);

    assertThat(OneDnnLayerHelpers.remove(network)).isEqualTo(3);
    assertThat(OneDnnLayerHelpers.countInstalled(network)).isZero();
  }

  @Test
  void installsHelpersIntoAComputationGraph() {
    ComputationGraph graph = cnn(DataType.FLOAT).toComputationGraph();
    OneDnnLayerHelpers.remove(graph);

    assertThat(OneDnnLayerHelpers.install(graph)).isEqualTo(3);
    assertThat(OneDnnLayerHelpers.countInstalled(graph)).isEqualTo(3);
  }

  @Test
  void helperGradientsAndOutputsMatchAFloat64Reference() {
    MultiLayerNetwork builtin = cnn(DataType.FLOAT);
    OneDnnLayerHelpers.remove(builtin);
    MultiLayerNetwork helped = cnn(DataType.FLOAT);
    OneDnnLayerHelpers.install(helped);
    MultiLayerNetwork reference = cnn(DataType.DOUBLE);
    reference.setParams(builtin.params().castTo(DataType.DOUBLE));
    DataSet batch64 = images(16, 3);
    DataSet batch32 = float32(batch64);

    INDArray exact = gradient(reference, batch64);
    INDArray builtinGradient = gradient(builtin, batch32);
    INDArray helperGradient = gradient(helped, batch32);
    double builtinError = relativeError(builtinGradient, exact);
    double helperError = relativeError(helperGradient, exact);

    assertThat(Arrays.equals(helperGradient.toFloatVector(), builtinGradient.toFloatVector()))
        .as(
            "oneDNN's kernels round differently from im2col + gemm, so equal bits would mean"
                + " that the helpers were not used")
        .isFalse();
    assertThat(helperError).isLessThan(1e-5).isLessThan(Math.max(10 * builtinError, 1e-6));
    INDArray exactOutput = reference.output(batch64.getFeatures(), false);
    assertThat(relativeError(helped.output(batch32.getFeatures(), false), exactOutput))
        .isLessThan(1e-5);
  }

  @Test
  void forwardDifferenceProductsWithHelpersStayWithinTheFloat32Tolerance() {
    MultiLayerNetwork helped = cnn(DataType.FLOAT);
    OneDnnLayerHelpers.install(helped);
    MultiLayerNetwork reference = cnn(DataType.DOUBLE);
    reference.setParams(helped.params().castTo(DataType.DOUBLE));
    DataSet batch64 = images(16, 5);
    DataSet batch32 = float32(batch64);
    INDArray v64 = direction(helped.numParams(), DataType.DOUBLE, 6);

    MinibatchObjective exactObjective =
        NetworkObjective.of(
                reference,
                ObjectiveOptions.defaults().withHessianMode(HessianMode.CENTRAL_DIFFERENCE))
            .on(batch64);
    INDArray x64 = reference.params().dup();
    INDArray exact =
        exactObjective
            .hessianAt(x64, exactObjective.valueAndGradient(x64).gradient())
            .multiply(v64);
    MinibatchObjective objective =
        NetworkObjective.of(helped, ObjectiveOptions.defaults()).on(batch32);
    INDArray x32 = helped.params().dup();
    INDArray product =
        objective
            .hessianAt(x32, objective.valueAndGradient(x32).gradient())
            .multiply(v64.castTo(DataType.FLOAT));

    assertThat(relativeError(product, exact)).isLessThan(2e-3);
  }

  /** 1×10×10 → conv 3×3×4 (same) → avg-pool 2 → conv 3×3×6 (truncate) → dense 8 → 4. */
  private static MultiLayerNetwork cnn(DataType type) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(11)
                .dataType(type)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(
                    new ConvolutionLayer.Builder(3, 3)
                        .nOut(4)
                        .convolutionMode(ConvolutionMode.Same)
                        .activation(new ActivationSReLU(0.1))
                        .build())
                .layer(
                    new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG)
                        .kernelSize(2, 2)
                        .stride(2, 2)
                        .build())
                .layer(
                    new ConvolutionLayer.Builder(3, 3)
                        .nOut(6)
                        .convolutionMode(ConvolutionMode.Truncate)
                        .activation(new ActivationSReLU(0.1))
                        .build())
                .layer(
                    new DenseLayer.Builder().nOut(8).activation(new ActivationSReLU(0.1)).build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutional(10, 10, 1))
                .build());
    network.init();
    return network;
  }

  private static DataSet images(int size, long seed) {
    Random random = new Random(seed);
    double[][][][] features = new double[size][1][10][10];
    double[][] labels = new double[size][CLASSES];
    for (int i = 0; i < size; i++) {
      for (int r = 0; r < 10; r++) {
        for (int c = 0; c < 10; c++) {
          features[i][0][r][c] = random.nextGaussian();
        }
      }
      labels[i][random.nextInt(CLASSES)] = 1;
    }
    return new DataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels));
  }

  private static DataSet float32(DataSet batch) {
    return new DataSet(
        batch.getFeatures().castTo(DataType.FLOAT), batch.getLabels().castTo(DataType.FLOAT));
  }

  private static INDArray gradient(MultiLayerNetwork network, DataSet batch) {
    network.setInput(batch.getFeatures());
    network.setLabels(batch.getLabels());
    network.computeGradientAndScore();
    return network.getFlattenedGradients().dup();
  }
}
