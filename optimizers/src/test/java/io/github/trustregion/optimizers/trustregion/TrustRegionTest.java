package io.github.trustregion.optimizers.trustregion;

import static io.github.trustregion.optimizers.AnalyticObjective.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.AnalyticObjective;
import io.github.trustregion.optimizers.DivergedException;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.method.Hybrid;
import io.github.trustregion.optimizers.method.PlateauRule;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.subproblem.ExactDenseSolver;
import io.github.trustregion.optimizers.subproblem.GradientSolverSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.LanczosTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.SteihaugCgSolver;
import io.github.trustregion.optimizers.subproblem.SubproblemSolver;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrustRegionTest {

  private static final ExactDenseSolver EXACT = ExactDenseSolver.DEFAULT;

  /** F(x) = x₁ + x₂ with a finite gradient but a Hessian of NaN entries (a diverged network). */
  private static final AnalyticObjective.Function NAN_CURVATURE =
      new AnalyticObjective.Function() {
        @Override
        public double value(double[] x) {
          return x[0] + x[1];
        }

        @Override
        public double[] gradient(double[] x) {
          return new double[] {1, 1};
        }

        @Override
        public double[][] hessian(double[] x) {
          return new double[][] {{Double.NaN, 0}, {0, Double.NaN}};
        }
      };

  @Test
  void deterministicTrustRegionMinimizesRosenbrockToItsKnownMinimum() {
    AnalyticObjective rosenbrock = new AnalyticObjective(AnalyticObjective.ROSENBROCK, 2);
    MethodState state = TrustRegion.deterministic(EXACT, 1.0, Double.POSITIVE_INFINITY).newState(2);
    INDArray x = vector(-1.2, 1.0);

    int steps = 0;
    while (steps < 200
        && rosenbrock.valueAndGradient(x).gradient().norm2Number().doubleValue() > 1e-10) {
      state.step(x, rosenbrock);
      steps++;
    }

    assertThat(x.getDouble(0)).isCloseTo(1.0, within(1e-8));
    assertThat(x.getDouble(1)).isCloseTo(1.0, within(1e-8));
    assertThat(steps).isLessThan(200);
  }

  @Test
  void trustRegionEscapesAStrictSaddleWhereGradientDescentDoesNotMove() {
    AnalyticObjective saddle = new AnalyticObjective(AnalyticObjective.SADDLE, 2);

    INDArray gd = vector(0.0, 0.0);
    MethodState sgd = new Sgd(0.1).newState(2);
    for (int i = 0; i < 50; i++) {
      sgd.step(gd, saddle);
    }
    assertThat(gd.toDoubleVector()).containsExactly(0.0, 0.0);

    INDArray x = vector(0.0, 0.0);
    MethodState tr = TrustRegion.deterministic(EXACT, 1.0, 10.0).newState(2);
    StepReport first = tr.step(x, saddle);
    for (int i = 0; i < 50; i++) {
      tr.step(x, saddle);
    }

    assertThat(first.trustRegion().orElseThrow().accepted()).isTrue();
    assertThat(first.trustRegion().orElseThrow().solver().hardCase()).isTrue();
    assertThat(x.getDouble(0)).isCloseTo(0.0, within(1e-10));
    assertThat(Math.abs(x.getDouble(1))).isCloseTo(Math.sqrt(2), within(1e-10));
    assertThat(saddle.value(x)).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void trustRegionWithThePapersSolverEscapesTheSaddleFromZeroGradient() {
    AnalyticObjective saddle = new AnalyticObjective(AnalyticObjective.SADDLE, 2);
    GradientTrustRegionSolver paperSolver =
        new GradientTrustRegionSolver(
            GradientSolverSettings.accurateDefaults().withLimits(200, 200));
    INDArray x = vector(0.0, 0.0);
    MethodState tr = TrustRegion.deterministic(paperSolver, 1.0, 10.0).newState(2);

    int steps = 0;
    while (steps < 100
        && (steps == 0
            || saddle.valueAndGradient(x).gradient().norm2Number().doubleValue() > 1e-9)) {
      tr.step(x, saddle);
      steps++;
    }

    assertThat(steps).isLessThan(100);
    assertThat(x.getDouble(0)).isCloseTo(0.0, within(1e-6));
    assertThat(Math.abs(x.getDouble(1))).isCloseTo(Math.sqrt(2), within(1e-6));
  }

  @Test
  void deterministicRuleExpandsOnHighRatioUpToTheCap() {
    TrustRegion tr = TrustRegion.deterministic(EXACT, 1.0, 3.0);

    assertThat(tr.decide(0.95, 0.0, 1.0)).isEqualTo(new RadiusDecision(true, 2.0));
    assertThat(tr.decide(0.9, 0.0, 2.0)).isEqualTo(new RadiusDecision(true, 3.0));
  }

  @Test
  void deterministicRuleAcceptsWithoutChangeOnMiddlingRatio() {
    TrustRegion tr = TrustRegion.deterministic(EXACT, 1.0, 3.0);

    assertThat(tr.decide(0.5, 0.0, 1.0)).isEqualTo(new RadiusDecision(true, 1.0));
    assertThat(tr.decide(0.1, 0.0, 1.0)).isEqualTo(new RadiusDecision(true, 1.0));
  }

  @Test
  void deterministicRuleRejectsAndHalvesOnLowOrUndefinedRatio() {
    TrustRegion tr = TrustRegion.deterministic(EXACT, 1.0, 3.0);

    assertThat(tr.decide(0.09, 0.0, 1.0)).isEqualTo(new RadiusDecision(false, 0.5));
    assertThat(tr.decide(-3.0, 0.0, 1.0)).isEqualTo(new RadiusDecision(false, 0.5));
    assertThat(tr.decide(Double.NaN, 0.0, 1.0)).isEqualTo(new RadiusDecision(false, 0.5));
  }

  @Test
  void stochasticRuleAcceptsOnlyWithHighRatioAndGradientAtLeastTheRadius() {
    TrustRegion tr = TrustRegion.stochastic(EXACT, 1.0, 3.0);

    assertThat(tr.decide(0.95, 1.5, 1.0)).isEqualTo(new RadiusDecision(true, 2.0));
    assertThat(tr.decide(0.9, 2.0, 2.0)).isEqualTo(new RadiusDecision(true, 3.0));
    assertThat(tr.decide(0.95, 0.99, 1.0)).isEqualTo(new RadiusDecision(false, 0.5));
    assertThat(tr.decide(0.5, 10.0, 1.0)).isEqualTo(new RadiusDecision(false, 0.5));
    assertThat(tr.decide(Double.NaN, 10.0, 1.0)).isEqualTo(new RadiusDecision(false, 0.5));
  }

  @Test
  void stepAcceptsAndRejectsOnTheRatioItComputes() {
    // One variable: F(x) = 2 + x at x = 0 is modelled with g = 1, H = 1; radius 0.5 gives
    // z = -0.5 and a predicted decrease of 0.5 - 0.125 = 0.375.
    TrustRegion tr = TrustRegion.stochastic(EXACT, 0.5, 0.75);
    double predicted = 0.375;

    INDArray accepted = vector(0.0);
    StepReport good =
        tr.newState(1).step(accepted, new ScriptedObjective(2.0, 2.0 - 0.95 * predicted));
    TrustRegionTelemetry goodTelemetry = good.trustRegion().orElseThrow();
    assertThat(goodTelemetry.rho()).isCloseTo(0.95, within(1e-12));
    assertThat(goodTelemetry.accepted()).isTrue();
    assertThat(goodTelemetry.nextRadius()).isEqualTo(0.75);
    assertThat(accepted.getDouble(0)).isEqualTo(-0.5);

    INDArray rejected = vector(0.0);
    StepReport bad =
        tr.newState(1).step(rejected, new ScriptedObjective(2.0, 2.0 - 0.5 * predicted));
    TrustRegionTelemetry badTelemetry = bad.trustRegion().orElseThrow();
    assertThat(badTelemetry.rho()).isCloseTo(0.5, within(1e-12));
    assertThat(badTelemetry.accepted()).isFalse();
    assertThat(badTelemetry.nextRadius()).isEqualTo(0.25);
    assertThat(rejected.getDouble(0)).isEqualTo(0.0);
  }

  @ParameterizedTest
  @MethodSource("everySolver")
  void everyStepReportsTheCallsTheObjectiveReceived(SubproblemSolver solver) {
    AnalyticObjective rosenbrock = new AnalyticObjective(AnalyticObjective.ROSENBROCK, 2);
    MethodState tr = TrustRegion.deterministic(solver, 0.5, 4.0).newState(2);
    INDArray x = vector(-1.2, 1.0);

    for (int i = 0; i < 8; i++) {
      int gradients = rosenbrock.gradientEvaluations();
      int products = rosenbrock.hessianProducts();
      int values = rosenbrock.functionEvaluations();

      StepReport report = tr.step(x, rosenbrock);

      assertThat(report.gradientEvaluations())
          .as("step %d", i)
          .isEqualTo(rosenbrock.gradientEvaluations() - gradients);
      assertThat(report.hessianVectorProducts())
          .as("step %d", i)
          .isEqualTo(rosenbrock.hessianProducts() - products)
          .isEqualTo(report.trustRegion().orElseThrow().solver().hessianVectorProducts());
      assertThat(report.functionEvaluations())
          .as("step %d", i)
          .isEqualTo(rosenbrock.functionEvaluations() - values);
    }
    assertThat(rosenbrock.hessianProducts()).isPositive();

    MethodState sgd = new Sgd(1e-4).newState(2);
    int gradients = rosenbrock.gradientEvaluations();
    int products = rosenbrock.hessianProducts();
    int values = rosenbrock.functionEvaluations();
    StepReport report = sgd.step(x, rosenbrock);
    assertThat(report.gradientEvaluations())
        .isEqualTo(rosenbrock.gradientEvaluations() - gradients);
    assertThat(report.hessianVectorProducts()).isEqualTo(rosenbrock.hessianProducts() - products);
    assertThat(report.functionEvaluations()).isEqualTo(rosenbrock.functionEvaluations() - values);
  }

  @Test
  void stepReportsItsLossAndTelemetry() {
    TrustRegion tr = TrustRegion.stochastic(EXACT, 0.5, 0.75);
    ScriptedObjective objective = new ScriptedObjective(2.0, 1.7);

    StepReport report = tr.newState(1).step(vector(0.0), objective);

    assertThat(report.lossBefore()).isEqualTo(2.0);
    TrustRegionTelemetry telemetry = report.trustRegion().orElseThrow();
    assertThat(telemetry.radius()).isEqualTo(0.5);
    assertThat(telemetry.gradientNorm()).isEqualTo(1.0);
    assertThat(telemetry.stepNorm()).isCloseTo(0.5, within(1e-15));
    assertThat(telemetry.predictedDecrease()).isCloseTo(0.375, within(1e-15));
    assertThat(telemetry.actualDecrease()).isCloseTo(0.3, within(1e-15));
  }

  @Test
  void zeroPredictedDecreaseIsARejectionWithUndefinedRatio() {
    // At the minimum of a convex quadratic the solver returns z = 0: no decrease is predicted.
    AnalyticObjective bowl =
        new AnalyticObjective(
            new AnalyticObjective.Function() {
              @Override
              public double value(double[] x) {
                return x[0] * x[0];
              }

              @Override
              public double[] gradient(double[] x) {
                return new double[] {2 * x[0]};
              }

              @Override
              public double[][] hessian(double[] x) {
                return new double[][] {{2}};
              }
            },
            1);
    INDArray x = vector(0.0);

    TrustRegionTelemetry telemetry =
        TrustRegion.deterministic(EXACT, 1.0, 4.0)
            .newState(1)
            .step(x, bowl)
            .trustRegion()
            .orElseThrow();

    assertThat(telemetry.rho()).isNaN();
    assertThat(telemetry.accepted()).isFalse();
    assertThat(telemetry.nextRadius()).isEqualTo(0.5);
    assertThat(x.getDouble(0)).isEqualTo(0.0);
  }

  @Test
  void nonFiniteTrialValueIsARejection() {
    INDArray x = vector(0.0);

    TrustRegionTelemetry telemetry =
        TrustRegion.deterministic(EXACT, 0.5, 4.0)
            .newState(1)
            .step(x, new ScriptedObjective(2.0, Double.POSITIVE_INFINITY))
            .trustRegion()
            .orElseThrow();

    assertThat(telemetry.rho()).isNaN();
    assertThat(telemetry.accepted()).isFalse();
    assertThat(x.getDouble(0)).isEqualTo(0.0);
  }

  @Test
  void nanTrialValueAloneIsARejectionNotADivergence() {
    INDArray x = vector(0.0);
    TrustRegionState state = new TrustRegionState(TrustRegion.deterministic(EXACT, 0.5, 4.0), 1);

    TrustRegionTelemetry telemetry =
        state.step(x, new ScriptedObjective(2.0, Double.NaN)).trustRegion().orElseThrow();

    assertThat(telemetry.rho()).isNaN();
    assertThat(telemetry.accepted()).isFalse();
    assertThat(telemetry.predictedDecrease()).isCloseTo(0.375, within(1e-15));
    assertThat(state.radius()).isEqualTo(0.25);
    assertThat(x.getDouble(0)).isEqualTo(0.0);
  }

  static Stream<SubproblemSolver> everySolver() {
    return Stream.of(
        EXACT,
        GradientTrustRegionSolver.paperDeepNetworkDefaults(),
        new GradientTrustRegionSolver(GradientSolverSettings.accurateDefaults()),
        new SteihaugCgSolver(50, 1e-10),
        new LanczosTrustRegionSolver(50, 1e-10));
  }

  @ParameterizedTest
  @MethodSource("everySolver")
  void nonFiniteHessianVectorProductIsADivergenceAndLeavesTheStateAlone(SubproblemSolver solver) {
    AnalyticObjective broken = new AnalyticObjective(NAN_CURVATURE, 2);
    TrustRegionState state = new TrustRegionState(TrustRegion.deterministic(solver, 0.5, 4.0), 2);
    INDArray x = vector(0.25, -0.5);

    assertThatThrownBy(() -> state.step(x, broken))
        .isInstanceOf(DivergedException.class)
        .hasMessageContaining("TrustRegion")
        .hasMessageContaining("Hessian-vector product")
        .hasMessageContaining("not finite")
        .hasMessageContaining("diverged");
    assertThat(broken.hessianProducts()).isPositive();
    assertThat(broken.functionEvaluations()).isZero();
    assertThat(x.toDoubleVector()).containsExactly(0.25, -0.5);
    assertThat(state.radius()).isEqualTo(0.5);
  }

  @Test
  void hybridPassesOnTheTrustRegionPhasesDivergence() {
    MethodState hybrid =
        new Hybrid(TrustRegion.stochastic(EXACT, 1, 2), new Sgd(0.1), new PlateauRule(1, 0.0))
            .newState(2);

    assertThatThrownBy(() -> hybrid.step(vector(0.0, 0.0), new AnalyticObjective(NAN_CURVATURE, 2)))
        .isInstanceOf(DivergedException.class)
        .hasMessageContaining("Hessian-vector product");
  }

  @Test
  void nanInTheGradientIsReportedAsDivergence() {
    MinibatchObjective broken =
        new ScriptedObjective(2.0, 1.0) {
          @Override
          public ValueAndGradient valueAndGradient(INDArray x) {
            return new ValueAndGradient(2.0, vector(Double.NaN));
          }
        };

    assertThatThrownBy(
            () -> TrustRegion.stochastic(EXACT, 1, 2).newState(1).step(vector(0.0), broken))
        .isInstanceOf(DivergedException.class)
        .hasMessageContaining("TR")
        .hasMessageContaining("NaN")
        .hasMessageContaining("diverged");
  }

  @Test
  void mismatchedParameterLengthIsRefused() {
    MethodState state = TrustRegion.stochastic(EXACT, 1, 2).newState(2);

    assertThatThrownBy(() -> state.step(vector(0.0, 0.0, 0.0), new ScriptedObjective(1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameters has 3 entries")
        .hasMessageContaining("length 2");
  }

  @Test
  void negativeOrInconsistentRadiiAreRefused() {
    assertThatThrownBy(() -> TrustRegion.stochastic(EXACT, -1.0, 2.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initialRadius")
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> TrustRegion.stochastic(EXACT, 2.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRadius")
        .hasMessageContaining("POSITIVE_INFINITY");
    assertThatThrownBy(
            () -> new TrustRegion(EXACT, 1, 2, 0.1, 0.9, 2, 0.5, AcceptanceRule.DETERMINISTIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceptThreshold <= expandThreshold");
  }

  /** F with gradient 1 and Hessian 1 at every point; F(x) and F(x + z) are given. */
  private static class ScriptedObjective implements MinibatchObjective {
    private final double valueAtStart;
    private final double valueAtTrial;

    ScriptedObjective(double valueAtStart, double valueAtTrial) {
      this.valueAtStart = valueAtStart;
      this.valueAtTrial = valueAtTrial;
    }

    @Override
    public long dimension() {
      return 1;
    }

    @Override
    public double value(INDArray x) {
      return valueAtTrial;
    }

    @Override
    public ValueAndGradient valueAndGradient(INDArray x) {
      return new ValueAndGradient(valueAtStart, vector(1.0));
    }

    @Override
    public HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX) {
      return INDArray::dup;
    }
  }
}
