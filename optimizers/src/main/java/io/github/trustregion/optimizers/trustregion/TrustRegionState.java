package io.github.trustregion.optimizers.trustregion;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.DivergedException;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.hessian.SampledHessian;
import io.github.trustregion.optimizers.subproblem.SubproblemSolution;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mutable state of one trust-region trial: the radius and one work vector.
 *
 * <p>One step costs one gradient evaluation, the solver's Hessian-vector products and one function
 * evaluation F(x + z) (with a sub-sampled Hessian, the products run on the step's subset, plus one
 * subset gradient as the base of forward differences). The iterate is updated in place: x ← x + z,
 * and on rejection x is restored from a saved copy (bit-exact, which x + z − z is not). This also
 * works when x is the network's live parameter view. Not thread-safe.
 */
final class TrustRegionState implements MethodState {

  private final TrustRegion settings;
  private final long dimension;
  private final long seed;
  private double radius;
  private INDArray saved;
  private long steps;

  TrustRegionState(TrustRegion settings, long dimension) {
    this(settings, dimension, 0);
  }

  TrustRegionState(TrustRegion settings, long dimension, long seed) {
    this.settings = settings;
    this.dimension = dimension;
    this.seed = seed;
    this.radius = settings.initialRadius();
  }

  /**
   * Takes one trust-region step.
   *
   * <p>ρ = (F(x) − F(x+z)) / (−f(z)) with F, g and H on the same minibatch objective. When the
   * predicted decrease −f(z) is not positive and finite, or F(x + z) is not finite, ρ is undefined:
   * it is reported as NaN and the step is rejected (the radius shrinks). A non-finite
   * Hessian-vector product at x is different: the solver then returns model value NaN, and the step
   * throws (x is left unchanged), since no radius makes the model meaningful.
   *
   * @throws DivergedException if F(x) or ∇F(x) is not finite, or a Hessian-vector product at x is
   *     not finite (the solution's model value is NaN)
   * @throws IllegalArgumentException if {@code parameters} does not have the state's dimension
   */
  @Override
  public StepReport step(INDArray parameters, MinibatchObjective objective) {
    Checks.requireLength(parameters, dimension, "parameters", "TrustRegion");
    MinibatchObjective.ValueAndGradient start = objective.valueAndGradient(parameters);
    INDArray gradient = start.gradient();
    double loss = start.value();
    double gradientNorm = gradient.norm2Number().doubleValue();
    Checks.requireFiniteStart(loss, gradientNorm, "TR");

    SampledHessian sampled =
        settings.hessian().at(objective, parameters, gradient, seed, steps++, "TrustRegion");
    HessianVectorProduct hessian = sampled.product();
    double usedRadius = radius;
    SubproblemSolution solution = settings.solver().solve(gradient, hessian, usedRadius);
    if (Double.isNaN(solution.modelValue())) {
      throw new DivergedException(
          "TrustRegion: a Hessian-vector product at the current iterate x is not finite (the "
              + settings.solver().name()
              + " solver returned model value NaN after "
              + solution.diagnostics().hessianVectorProducts()
              + " products, with loss "
              + loss
              + " and gradient norm "
              + gradientNorm
              + "); the trial diverged. Record it as diverged; a rerun with a smaller initial or maximum"
              + " radius may stay away from such points");
    }
    INDArray step = solution.step();
    double predictedDecrease = -solution.modelValue();

    if (saved == null || saved.dataType() != parameters.dataType()) {
      saved = parameters.dup();
    } else {
      saved.assign(parameters);
    }
    parameters.addi(step);
    double trialLoss = objective.value(parameters);
    double actualDecrease = loss - trialLoss;
    double rho = ratio(actualDecrease, predictedDecrease, trialLoss);

    RadiusDecision decision = settings.decide(rho, gradientNorm, usedRadius);
    if (!decision.accepted()) {
      parameters.assign(saved);
    }
    radius = decision.nextRadius();

    TrustRegionTelemetry telemetry =
        new TrustRegionTelemetry(
            rho,
            usedRadius,
            radius,
            decision.accepted(),
            gradientNorm,
            step.norm2Number().doubleValue(),
            predictedDecrease,
            actualDecrease,
            solution.diagnostics());
    return new StepReport(
        loss,
        1,
        solution.diagnostics().hessianVectorProducts(),
        1,
        Optional.of(telemetry),
        sampled.baseGradientEvaluations(),
        sampled.exampleFraction());
  }

  /** Returns ρ, or NaN when it is undefined (see {@link #step}). */
  static double ratio(double actualDecrease, double predictedDecrease, double trialLoss) {
    if (!(predictedDecrease > 0) || Double.isInfinite(predictedDecrease)) {
      return Double.NaN;
    }
    if (!Double.isFinite(trialLoss)) {
      return Double.NaN;
    }
    return actualDecrease / predictedDecrease;
  }

  /** Returns {@code "TR"}. */
  @Override
  public String activeMethod() {
    return "TR";
  }

  /** Returns the radius the next step will use. */
  double radius() {
    return radius;
  }
}
