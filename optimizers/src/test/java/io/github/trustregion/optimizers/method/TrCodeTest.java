package io.github.trustregion.optimizers.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.AnalyticObjective;
import io.github.trustregion.optimizers.GeneratedImages;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.SeededNetworks;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import io.github.trustregion.optimizers.trustregion.TrustRegionTelemetry;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class TrCodeTest {

  /** A symmetric indefinite A (eigenvalues of mixed sign) and b. */
  private static final double[][] A = {
    {3.0, 0.5, -1.0, 0.2},
    {0.5, -2.0, 0.3, 0.0},
    {-1.0, 0.3, 1.5, 0.7},
    {0.2, 0.0, 0.7, -0.5}
  };

  private static final double[] B = {0.4, -1.2, 0.8, 0.3};

  /** F(x) = ½xᵀAx + bᵀx, gradient Ax + b, Hessian A. */
  private static final AnalyticObjective.Function QUADRATIC =
      new AnalyticObjective.Function() {
        @Override
        public double value(double[] x) {
          double[] ax = times(A, x);
          double value = 0;
          for (int i = 0; i < x.length; i++) {
            value += 0.5 * x[i] * ax[i] + B[i] * x[i];
          }
          return value;
        }

        @Override
        public double[] gradient(double[] x) {
          double[] ax = times(A, x);
          for (int i = 0; i < x.length; i++) {
            ax[i] += B[i];
          }
          return ax;
        }

        @Override
        public double[][] hessian(double[] x) {
          return A;
        }
      };

  @Test
  void everyStepIsTheClosedFormOfTheCodesRuleOnTheSphereAndAccepted() {
    for (int inner : new int[] {1, 3}) {
      double eta = 0.1;
      double radius = 0.7;
      MethodState state = new TrCode(eta, radius, inner, 1e5, 1.0).newState(4);
      AnalyticObjective objective = new AnalyticObjective(QUADRATIC, 4);
      double[] expected = {1.0, -0.5, 0.25, 2.0};
      INDArray x = AnalyticObjective.vector(expected.clone());

      for (int step = 0; step < 6; step++) {
        int gradients = objective.gradientEvaluations();
        int products = objective.hessianProducts();
        int values = objective.functionEvaluations();
        double[] before = x.toDoubleVector();
        StepReport report = state.step(x, objective);

        expected = closedFormStep(expected, eta, radius, inner);
        double[] actual = x.toDoubleVector();
        double[] s = new double[4];
        for (int i = 0; i < 4; i++) {
          assertThat(actual[i])
              .as("K=%d step %d entry %d", inner, step, i)
              .isCloseTo(expected[i], within(1e-12));
          s[i] = actual[i] - before[i];
        }
        assertThat(norm(s)).isCloseTo(radius, within(1e-12));
        TrustRegionTelemetry telemetry = report.trustRegion().orElseThrow();
        assertThat(telemetry.accepted()).isTrue();
        assertThat(telemetry.stepNorm()).isCloseTo(radius, within(1e-12));
        assertThat(telemetry.gradientNorm())
            .isCloseTo(norm(QUADRATIC.gradient(before)), within(1e-12));
        assertThat(telemetry.solver().hessianVectorProducts()).isEqualTo(inner);
        assertThat(report.gradientEvaluations()).isEqualTo(1);
        assertThat(report.hessianVectorProducts()).isEqualTo(inner);
        assertThat(report.functionEvaluations()).isZero();
        assertThat(report.subsetGradientEvaluations()).isZero();
        assertThat(report.hessianExampleFraction()).isEqualTo(1.0);
        assertThat(objective.gradientEvaluations() - gradients).isEqualTo(1);
        assertThat(objective.hessianProducts() - products).isEqualTo(inner);
        assertThat(objective.functionEvaluations() - values).isZero();
      }
    }
  }

  @Test
  void noInnerStepsIsPlainSgdBitForBit() {
    AnalyticObjective first = new AnalyticObjective(QUADRATIC, 4);
    AnalyticObjective second = new AnalyticObjective(QUADRATIC, 4);
    INDArray viaCode = AnalyticObjective.vector(0.3, -0.2, 0.1, 0.5);
    INDArray viaSgd = viaCode.dup();
    MethodState code = new TrCode(0.05, 1.0, 0, 1e5, 1.0).newState(4);
    MethodState sgd = new Sgd(0.05).newState(4);

    for (int step = 0; step < 10; step++) {
      StepReport report = code.step(viaCode, first);
      sgd.step(viaSgd, second);
      assertThat(viaCode.toDoubleVector()).containsExactly(viaSgd.toDoubleVector());
      assertThat(report.hessianVectorProducts()).isZero();
      assertThat(report.functionEvaluations()).isZero();
    }
    assertThat(first.hessianProducts()).isZero();
  }

  @Test
  void noInnerStepsIsPlainSgdBitForBitOnAFloat32Network() {
    DataSet data = GeneratedImages.fashionLike(60, 5, DataType.FLOAT);
    NetworkObjective viaCode =
        NetworkObjective.of(SeededNetworks.fashionMlp(3), ObjectiveOptions.defaults());
    NetworkObjective viaSgd =
        NetworkObjective.of(SeededNetworks.fashionMlp(3), ObjectiveOptions.defaults());
    MethodState code = new TrCode(0.1, 1.0, 0, 1e5, 1.0).newState(viaCode.dimension());
    MethodState sgd = new Sgd(0.1).newState(viaSgd.dimension());

    for (DataSet batch : data.batchBy(20)) {
      code.step(viaCode.parameters(), viaCode.on(batch));
      sgd.step(viaSgd.parameters(), viaSgd.on(batch));
    }

    assertThat(viaCode.parameters().toFloatVector())
        .containsExactly(viaSgd.parameters().toFloatVector());
  }

  @Test
  void lowersTheTrainingLossOfAnMlpOnFashionMnistShapedData() {
    DataSet data = GeneratedImages.fashionLike(400, 17, DataType.FLOAT);
    MultiLayerNetwork network = SeededNetworks.fashionMlp(11);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    INDArray x = objective.parameters();
    MinibatchObjective full = objective.on(data);
    double before = full.value(x);
    // K = 1 and c = 1e5 as in the code, but η = 0.02 and r = 0.2 rather than 0.1 and 1: from
    // s = −ηg one inner step gives −(3/2)ηg + (η²/2)Hg, which ascends along eigenvectors with
    // ηλ > 3, and this network on unnormalized 784-pixel inputs has such curvature at η = 0.1
    // (there its loss rises, at every radius tried from 0.05 to 1).
    double radius = 0.2;
    MethodState state = new TrCode(0.02, radius, 1, 1e5, 1.0).newState(objective.dimension());

    for (int epoch = 0; epoch < 2; epoch++) {
      for (DataSet batch : data.batchBy(50)) {
        StepReport report = state.step(x, objective.on(batch));
        assertThat(report.gradientEvaluations()).isEqualTo(1);
        assertThat(report.hessianVectorProducts()).isEqualTo(1);
        assertThat(report.functionEvaluations()).isZero();
        assertThat(report.trustRegion().orElseThrow().stepNorm()).isCloseTo(radius, within(1e-5));
      }
    }

    assertThat(full.value(x)).isLessThan(before);
  }

  @Test
  void productsAreTheCodesFixedStepForwardDifferenceOnANetwork() {
    // u = (∇F(x + s/c) − g)·c, computed here from the objective's gradients directly.
    DataSet batch = GeneratedImages.fashionLike(30, 9, DataType.DOUBLE);
    MultiLayerNetwork network = doubleMlp();
    NetworkObjective bound = NetworkObjective.of(network, ObjectiveOptions.defaults());
    MinibatchObjective objective = bound.on(batch);
    INDArray x = bound.parameters().dup();
    double eta = 0.1;
    double c = 1e3;
    INDArray g = objective.valueAndGradient(x).gradient();
    INDArray s = g.mul(-eta);
    INDArray plus = objective.valueAndGradient(x.add(s.div(c))).gradient();
    INDArray u = plus.sub(g).muli(c).addi(g);
    s.subi(u.mul(eta / 2));
    s.muli(1.0 / s.norm2Number().doubleValue());
    INDArray expected = x.add(s);

    INDArray live = bound.parameters();
    live.assign(x);
    new TrCode(eta, 1.0, 1, c, 1.0).newState(x.length()).step(live, objective);

    double error = live.sub(expected).norm2Number().doubleValue();
    assertThat(error).isLessThan(1e-10);
  }

  @Test
  void refusesANegativeInnerStepCountAndAFractionOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new TrCode(0.1, 1, -1, 1e5, 1)).hasMessageContaining("innerSteps");
    assertThatThrownBy(() -> new TrCode(0.1, 1, 1, 1e5, 0))
        .hasMessageContaining("hessianBatchFraction");
  }

  private static MultiLayerNetwork doubleMlp() {
    MultiLayerNetwork floatNetwork = SeededNetworks.fashionMlp(4);
    MultiLayerNetwork network =
        new MultiLayerNetwork(floatNetwork.getLayerWiseConfigurations().clone());
    network.getLayerWiseConfigurations().setDataType(DataType.DOUBLE);
    network.init();
    return network;
  }

  /** One step of the rule in plain float64 arithmetic. */
  private static double[] closedFormStep(double[] x, double eta, double radius, int inner) {
    double[] g = QUADRATIC.gradient(x);
    double[] s = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = -eta * g[i];
    }
    for (int k = 0; k < inner; k++) {
      double[] hs = times(A, s);
      for (int i = 0; i < x.length; i++) {
        s[i] -= eta / 2 * (hs[i] + g[i]);
      }
      double norm = norm(s);
      for (int i = 0; i < x.length; i++) {
        s[i] *= radius / norm;
      }
    }
    double[] next = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      next[i] = x[i] + s[i];
    }
    return next;
  }

  private static double[] times(double[][] a, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += a[i][j] * x[j];
      }
    }
    return y;
  }

  private static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}
