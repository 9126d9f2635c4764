package io.github.trustregion.optimizers.hessian;

import static io.github.trustregion.optimizers.hessian.TinyNetworks.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.MinibatchObjective;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Values, gradients, regularization and refusals of {@link NetworkObjective}. */
class NetworkObjectiveTest {

  private static final ObjectiveOptions DEFAULTS = ObjectiveOptions.defaults();

  @Test
  void gradientIsThatOfTheMeanLossWhileDl4jReturnsTheBatchSum() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    int size = 16;
    DataSet batch = TinyNetworks.batch(size, DataType.DOUBLE, 21);
    MinibatchObjective objective = NetworkObjective.of(network, DEFAULTS).on(batch);
    INDArray x = network.params().dup();
    INDArray d = TinyNetworks.direction(x.length(), DataType.DOUBLE, 22);
    double h = 1e-5;
    double numerical =
        (objective.value(x.add(d.mul(h))) - objective.value(x.sub(d.mul(h)))) / (2 * h);

    INDArray gradient = objective.valueAndGradient(x).gradient();
    network.setParams(x);
    network.setInput(batch.getFeatures());
    network.setLabels(batch.getLabels());
    network.computeGradientAndScore();
    double rawDirectional = network.getFlattenedGradients().mul(d).sumNumber().doubleValue();

