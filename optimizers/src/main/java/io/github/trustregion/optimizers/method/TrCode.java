package io.github.trustregion.optimizers.method;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.DivergedException;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.hessian.HessianSettings;
import io.github.trustregion.optimizers.hessian.HessianSubsample;
import io.github.trustregion.optimizers.hessian.SampledHessian;
import io.github.trustregion.optimizers.subproblem.SolverDiagnostics;
import io.github.trustregion.optimizers.trustregion.TrustRegionTelemetry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The step rule that the paper's published code runs under the name TR ("TR-code"): K gradient
 * steps on the quadratic model, each rescaled onto the sphere of radius r, always accepted.
 *
 * <p>On one minibatch, with g = ∇F(x), step size η, radius r and K inner steps:
 *
 * <pre>
 *   s = −η g
 *   repeat K times:
 *     u = H s + g            H s ≈ (∇F(x + s/c) − g)·c, s not normalized
 *     s = s − (η/2) u
 *     s = r · s/‖s‖
 *   x ← x + s
 * </pre>
 *
 * <p>There is no loss evaluation, no ratio test and no radius update: every step is accepted and r
 * never changes. K = 0 leaves s = −η g unscaled, which is plain SGD ({@link Sgd}) step for step.
 * One step costs one gradient and K Hessian-vector products; the products are forward differences
 * with the fixed step ε = 1/c (the code's c = 10⁵), on a seeded subset of the minibatch when {@code
 * hessianBatchFraction} f &lt; 1 (see {@link HessianSettings}). On an objective with its own
 * products (an analytic test function) those are used and c does not apply. If an inner step leaves
 * s = 0 the step is zero. See docs/method.md, "The published code's rule", and for the method it
 * departs from, the paper ("Better Generalization by Efficient Trust Region Method", ICLR 2018
 * submission), Algorithms 1 and 2. Immutable and thread-safe; the states are not.
 *
 * @param learningRate η &gt; 0 (the code's scripts: 0.1)
 * @param radius r &gt; 0 (the code's scripts: 1 or 2)
 * @param innerSteps K ≥ 0 (the code's scripts: 1)
 * @param finiteDifferenceScale c &gt; 0 (the code's 10⁵)
 * @param hessianBatchFraction f ∈ (0, 1], the share of the minibatch the products run on
 */
public record TrCode(
    double learningRate,
    double radius,
    int innerSteps,
    double finiteDifferenceScale,
    double hessianBatchFraction)
    implements TrainingMethod {

  /** The code's finite-difference scale c. */
  public static final double CODE_FINITE_DIFFERENCE_SCALE = 1e5;

  /** Validates the settings. */
  public TrCode {
    Checks.requirePositive(learningRate, "learningRate", "TrCode");
    Checks.requirePositive(radius, "radius", "TrCode");
    if (innerSteps < 0) {
      throw new IllegalArgumentException(
          "TrCode: innerSteps must be >= 0 (0 is plain SGD) but was " + innerSteps);
    }
    Checks.requirePositive(finiteDifferenceScale, "finiteDifferenceScale", "TrCode");
    if (!(hessianBatchFraction > 0 && hessianBatchFraction <= 1)) {
      throw new IllegalArgumentException(
          "TrCode: "
              + HessianSubsample.SETTING
              + " must lie in (0, 1] but was "
              + hessianBatchFraction);
    }
  }

  /** Returns the code's defaults: η = 0.1, r = 1, K = 1, c = 10⁵, the whole minibatch. */
  public static TrCode codeDefaults() {
    return new TrCode(0.1, 1.0, 1, CODE_FINITE_DIFFERENCE_SCALE, 1.0);
  }

  /** Returns {@code "TR-code"}. */
  @Override
  public String name() {
    return "TR-code";
  }

  /** Returns η, r, K, c and f. */
  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("learningRate", Double.toString(learningRate));
    settings.put("radius", Double.toString(radius));
    settings.put("innerSteps", Integer.toString(innerSteps));
    settings.put("finiteDifferenceScale", Double.toString(finiteDifferenceScale));
    settings.put(HessianSubsample.SETTING, Double.toString(hessianBatchFraction));
    return Collections.unmodifiableMap(settings);
  }

  /** Returns how the products are formed: forward differences with ε = 1/c, fraction f. */
  public HessianSettings hessianSettings() {
    return HessianSettings.defaults()
        .withFixedStep(1 / finiteDifferenceScale)
        .withBatchFraction(hessianBatchFraction);
  }

  /** Creates the per-trial state with seed 0. */
  @Override
  public MethodState newState(long dimension) {
    return newState(dimension, 0);
  }

  /** Creates the per-trial state; the seed draws the Hessian subsets when f &lt; 1. */
  @Override
  public MethodState newState(long dimension, long seed) {
    return new State(this, MethodStates.requireDimension(dimension, "TrCode"), seed);
  }

  private static final class State implements MethodState {
    private final TrCode settings;
    private final HessianSettings hessian;
    private final long dimension;
    private final long seed;
    private long steps;

    State(TrCode settings, long dimension, long seed) {
      this.settings = settings;
      this.hessian = settings.hessianSettings();
      this.dimension = dimension;
      this.seed = seed;
    }

    @Override
    public StepReport step(INDArray parameters, MinibatchObjective objective) {
      Checks.requireLength(parameters, dimension, "parameters", "TrCode");
      MinibatchObjective.ValueAndGradient vg = objective.valueAndGradient(parameters);
      MethodStates.requireFinite(vg, "TR-code");
      INDArray gradient = vg.gradient();
      double gradientNorm = gradient.norm2Number().doubleValue();
      long index = steps++;
      int inner = settings.innerSteps;
      if (inner == 0) {
        parameters.subi(gradient.muli(settings.learningRate));
        double stepNorm = settings.learningRate * gradientNorm;
        return new StepReport(
            vg.value(), 1, 0, 0, Optional.of(telemetry(gradientNorm, stepNorm, 0, false)));
      }
      SampledHessian sampled = hessian.at(objective, parameters, gradient, seed, index, "TR-code");
      INDArray s = gradient.mul(-settings.learningRate);
      double halfStep = settings.learningRate / 2;
      for (int k = 0; k < inner; k++) {
        INDArray u = sampled.product().multiply(s);
        u.addi(gradient);
        double uNorm = u.norm2Number().doubleValue();
        if (!Double.isFinite(uNorm)) {
          throw new DivergedException(
              "TR-code: a Hessian-vector product at the current iterate is"
                  + " not finite (inner step "
                  + (k + 1)
                  + " of "
                  + inner
                  + ", loss "
                  + vg.value()
                  + ", gradient norm "
                  + gradientNorm
                  + "); the trial diverged. Record it as diverged,"
                  + " or retry with a smaller radius or step size");
        }
        s.subi(u.muli(halfStep));
        double norm = s.norm2Number().doubleValue();
        if (norm > 0) {
          s.muli(settings.radius / norm);
        }
      }
      parameters.addi(s);
      double stepNorm = s.norm2Number().doubleValue();
      return new StepReport(
          vg.value(),
          1,
          inner,
          0,
          Optional.of(telemetry(gradientNorm, stepNorm, inner, stepNorm > 0)),
          sampled.baseGradientEvaluations(),
          sampled.exampleFraction());
    }

    private TrustRegionTelemetry telemetry(
        double gradientNorm, double stepNorm, int products, boolean onSphere) {
      SolverDiagnostics diagnostics =
          new SolverDiagnostics(
              products,
              products,
              0,
              products,
              onSphere,
              onSphere ? SolverDiagnostics.Phase.BOUNDARY : SolverDiagnostics.Phase.INTERIOR,
              false);
      return new TrustRegionTelemetry(
          Double.NaN,
          settings.radius,
          settings.radius,
          true,
          gradientNorm,
          stepNorm,
          Double.NaN,
          Double.NaN,
          diagnostics);
    }

    @Override
    public String activeMethod() {
      return "TR-code";
    }
  }
}
