package io.github.trustregion.optimizers.hessian;

import static io.github.trustregion.optimizers.hessian.TinyNetworks.relativeError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MinibatchObjective;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Finite-difference Hessian-vector products of DL4J networks against float64 ground truth. */
class NetworkObjectiveHessianTest {

  private static final ObjectiveOptions FORWARD = ObjectiveOptions.defaults();
  private static final ObjectiveOptions CENTRAL =
      ObjectiveOptions.defaults().withHessianMode(HessianMode.CENTRAL_DIFFERENCE);

  @Test
  void productsOfSoftmaxRegressionMatchTheAnalyticHessian() {
    MultiLayerNetwork network = TinyNetworks.softmaxRegression();
    DataSet batch = TinyNetworks.batch(16, DataType.DOUBLE, 1);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 2);
    INDArray exact = analyticSoftmaxProduct(network, batch, x, v);

    for (ObjectiveOptions options : new ObjectiveOptions[] {FORWARD, CENTRAL}) {
      MinibatchObjective objective = NetworkObjective.of(network, options).on(batch);
      INDArray g = objective.valueAndGradient(x).gradient();
      INDArray product = objective.hessianAt(x, g).multiply(v);

      double tolerance = options == FORWARD ? 1e-6 : 1e-8;
      assertThat(relativeError(product, exact))
          .as(options.hessianMode().name())
          .isLessThan(tolerance);
    }
  }

  @Test
  void float64ProductsOfAnMlpMatchARichardsonExtrapolatedReference() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    DataSet batch = TinyNetworks.batch(12, DataType.DOUBLE, 3);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 4);
    INDArray reference = richardsonReference(NetworkObjective.of(network, FORWARD).on(batch), x, v);

    MinibatchObjective forward = NetworkObjective.of(network, FORWARD).on(batch);
    MinibatchObjective central = NetworkObjective.of(network, CENTRAL).on(batch);
    INDArray g = forward.valueAndGradient(x).gradient();

    assertThat(relativeError(forward.hessianAt(x, g).multiply(v), reference)).isLessThan(1e-6);
    assertThat(relativeError(central.hessianAt(x, g).multiply(v), reference)).isLessThan(1e-8);
  }

  @Test
  void float64ProductsOfAConvolutionalNetworkMatchARichardsonExtrapolatedReference() {
    MultiLayerNetwork network = TinyNetworks.tinyCnn(DataType.DOUBLE);
    DataSet batch = TinyNetworks.images(6, DataType.DOUBLE, 13);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 14);
    INDArray reference = richardsonReference(NetworkObjective.of(network, FORWARD).on(batch), x, v);

    MinibatchObjective forward = NetworkObjective.of(network, FORWARD).on(batch);
    MinibatchObjective central = NetworkObjective.of(network, CENTRAL).on(batch);
    INDArray g = forward.valueAndGradient(x).gradient();

    assertThat(relativeError(forward.hessianAt(x, g).multiply(v), reference)).isLessThan(1e-6);
    assertThat(relativeError(central.hessianAt(x, g).multiply(v), reference)).isLessThan(1e-8);
  }

  @Test
  void float32ProductsStayWithinTheDesignTolerancesOfTheFloat64Reference() {
    MultiLayerNetwork network32 = TinyNetworks.mlp(DataType.FLOAT, 1);
    MultiLayerNetwork network64 = TinyNetworks.mlp(DataType.DOUBLE, 1);
    network64.setParams(network32.params().castTo(DataType.DOUBLE));
    DataSet batch64 = TinyNetworks.batch(12, DataType.DOUBLE, 5);
    DataSet batch32 =
        new DataSet(
            batch64.getFeatures().castTo(DataType.FLOAT),
            batch64.getLabels().castTo(DataType.FLOAT));
    INDArray v32 = TinyNetworks.direction(network32.numParams(), DataType.FLOAT, 6);
    INDArray reference =
        richardsonReference(
            NetworkObjective.of(network64, FORWARD).on(batch64),
            network64.params().dup(),
            v32.castTo(DataType.DOUBLE));

    INDArray x32 = network32.params().dup();
    MinibatchObjective forward = NetworkObjective.of(network32, FORWARD).on(batch32);
    MinibatchObjective central = NetworkObjective.of(network32, CENTRAL).on(batch32);
    INDArray g = forward.valueAndGradient(x32).gradient();

    assertThat(relativeError(forward.hessianAt(x32, g).multiply(v32), reference)).isLessThan(2e-3);
    assertThat(relativeError(central.hessianAt(x32, g).multiply(v32), reference)).isLessThan(5e-4);
  }

  @Test
  void computationGraphGivesTheSameObjectiveAsTheEquivalentMultiLayerNetwork() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    ComputationGraph graph = TinyNetworks.graph(DataType.DOUBLE);
    graph.setParams(network.params());
    DataSet batch = TinyNetworks.batch(10, DataType.DOUBLE, 7);
    INDArray x = network.params().dup();
    INDArray v = TinyNetworks.direction(x.length(), DataType.DOUBLE, 8);

    MinibatchObjective onNetwork = NetworkObjective.of(network, CENTRAL).on(batch);
    MinibatchObjective onGraph = NetworkObjective.of(graph, CENTRAL).on(batch);
    MinibatchObjective.ValueAndGradient expected = onNetwork.valueAndGradient(x);
    MinibatchObjective.ValueAndGradient actual = onGraph.valueAndGradient(x);

    assertThat(actual.value())
        .isCloseTo(expected.value(), org.assertj.core.api.Assertions.within(1e-14));
    assertThat(relativeError(actual.gradient(), expected.gradient())).isLessThan(1e-13);
    assertThat(
            relativeError(
                onGraph.hessianAt(x, actual.gradient()).multiply(v),
                onNetwork.hessianAt(x, expected.gradient()).multiply(v)))
        .isLessThan(1e-10);
  }

  @Test
  void productRestoresTheNetworkParametersToThePoint() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.FLOAT, 1);
    DataSet batch = TinyNetworks.batch(8, DataType.FLOAT, 9);
    MinibatchObjective objective = NetworkObjective.of(network, CENTRAL).on(batch);
    INDArray x = network.params().dup().addi(0.01f);
    INDArray g = objective.valueAndGradient(x).gradient();

    objective.hessianAt(x, g).multiply(TinyNetworks.direction(x.length(), DataType.FLOAT, 10));

    assertThat(network.params()).isEqualTo(x);
  }

  @Test
  void productAtTheLiveParameterViewLeavesItUnchanged() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    DataSet batch = TinyNetworks.batch(8, DataType.DOUBLE, 9);
    NetworkObjective bound = NetworkObjective.of(network, FORWARD);
    MinibatchObjective objective = bound.on(batch);
    INDArray live = bound.parameters();
    INDArray before = live.dup();
    INDArray v = TinyNetworks.direction(live.length(), DataType.DOUBLE, 11);

    INDArray g = objective.valueAndGradient(live).gradient();
    INDArray fromLive = objective.hessianAt(live, g).multiply(v);
    INDArray fromCopy = objective.hessianAt(before, g).multiply(v);

    assertThat(live).isEqualTo(before);
    assertThat(fromLive).isEqualTo(fromCopy);
  }

  @Test
  void zeroDirectionGivesAZeroProductWithoutAPass() {
    MultiLayerNetwork network = TinyNetworks.mlp(DataType.DOUBLE, 1);
    MinibatchObjective objective =
        NetworkObjective.of(network, FORWARD).on(TinyNetworks.batch(4, DataType.DOUBLE, 1));
    INDArray x = network.params().dup();
    HessianVectorProduct h = objective.hessianAt(x, objective.valueAndGradient(x).gradient());

    INDArray product = h.multiply(x.ulike().assign(0));

    assertThat(product.norm2Number().doubleValue()).isZero();
  }

  /**
   * Hv by Richardson extrapolation of central differences of the float64 gradient: D(h) = (∇F(x +
   * hv) − ∇F(x − hv))/(2h), R = (4D(h/2) − D(h))/3, error O(h⁴), with h = 2e-3 and ‖v‖ = 1.
   */
  static INDArray richardsonReference(MinibatchObjective objective, INDArray x, INDArray v) {
    double h = 2e-3;
    INDArray coarse = centralDifference(objective, x, v, h);
    INDArray fine = centralDifference(objective, x, v, h / 2);
    return fine.mul(4).subi(coarse).divi(3);
  }

  private static INDArray centralDifference(
      MinibatchObjective objective, INDArray x, INDArray v, double h) {
    INDArray plus = objective.valueAndGradient(x.add(v.mul(h))).gradient();
    INDArray minus = objective.valueAndGradient(x.sub(v.mul(h))).gradient();
    return plus.subi(minus).divi(2 * h);
  }

  /**
   * The exact Hessian-vector product of the mean cross-entropy of softmax regression, computed in
   * plain Java: with Z = XW + 1bᵀ, P = softmax(Z), DZ = X·V_W + 1v_bᵀ and S = P∘DZ − P∘(rowsum
   * P∘DZ), H·v = (XᵀS/B, colsum(S)/B).
   */
  private static INDArray analyticSoftmaxProduct(
      MultiLayerNetwork network, DataSet batch, INDArray x, INDArray v) {
    network.setParams(x);
    double[][] w = network.getParam("0_W").toDoubleMatrix();
    double[] b = network.getParam("0_b").toDoubleVector();
    network.setParams(v);
    double[][] vw = network.getParam("0_W").toDoubleMatrix();
    double[] vb = network.getParam("0_b").toDoubleVector();
    double[][] features = batch.getFeatures().toDoubleMatrix();
    int examples = features.length;
    int inputs = w.length;
    int classes = b.length;
    double[][] hw = new double[inputs][classes];
    double[] hb = new double[classes];
    for (double[] row : features) {
      double[] p = new double[classes];
      double[] dz = new double[classes];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        double z = b[k];
        dz[k] = vb[k];
        for (int i = 0; i < inputs; i++) {
          z += row[i] * w[i][k];
          dz[k] += row[i] * vw[i][k];
        }
        p[k] = z;
        max = Math.max(max, z);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        p[k] = Math.exp(p[k] - max);
        sum += p[k];
      }
      double weighted = 0;
      for (int k = 0; k < classes; k++) {
        p[k] /= sum;
        weighted += p[k] * dz[k];
      }
      for (int k = 0; k < classes; k++) {
        double s = p[k] * dz[k] - p[k] * weighted;
        hb[k] += s / examples;
        for (int i = 0; i < inputs; i++) {
          hw[i][k] += row[i] * s / examples;
        }
      }
    }
    network.params().assign(0);
    network.getParam("0_W").assign(org.nd4j.linalg.factory.Nd4j.createFromArray(hw));
    network
        .getParam("0_b")
        .assign(org.nd4j.linalg.factory.Nd4j.createFromArray(hb).reshape(1, classes));
    INDArray product = network.params().dup();
    network.setParams(x);
    return product;
  }
}
