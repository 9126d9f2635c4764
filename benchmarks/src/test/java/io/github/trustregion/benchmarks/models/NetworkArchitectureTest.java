package io.github.trustregion.benchmarks.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trustregion.optimizers.activation.ActivationSReLU;
import io.github.trustregion.optimizers.backend.OneDnnLayerHelpers;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkArchitectureTest {

  /** Weights plus biases of a k×k convolution from {@code in} to {@code out} channels. */
  private static long conv(int k, int in, int out) {
    return (long) k * k * in * out + out;
  }

  /** Weights plus biases of a dense layer. */
  private static long dense(int in, int out) {
    return (long) in * out + out;
  }

  private static INDArray output(MultiLayerNetwork network, long... inputShape) {
    INDArray input = Nd4j.rand(DataType.FLOAT, inputShape);
    return network.output(input, false);
  }

  @Test
  void mlpHasTheParametersOfItsLayerWidthsAndGivesOneProbabilityRowPerExample() {
    MultiLayerNetwork network = Mlp.fashionMnist().build(1);

    assertThat(network.numParams())
        .isEqualTo(dense(784, 256) + dense(256, 256) + dense(256, 10))
        .isEqualTo(269_322);
    INDArray out = output(network, 5, 784);
    assertThat(out.shape()).containsExactly(5, 10);
    assertThat(out.sum(1).toDoubleVector())
        .containsOnly(new double[] {1, 1, 1, 1, 1}, within(1e-5));
  }

  @Test
  void smallCnnHasTheParametersOfUnpaddedConvolutionsAndGivesTenOutputs() {
    MultiLayerNetwork network = SmallCnn.fashionMnist().build(1);

    // 28 → conv5 24 → pool 12 → conv5 8 → pool 4: the dense layer sees 4·4·32 values.
    long expected = conv(5, 1, 16) + conv(5, 16, 32) + dense(4 * 4 * 32, 128) + dense(128, 10);
    assertThat(network.numParams()).isEqualTo(expected).isEqualTo(80_202);
    assertThat(output(network, 3, 1, 28, 28).shape()).containsExactly(3, 10);
  }

  @Test
  void vgg16HasThirteenConvolutionsAndOneClassifierLayer() {
    MultiLayerNetwork network = Vgg16.cifar().build(1);

    int[][] convolutions = {
      {3, 64},
      {64, 64},
      {64, 128},
      {128, 128},
      {128, 256},
      {256, 256},
      {256, 256},
      {256, 512},
      {512, 512},
      {512, 512},
      {512, 512},
      {512, 512},
      {512, 512}
    };
    long expected = dense(512, 10);
    for (int[] c : convolutions) {
      expected += conv(3, c[0], c[1]);
    }
    assertThat(network.numParams()).isEqualTo(expected).isEqualTo(14_719_818);
    assertThat(output(network, 2, 3, 32, 32).shape()).containsExactly(2, 10);
  }

  @Test
  void mobileNetHasTheParametersOfItsDepthwiseSeparableBlocks() {
    MultiLayerNetwork network = MobileNetV1.cifar().build(1);

    int[] widths = {64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024};
    long expected = conv(3, 3, 32);
    int in = 32;
    for (int out : widths) {
      expected += 3 * 3 * in + in; // depthwise 3×3, one filter and bias per channel
      expected += conv(1, in, out); // pointwise 1×1
      in = out;
    }
    expected += dense(1024, 10);
    assertThat(network.numParams()).isEqualTo(expected);
    assertThat(output(network, 2, 3, 32, 32).shape()).containsExactly(2, 10);
  }

  @Test
  void theSameSeedGivesBitIdenticalParametersAndAnotherSeedDifferentOnes() {
    INDArray first = SmallCnn.fashionMnist().build(7).params().dup();
    INDArray again = SmallCnn.fashionMnist().build(7).params().dup();
    INDArray other = SmallCnn.fashionMnist().build(8).params().dup();

    assertThat(again.equals(first)).isTrue();
    assertThat(other.equals(first)).isFalse();
  }

  @Test
  void everyHiddenLayerUsesSReluAndEveryPoolingAverages() {
    for (NetworkArchitecture architecture :
        List.of(Mlp.fashionMnist(), SmallCnn.fashionMnist(), Vgg16.cifar(), MobileNetV1.cifar())) {
      MultiLayerConfiguration configuration = architecture.configuration(1);
      int layers = configuration.getConfs().size();
      for (int i = 0; i < layers; i++) {
        Layer layer = configuration.getConf(i).getLayer();
        if (layer instanceof OutputLayer) {
          assertThat(i)
              .as(architecture.name() + ": the output layer comes last")
              .isEqualTo(layers - 1);
        } else if (layer instanceof SubsamplingLayer pooling) {
          assertThat(pooling.getPoolingType()).isEqualTo(PoolingType.AVG);
        } else {
          assertThat(((BaseLayer) layer).getActivationFn())
              .as(architecture.name() + " layer " + i)
              .isInstanceOf(ActivationSReLU.class);
        }
      }
    }
  }

  private static final Class<?> CONVOLUTION =
      org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class;
  private static final Class<?> POOLING =
      org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer.class;

  @Test
  void everyPlainConvolutionAndPoolingLayerGetsAOneDnnHelper() {
    assumeTrue(
        OneDnnLayerHelpers.nativeBuildHasOneDnn(),
        "the ND4J native library has no oneDNN (classifier other than linux-x86_64-onednn)");
    for (NetworkArchitecture architecture :
        List.of(Mlp.fashionMnist(), SmallCnn.fashionMnist(), Vgg16.cifar(), MobileNetV1.cifar())) {
      MultiLayerNetwork network = architecture.build(1);
      long plainLayers =
          Arrays.stream(network.getLayers())
              .filter(layer -> layer.getClass() == CONVOLUTION || layer.getClass() == POOLING)
              .count();

      assertThat((long) OneDnnLayerHelpers.countInstalled(network))
          .as(architecture.name())
          .isEqualTo(plainLayers);
    }
    assertThat(OneDnnLayerHelpers.countInstalled(SmallCnn.fashionMnist().build(1))).isEqualTo(4);
  }

  @Test
  void usesFloat32UnlessAskedForAnotherType() {
    assertThat(Mlp.fashionMnist().build(1).params().dataType()).isEqualTo(DataType.FLOAT);
    assertThat(new Mlp(4, List.of(3), 2, DataType.DOUBLE).build(1).params().dataType())
        .isEqualTo(DataType.DOUBLE);
  }

  @Test
  void rejectsImageSidesThatThePoolingsCannotDivide() {
    assertThatThrownBy(() -> new Vgg16(3, 48, 10, DataType.FLOAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 32");
  }
}
