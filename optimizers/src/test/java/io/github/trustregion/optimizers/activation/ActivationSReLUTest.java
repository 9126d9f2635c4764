package io.github.trustregion.optimizers.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ActivationSReLUTest {

  private static final double[] POINTS = {-50, -3, -0.7, -0.01, 0, 0.01, 0.4, 2, 50};

  @Test
  void computesTheSmoothReluFormula() {
    double a = 0.3;
    INDArray in = Nd4j.createFromArray(POINTS.clone());

    double[] out = new ActivationSReLU(a).getActivation(in, true).toDoubleVector();

    for (int i = 0; i < POINTS.length; i++) {
      double x = POINTS[i];
      assertThat(out[i]).isCloseTo((Math.sqrt(x * x + a) + x) / 2, within(1e-15));
    }
    // the limits: ReLU-like for |x| >> sqrt(a), sqrt(a)/2 at 0
    assertThat(out[0]).isCloseTo(0.0, within(0.01));
    assertThat(out[POINTS.length - 1]).isCloseTo(50.0, within(0.01));
    assertThat(out[4]).isCloseTo(Math.sqrt(a) / 2, within(1e-15));
  }

  @Test
  void float32ValuesAndDerivativesAreAccurateToAFewUlpsOnContiguousArraysAndViews() {
    double a = 0.01;
    ActivationSReLU activation = new ActivationSReLU(a);
    double[] points = new double[2001];
    for (int i = 0; i < points.length; i++) {
      double magnitude = Math.pow(10, -3 + 6.0 * (i / 2) / 1000);
      points[i] = i % 2 == 0 ? magnitude : -magnitude;
    }
    float[] upstream = new float[points.length];
    for (int i = 0; i < upstream.length; i++) {
      upstream[i] = 0.25f + (i % 7);
    }
    INDArray contiguous = Nd4j.createFromArray(points).castTo(DataType.FLOAT);
    INDArray inMatrix = Nd4j.zeros(DataType.FLOAT, points.length, 2);
    inMatrix.getColumn(1).assign(contiguous);
    INDArray epsilonMatrix = Nd4j.zeros(DataType.FLOAT, points.length, 2);
    epsilonMatrix.getColumn(0).assign(Nd4j.createFromArray(upstream));

    float[] values = activation.getActivation(contiguous.dup(), false).toFloatVector();
    float[] viewValues =
        activation.getActivation(inMatrix.dup().getColumn(1), false).toFloatVector();
    float[] derivatives =
        activation
            .backprop(contiguous.dup(), Nd4j.createFromArray(upstream))
            .getFirst()
            .toFloatVector();
    float[] viewDerivatives =
        activation
            .backprop(inMatrix.dup().getColumn(1), epsilonMatrix.dup().getColumn(0))
            .getFirst()
            .toFloatVector();

    double ulps = 4 * Math.ulp(1.0f);
    for (int i = 0; i < points.length; i++) {
      double x = (float) points[i];
      double root = Math.sqrt(x * x + (float) a);
      double value = x < 0 ? (float) a / (2 * (root - x)) : (root + x) / 2;
      double derivative =
          upstream[i] * (x < 0 ? (float) a / (2 * root * (root - x)) : (1 + x / root) / 2);
      assertThat((double) values[i]).as("SReLU(%s)", x).isCloseTo(value, within(ulps * value));
      assertThat((double) viewValues[i])
          .as("SReLU(%s) on a view", x)
          .isCloseTo(value, within(ulps * value));
      assertThat((double) derivatives[i])
          .as("SReLU'(%s)", x)
          .isCloseTo(derivative, within(ulps * derivative));
      assertThat((double) viewDerivatives[i])
          .as("SReLU'(%s) on a view", x)
          .isCloseTo(derivative, within(ulps * derivative));
    }
  }

  @Test
  void backpropagatesTheNumericalDerivativeTimesEpsilon() {
    double a = 0.05;
    ActivationSReLU activation = new ActivationSReLU(a);
    double[] upstream = new double[POINTS.length];
    for (int i = 0; i < upstream.length; i++) {
      upstream[i] = 0.5 + i;
    }

    double[] dLdz =
        activation
            .backprop(Nd4j.createFromArray(POINTS.clone()), Nd4j.createFromArray(upstream))
            .getFirst()
            .toDoubleVector();

    double h = 1e-5;
    for (int i = 0; i < POINTS.length; i++) {
      double x = POINTS[i];
      double numerical =
          (activation.getActivation(Nd4j.createFromArray(x + h), false).getDouble(0)
                  - activation.getActivation(Nd4j.createFromArray(x - h), false).getDouble(0))
              / (2 * h);
      assertThat(dLdz[i]).isCloseTo(upstream[i] * numerical, within(1e-8 * upstream[i]));
    }
  }

  @Test
  void survivesAJsonRoundTripOfANetworkConfiguration() {
    MultiLayerConfiguration configuration =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.DOUBLE)
            .list()
            .layer(
                new DenseLayer.Builder()
                    .nIn(4)
                    .nOut(3)
                    .activation(new ActivationSReLU(0.125))
                    .build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nIn(3)
                    .nOut(2)
                    .activation(new ActivationSReLU())
                    .build())
            .build();

    MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(configuration.toJson());

    DenseLayer dense = (DenseLayer) restored.getConf(0).getLayer();
    OutputLayer output = (OutputLayer) restored.getConf(1).getLayer();
    assertThat(dense.getActivationFn()).isEqualTo(new ActivationSReLU(0.125));
    assertThat(((ActivationSReLU) dense.getActivationFn()).getA()).isEqualTo(0.125);
    assertThat(output.getActivationFn()).isEqualTo(new ActivationSReLU(ActivationSReLU.DEFAULT_A));
    assertThat(restored).isEqualTo(configuration);
  }

  @Test
  void equalityFollowsTheConstant() {
    assertThat(new ActivationSReLU(0.1))
        .isEqualTo(new ActivationSReLU(0.1))
        .hasSameHashCodeAs(new ActivationSReLU(0.1))
        .isNotEqualTo(new ActivationSReLU(0.2));
  }

  @Test
  void nonPositiveConstantIsRefused() {
    assertThatThrownBy(() -> new ActivationSReLU(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a must be finite and > 0 but was 0.0");
    assertThatThrownBy(() -> new ActivationSReLU().setA(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
  }
}