    assertThat(gradient.mul(d).sumNumber().doubleValue())
        .isCloseTo(numerical, within(1e-8 * Math.abs(numerical)));
    assertThat(rawDirectional)
        .isCloseTo(size * numerical, within(1e-8 * size * Math.abs(numerical)));
  }

  @Test
  void valueIsTheMeanLossOnTheBatch() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    DataSet batch = TinyNetworks.batch(8, DataType.DOUBLE, 23);
    MinibatchObjective objective = NetworkObjective.of(network, DEFAULTS).on(batch);
    INDArray x = network.params().dup();

    INDArray probabilities = network.output(batch.getFeatures(), false);
    double meanCrossEntropy =
        -org.nd4j.linalg.ops.transforms.Transforms.log(probabilities, true)
                .muli(batch.getLabels())
                .sumNumber()
                .doubleValue()
            / 8;

    assertThat(objective.value(x)).isCloseTo(meanCrossEntropy, within(1e-12));
    assertThat(objective.valueAndGradient(x).value()).isCloseTo(meanCrossEntropy, within(1e-12));
  }

  @Test
  void weightDecayAddsHalfLambdaNormSquaredAndLambdaTimesVectors() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    DataSet batch = TinyNetworks.batch(8, DataType.DOUBLE, 24);
    double lambda = 0.03;
    ObjectiveOptions central = DEFAULTS.withHessianMode(HessianMode.CENTRAL_DIFFERENCE);
    MinibatchObjective plain = NetworkObjective.of(network, central).on(batch);
    MinibatchObjective decayed =
        NetworkObjective.of(network, central.withWeightDecay(lambda)).on(batch);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 25);
    double squaredNorm = x.norm2Number().doubleValue() * x.norm2Number().doubleValue();

    MinibatchObjective.ValueAndGradient withoutDecay = plain.valueAndGradient(x);
    MinibatchObjective.ValueAndGradient withDecay = decayed.valueAndGradient(x);
    INDArray hvWithout = plain.hessianAt(x, withoutDecay.gradient()).multiply(v);
    INDArray hvWith = decayed.hessianAt(x, withDecay.gradient()).multiply(v);

    assertThat(withDecay.value() - withoutDecay.value())
        .isCloseTo(lambda / 2 * squaredNorm, within(1e-13));
    assertThat(decayed.value(x) - plain.value(x))
        .isCloseTo(lambda / 2 * squaredNorm, within(1e-13));
    assertThat(relativeError(withDecay.gradient().sub(withoutDecay.gradient()), x.mul(lambda)))
        .isLessThan(1e-12);
    assertThat(relativeError(hvWith.sub(hvWithout), v.mul(lambda))).isLessThan(1e-7);
  }

  @Test
  void dl4jRegularizationIsRefusedWithTheLayerNamed() {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .l2(1e-4)
                .list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(2).name("hidden").build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(2)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .build());
    network.init();

    assertThatThrownBy(() -> NetworkObjective.of(network, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer 0 (DenseLayer 'hidden')")
        .hasMessageContaining("L2Regularization")
        .hasMessageContaining("ObjectiveOptions.withWeightDecay");
  }

  @Test
  void dropoutIsRefusedWithTheLayerNamedUnlessDisabled() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 0.5);

    assertThatThrownBy(() -> NetworkObjective.of(network, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer 1 (DenseLayer")
        .hasMessageContaining("dropout")
        .hasMessageContaining("DropoutHandling.DISABLE");
  }

  @Test
  void weightNoiseIsRefusedLikeDropout() {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .list()
                .layer(
                    new DenseLayer.Builder()
                        .nIn(3)
                        .nOut(2)
                        .weightNoise(new org.deeplearning4j.nn.conf.weightnoise.DropConnect(0.5))
                        .build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .nIn(2)
                        .nOut(1)
                        .activation(Activation.IDENTITY)
                        .build())
                .build());
    network.init();

    assertThatThrownBy(() -> NetworkObjective.of(network, DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer 0 (DenseLayer")
        .hasMessageContaining("weight noise");
    assertThat(
            NetworkObjective.of(network, DEFAULTS.withDropout(DropoutHandling.DISABLE)).dimension())
        .isEqualTo(network.numParams());
  }

  @Test
  void disabledDropoutGivesTheDeterministicNetworksObjectiveAndRestoresTheConfiguration() {
    MultiLayerNetwork withDropout = TinyNetworks.mlp(DataType.DOUBLE, 0.5);
    MultiLayerNetwork without = TinyNetworks.mlp(DataType.DOUBLE, 1);
    without.setParams(withDropout.params());
    DataSet batch = TinyNetworks.batch(32, DataType.DOUBLE, 26);
    MinibatchObjective disabled =
        NetworkObjective.of(withDropout, DEFAULTS.withDropout(DropoutHandling.DISABLE)).on(batch);
    MinibatchObjective reference = NetworkObjective.of(without, DEFAULTS).on(batch);
    INDArray x = withDropout.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 27);

    MinibatchObjective.ValueAndGradient first = disabled.valueAndGradient(x);
    MinibatchObjective.ValueAndGradient second = disabled.valueAndGradient(x);
    MinibatchObjective.ValueAndGradient expected = reference.valueAndGradient(x);

    assertThat(first.gradient()).isEqualTo(second.gradient());
    assertThat(first.value()).isEqualTo(expected.value());
    assertThat(first.gradient()).isEqualTo(expected.gradient());
    assertThat(disabled.value(x)).isEqualTo(reference.value(x));
    assertThat(disabled.hessianAt(x, first.gradient()).multiply(v))
        .isEqualTo(reference.hessianAt(x, expected.gradient()).multiply(v));
    assertThat(withDropout.getLayer(1).conf().getLayer().getIDropout()).isNotNull();
  }

  @Test
  void batchNormRunningStatisticsAreKeptOutOfGradientsAndProducts() {
    MultiLayerNetwork network = TinyNetworks.batchNormalized();
    long[] statistics = statisticsIndices(network);
    DataSet batch = TinyNetworks.batch(16, DataType.DOUBLE, 28);
    MinibatchObjective objective =
        NetworkObjective.of(network, DEFAULTS.withWeightDecay(0.01)).on(batch);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 29);
    INDArray trainableDirection = v.dup();
    for (long i : statistics) {
      trainableDirection.putScalar(i, 0.0);
    }

    MinibatchObjective.ValueAndGradient start = objective.valueAndGradient(x);
    INDArray product = objective.hessianAt(x, start.gradient()).multiply(v);
    double h = 1e-5;
    double numerical =
        (objective.value(x.add(trainableDirection.mul(h)))
                - objective.value(x.sub(trainableDirection.mul(h))))
            / (2 * h);

    assertThat(statistics).hasSize(2 * TinyNetworks.INPUTS);
    for (long i : statistics) {
      assertThat(start.gradient().getDouble(i)).isZero();
      assertThat(product.getDouble(i)).isZero();
    }
    assertThat(start.gradient().mul(trainableDirection).sumNumber().doubleValue())
        .isCloseTo(numerical, within(1e-7 * Math.abs(numerical)));
  }

  @Test
  void batchNormRunningStatisticsAdvanceOncePerGradientLikeADl4jIteration() {
    MultiLayerNetwork network = TinyNetworks.batchNormalized();
    MultiLayerNetwork fitted = network.clone();
    org.deeplearning4j.nn.api.Layer batchNorm = network.getLayer(0);
    double decay =
        ((org.deeplearning4j.nn.conf.layers.BatchNormalization) batchNorm.conf().getLayer())
            .getDecay();
    DataSet batch = TinyNetworks.batch(16, DataType.DOUBLE, 30);
    MinibatchObjective objective = NetworkObjective.of(network, DEFAULTS).on(batch);
    INDArray x = network.params().dup();
    double[] meanBefore = batchNorm.getParam("mean").toDoubleVector();
    double[] batchMean = batch.getFeatures().mean(0).toDoubleVector();
    double[] logStdBefore = batchNorm.getParam("log10stdev").toDoubleVector();

    objective.valueAndGradient(x);
    objective.value(x.add(1.0));
    objective.hessianAt(x, x).multiply(x);
    network.setParams(x);
    fitted.fit(batch);

    double[] meanAfter = batchNorm.getParam("mean").toDoubleVector();
    for (int j = 0; j < TinyNetworks.INPUTS; j++) {
      assertThat(meanAfter[j])
          .isCloseTo(decay * meanBefore[j] + (1 - decay) * batchMean[j], within(1e-12));
    }
    assertThat(batchNorm.getParam("log10stdev").toDoubleVector()).doesNotContain(logStdBefore);
    for (String statistic : new String[] {"mean", "log10stdev"}) {
      assertThat(batchNorm.getParam(statistic).toDoubleVector())
          .as(statistic)
          .containsExactly(fitted.getLayer(0).getParam(statistic).toDoubleVector(), within(1e-12));
    }
  }

  @Test
  void wrongInputIsRefusedWithWhatWasWrong() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    MinibatchObjective objective =
        NetworkObjective.of(network, DEFAULTS).on(TinyNetworks.batch(4, DataType.DOUBLE, 31));
    INDArray x = network.params().dup();
    INDArray g = objective.valueAndGradient(x).gradient();
    INDArray nan = x.ulike().assign(Double.NaN);

    assertThatThrownBy(() -> objective.value(Nd4j.zeros(DataType.DOUBLE, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has 3 entries")
        .hasMessageContaining("length " + x.length());
    assertThatThrownBy(() -> objective.value(x.castTo(DataType.FLOAT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data type FLOAT")
        .hasMessageContaining("DOUBLE");
    assertThatThrownBy(() -> objective.hessianAt(x, g).multiply(nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> objective.hessianAt(x, Nd4j.zeros(DataType.DOUBLE, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gradientAtX has 2 entries");
  }

  @Test
  void emptyMinibatchIsRefusedWithHowToFixIt() {
    NetworkObjective objective =
        NetworkObjective.of(TinyNetworks.mlp(DataType.DOUBLE, 1), DEFAULTS);
    DataSet empty =
        new DataSet(
            Nd4j.create(DataType.DOUBLE, 0, TinyNetworks.INPUTS),
            Nd4j.create(DataType.DOUBLE, 0, TinyNetworks.CLASSES));

    assertThatThrownBy(() -> objective.on(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NetworkObjective")
        .hasMessageContaining("empty")
        .hasMessageContaining("at least one example");
  }

  /** Returns the flat indices of the BatchNorm layer's mean and variance, found by tagging. */
  private static long[] statisticsIndices(MultiLayerNetwork network) {
    INDArray saved = network.params().dup();
    long n = saved.length();
    network.setParams(Nd4j.linspace(0, n - 1, n, DataType.DOUBLE).reshape(1, n));
    double[] mean = network.getLayer(0).getParam("mean").toDoubleVector();
    double[] variance = network.getLayer(0).getParam("log10stdev").toDoubleVector();
    network.setParams(saved);
    long[] indices = new long[mean.length + variance.length];
    for (int i = 0; i < mean.length; i++) {
      indices[i] = (long) mean[i];
      indices[mean.length + i] = (long) variance[i];
    }
    return indices;
  }
}
