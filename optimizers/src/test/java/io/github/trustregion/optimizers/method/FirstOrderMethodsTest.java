package io.github.trustregion.optimizers.method;

import static io.github.trustregion.optimizers.AnalyticObjective.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.AnalyticObjective;
import io.github.trustregion.optimizers.DivergedException;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.StepReport;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class FirstOrderMethodsTest {

  /** F(x) = ½ Σ cᵢxᵢ² with c = (2, 8): gradient (2x₁, 8x₂). */
  private static final AnalyticObjective.Function BOWL =
      new AnalyticObjective.Function() {
        @Override
        public double value(double[] x) {
          return x[0] * x[0] + 4 * x[1] * x[1];
        }

        @Override
        public double[] gradient(double[] x) {
          return new double[] {2 * x[0], 8 * x[1]};
        }

        @Override
        public double[][] hessian(double[] x) {
          return new double[][] {{2, 0}, {0, 8}};
        }
      };

  private final AnalyticObjective bowl = new AnalyticObjective(BOWL, 2);

  @Test
  void sgdStepsAgainstTheGradientWithItsFixedStepSize() {
    INDArray x = vector(1.0, -0.5);

    StepReport report = new Sgd(0.1).newState(2).step(x, bowl);

    assertThat(x.toDoubleVector()[0]).isCloseTo(0.8, within(1e-15));
    assertThat(x.toDoubleVector()[1]).isCloseTo(-0.1, within(1e-15));
    assertThat(report.lossBefore()).isEqualTo(2.0);
    assertThat(report.gradientEvaluations()).isEqualTo(1);
    assertThat(report.hessianVectorProducts()).isZero();
    assertThat(report.trustRegion()).isEmpty();
  }

  @Test
  void heavyBallMomentumFollowsItsRecurrence() {
    // x0 = 1 on F = x² (gradient 2x), eta = 0.1, mu = 0.9, worked by hand:
    // u1 = -0.2, x1 = 0.8; u2 = -0.18 - 0.16 = -0.34, x2 = 0.46; u3 = -0.306 - 0.092, x3 = 0.062.
    MethodState state = new Momentum(0.1, 0.9, Momentum.Variant.HEAVY_BALL).newState(2);
    INDArray x = vector(1.0, 0.0);

    double[] expected = {0.8, 0.46, 0.062};
    for (double value : expected) {
      state.step(x, bowl);
      assertThat(x.getDouble(0)).isCloseTo(value, within(1e-14));
    }
  }

  @Test
  void nesterovMomentumFollowsItsRecurrence() {
    // x0 = 1 on F = x², eta = 0.1, mu = 0.9, worked by hand: u1 = -0.2,
    // x1 = 1 + 0.9(-0.2) - 0.2 = 0.62; g = 1.24, u2 = -0.18 - 0.124 = -0.304,
    // x2 = 0.62 - 0.2736 - 0.124 = 0.2224.
    MethodState state = new Momentum(0.1, 0.9, Momentum.Variant.NESTEROV).newState(2);
    INDArray x = vector(1.0, 0.0);

    state.step(x, bowl);
    assertThat(x.getDouble(0)).isCloseTo(0.62, within(1e-14));
    state.step(x, bowl);
    assertThat(x.getDouble(0)).isCloseTo(0.2224, within(1e-14));
  }

  @Test
  void adamTakesBiasCorrectedSteps() {
    double eta = 0.01;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    MethodState state = new Adam(eta, beta1, beta2, epsilon).newState(2);
    INDArray x = vector(1.0, -0.5);

    // Step 1: m-hat = g and v-hat = g^2 exactly, so the step is eta * g / (|g| + eps).
    state.step(x, bowl);
    double x1 = 1.0 - eta * 2.0 / (2.0 + epsilon);
    double y1 = -0.5 - eta * -4.0 / (4.0 + epsilon);
    assertThat(x.getDouble(0)).isCloseTo(x1, within(1e-15));
    assertThat(x.getDouble(1)).isCloseTo(y1, within(1e-15));

    // Step 2 by Algorithm 1 of Kingma and Ba, written out for the first coordinate.
    state.step(x, bowl);
    double g0 = 2.0;
    double g1 = 2 * x1;
    double m = beta1 * (1 - beta1) * g0 + (1 - beta1) * g1;
    double v = beta2 * (1 - beta2) * g0 * g0 + (1 - beta2) * g1 * g1;
    double mHat = m / (1 - beta1 * beta1);
    double vHat = v / (1 - beta2 * beta2);
    assertThat(x.getDouble(0))
        .isCloseTo(x1 - eta * mHat / (Math.sqrt(vHat) + epsilon), within(1e-14));
  }

  @Test
  void hybridRunsTrustRegionUntilThePlateauThenSgd() {
    MethodState state = exactTrustRegionThenSgd().newState(2);
    INDArray x = vector(1.0, -0.5);

    assertThat(state.activeMethod()).isEqualTo("TR");
    assertThat(state.step(x, bowl).trustRegion()).isPresent();
    state.endEpoch(0, 0.50);
    state.endEpoch(1, 0.5005);
    assertThat(state.activeMethod()).isEqualTo("TR");
    state.endEpoch(2, 0.60);
    state.endEpoch(3, 0.6009);
    assertThat(state.activeMethod()).isEqualTo("TR");
    state.endEpoch(4, 0.5);
    assertThat(state.activeMethod()).isEqualTo("SGD");
    state.endEpoch(5, 0.99);
    assertThat(state.activeMethod()).isEqualTo("SGD");

    double before0 = x.getDouble(0);
    double before1 = x.getDouble(1);
    StepReport sgdStep = state.step(x, bowl);
    assertThat(sgdStep.trustRegion()).isEmpty();
    assertThat(x.getDouble(0)).isCloseTo(before0 - 0.1 * 2 * before0, within(1e-15));
    assertThat(x.getDouble(1)).isCloseTo(before1 - 0.1 * 8 * before1, within(1e-15));
  }

  @Test
  void nonFiniteGradientIsReportedAsDivergence() {
    AnalyticObjective exploding =
        new AnalyticObjective(
            new AnalyticObjective.Function() {
              @Override
              public double value(double[] x) {
                return 1;
              }

              @Override
              public double[] gradient(double[] x) {
                return new double[] {Double.NaN, 0};
              }

              @Override
              public double[][] hessian(double[] x) {
                return new double[2][2];
              }
            },
            2);

    for (MethodState state :
        new MethodState[] {
          new Sgd(0.1).newState(2),
          new Momentum(0.1, 0.9, Momentum.Variant.HEAVY_BALL).newState(2),
          Adam.withLearningRate(1e-3).newState(2)
        }) {
      assertThatThrownBy(() -> state.step(vector(1.0, 1.0), exploding))
          .isInstanceOf(DivergedException.class)
          .hasMessageContaining("NaN");
    }
  }

  @Test
  void invalidSettingsAreRefusedWithTheSettingNamed() {
    assertThatThrownBy(() -> new Sgd(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sgd: learningRate must be finite and > 0 but was -0.1");
    assertThatThrownBy(() -> new Momentum(0.1, 1.0, Momentum.Variant.NESTEROV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("momentum must lie in [0, 1)");
    assertThatThrownBy(() -> new Adam(1e-3, 1.0, 0.999, 1e-8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta1");
    assertThatThrownBy(() -> new PlateauRule(0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("patience");
  }

  @Test
  void hybridRefusesANonPositiveDimensionInItsOwnName() {
    Hybrid hybrid = exactTrustRegionThenSgd();

    assertThatThrownBy(() -> hybrid.newState(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Hybrid: ")
        .hasMessageContaining("dimension must be > 0 but was 0")
        .hasMessageNotContaining("TrustRegion");
  }

  @Test
  void mismatchedParameterLengthIsRefused() {
    assertThatThrownBy(() -> new Sgd(0.1).newState(3).step(vector(1.0, 1.0), bowl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameters has 2 entries")
        .hasMessageContaining("length 3");
  }

  /** Deterministic TR (exact solver, r₀ = 0.1, r_max = 1), then SGD 0.1 (plateau patience 2). */
  private static Hybrid exactTrustRegionThenSgd() {
    return new Hybrid(
        io.github.trustregion.optimizers.trustregion.TrustRegion.deterministic(
            io.github.trustregion.optimizers.subproblem.ExactDenseSolver.DEFAULT, 0.1, 1),
        new Sgd(0.1),
        new PlateauRule(2, 0.001));
  }
}
