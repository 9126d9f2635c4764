package io.github.trustregion.optimizers.trustregion;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.hessian.HessianSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.SubproblemSolver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The trust-region method (the paper's Algorithm 1; see docs/method.md, "The outer trust-region
 * loop"): immutable settings that create the per-trial state.
 *
 * <p>At iterate x, on one minibatch objective F, a step computes g = ∇F(x) and the operator v ↦
 * ∇²F(x)v, asks the subproblem solver for z ≈ argmin { f(z) = ½zᵀHz + gᵀz : ‖z‖ ≤ r }, evaluates
 * F(x + z) on the same minibatch and forms ρ = (F(x) − F(x+z)) / (−f(z)). The {@link
 * AcceptanceRule} then accepts or rejects z and updates r (see {@link #decide}).
 *
 * <p>Reference: "Better Generalization by Efficient Trust Region Method" (ICLR 2018 submission),
 * Algorithm 1; Conn, Gould and Toint, <i>Trust-Region Methods</i> (2000), Algorithm 6.1.1.
 * Immutable and thread-safe; the states it creates are not.
 *
 * @param solver the subproblem solver
 * @param initialRadius r₀ &gt; 0
 * @param maxRadius r_max ≥ r₀ (may be {@link Double#POSITIVE_INFINITY}); caps every expansion
 * @param expandThreshold η₁: ρ ≥ η₁ expands the radius (default 0.9)
 * @param acceptThreshold η₂ ≤ η₁: the deterministic rule accepts on ρ ≥ η₂ (default 0.1); unused by
 *     the stochastic rule, which accepts only on ρ ≥ η₁
 * @param expandFactor γ_up &gt; 1 (default 2)
 * @param shrinkFactor γ_down ∈ (0, 1) (default ½)
 * @param rule the acceptance rule
 * @param hessian how the products of a step are formed: the finite difference and the Hessian
 *     sub-sampling fraction f (then ρ uses the sub-sampled model ½zᵀH_S z + gᵀz with g, F(x) and
 *     F(x + z) on the whole minibatch; see docs/method.md, "Hessian sub-sampling")
 */
public record TrustRegion(
    SubproblemSolver solver,
    double initialRadius,
    double maxRadius,
    double expandThreshold,
    double acceptThreshold,
    double expandFactor,
    double shrinkFactor,
    AcceptanceRule rule,
    HessianSettings hessian)
    implements TrainingMethod {

  /** The default expansion threshold η₁. */
  public static final double DEFAULT_EXPAND_THRESHOLD = 0.9;

  /** The default acceptance threshold η₂ of the deterministic rule. */
  public static final double DEFAULT_ACCEPT_THRESHOLD = 0.1;

  /**
   * The smallest radius the state keeps: halving below it is clamped, so that a run sitting at an
   * exact stationary point never hands the solver a zero radius.
   */
  public static final double MIN_RADIUS = Double.MIN_NORMAL;

  /** Validates the settings; see the record components for the ranges. */
  public TrustRegion {
    Objects.requireNonNull(solver, "TrustRegion: solver must not be null");
    Objects.requireNonNull(
        rule, "TrustRegion: rule must not be null (DETERMINISTIC or STOCHASTIC)");
    Objects.requireNonNull(
        hessian, "TrustRegion: hessian must not be null (use" + " HessianSettings.defaults())");
    Checks.requirePositive(initialRadius, "initialRadius (r0)", "TrustRegion");
    if (!(maxRadius >= initialRadius)) {
      throw new IllegalArgumentException(
          "TrustRegion: maxRadius (r_max) must be >= initialRadius ("
              + initialRadius
              + ") but was "
              + maxRadius
              + "; use Double.POSITIVE_INFINITY for no cap");
    }
    if (!(acceptThreshold > 0 && acceptThreshold <= expandThreshold && expandThreshold < 1)) {
      throw new IllegalArgumentException(
          "TrustRegion: thresholds must satisfy 0 < acceptThreshold <= expandThreshold < 1 but were"
              + " acceptThreshold="
              + acceptThreshold
              + ", expandThreshold="
              + expandThreshold);
    }
    if (!(expandFactor > 1) || Double.isInfinite(expandFactor)) {
      throw new IllegalArgumentException(
          "TrustRegion: expandFactor must be finite and > 1 but was " + expandFactor);
    }
    Checks.requireOpenUnitInterval(shrinkFactor, "shrinkFactor", "TrustRegion");
  }

  /**
   * Creates the method with the objective's own products on the whole minibatch ({@link
   * HessianSettings#defaults()}); see the record components for the ranges.
   */
  public TrustRegion(
      SubproblemSolver solver,
      double initialRadius,
      double maxRadius,
      double expandThreshold,
      double acceptThreshold,
      double expandFactor,
      double shrinkFactor,
      AcceptanceRule rule) {
    this(
        solver,
        initialRadius,
        maxRadius,
        expandThreshold,
        acceptThreshold,
        expandFactor,
        shrinkFactor,
        rule,
        HessianSettings.defaults());
  }

  /** Returns a copy whose steps form their Hessian-vector products as {@code settings} say. */
  public TrustRegion withHessian(HessianSettings settings) {
    return new TrustRegion(
        solver,
        initialRadius,
        maxRadius,
        expandThreshold,
        acceptThreshold,
        expandFactor,
        shrinkFactor,
        rule,
        settings);
  }

  /** Returns a copy with another subproblem solver. */
  public TrustRegion withSolver(SubproblemSolver newSolver) {
    return new TrustRegion(
        newSolver,
        initialRadius,
        maxRadius,
        expandThreshold,
        acceptThreshold,
        expandFactor,
        shrinkFactor,
        rule,
        hessian);
  }

  /** The r_max of {@link #paper()}: our choice, the paper gives none. */
  public static final double PAPER_MAX_RADIUS = 10.0;

  /**
   * Returns the paper's configuration for deep networks: the stochastic rule, r₀ = 1, thresholds
   * 0.9/0.1, factors 2/½, and the paper's two-phase solver with N₁ = N₂ = 1 and η = 0.1 ({@link
   * GradientTrustRegionSolver#paperDeepNetworkDefaults()}); r_max = {@value #PAPER_MAX_RADIUS} is
   * ours (see docs/method.md, "The methods compared").
   */
  public static TrustRegion paper() {
    return stochastic(GradientTrustRegionSolver.paperDeepNetworkDefaults(), 1.0, PAPER_MAX_RADIUS);
  }

  /**
   * Returns the stochastic method with the default thresholds (0.9/0.1) and factors (2/½).
   *
   * @param solver the subproblem solver
   * @param initialRadius r₀
   * @param maxRadius r_max
   */
  public static TrustRegion stochastic(
      SubproblemSolver solver, double initialRadius, double maxRadius) {
    return withDefaultThresholds(solver, initialRadius, maxRadius, AcceptanceRule.STOCHASTIC);
  }

  /**
   * Returns the method with the default thresholds (0.9/0.1) and factors (2/½) and the given rule.
   */
  private static TrustRegion withDefaultThresholds(
      SubproblemSolver solver, double initialRadius, double maxRadius, AcceptanceRule rule) {
    return new TrustRegion(
        solver,
        initialRadius,
        maxRadius,
        DEFAULT_EXPAND_THRESHOLD,
        DEFAULT_ACCEPT_THRESHOLD,
        2.0,
        0.5,
        rule);
  }

  /**
   * Returns the deterministic method with the default thresholds (0.9/0.1) and factors (2/½).
   *
   * @param solver the subproblem solver
   * @param initialRadius r₀
   * @param maxRadius r_max (use {@link Double#POSITIVE_INFINITY} for the paper's deterministic
   *     rule, which has no cap)
   */
  public static TrustRegion deterministic(
      SubproblemSolver solver, double initialRadius, double maxRadius) {
    return withDefaultThresholds(solver, initialRadius, maxRadius, AcceptanceRule.DETERMINISTIC);
  }

  /**
   * Applies the acceptance rule to one ratio.
   *
   * @param rho ρ = actual / predicted decrease; NaN when undefined (always a rejection)
   * @param gradientNorm ‖g‖ at the current iterate (used by the stochastic rule)
   * @param radius the radius r the step was computed with
   * @return whether to accept, and the next radius (never below {@link #MIN_RADIUS})
   */
  public RadiusDecision decide(double rho, double gradientNorm, double radius) {
    double expanded = Math.min(expandFactor * radius, maxRadius);
    double shrunk = Math.max(shrinkFactor * radius, MIN_RADIUS);
    return switch (rule) {
      case DETERMINISTIC -> {
        if (rho >= expandThreshold) {
          yield new RadiusDecision(true, expanded);
        } else if (rho >= acceptThreshold) {
          yield new RadiusDecision(true, radius);
        } else {
          yield new RadiusDecision(false, shrunk);
        }
      }
      case STOCHASTIC -> {
        if (rho >= expandThreshold && gradientNorm >= radius) {
          yield new RadiusDecision(true, expanded);
        } else {
          yield new RadiusDecision(false, shrunk);
        }
      }
    };
  }

  /** Returns {@code "TR"}. */
  @Override
  public String name() {
    return "TR";
  }

  /**
   * Returns the solver, radii, thresholds, factors and rule, and the Hessian settings that differ
   * from forward differences on the whole minibatch ({@link HessianSettings#describeInto}), so that
   * a method without them reads as before they existed.
   */
  @Override
  public Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("solver", solver.name());
    settings.put("solverSettings", solver.toString());
    settings.put("initialRadius", Double.toString(initialRadius));
    settings.put("maxRadius", Double.toString(maxRadius));
    settings.put("expandThreshold", Double.toString(expandThreshold));
    settings.put("acceptThreshold", Double.toString(acceptThreshold));
    settings.put("expandFactor", Double.toString(expandFactor));
    settings.put("shrinkFactor", Double.toString(shrinkFactor));
    settings.put("rule", rule.name());
    hessian.describeInto(settings);
    return Collections.unmodifiableMap(settings);
  }

  /** Creates the state of one trial, starting at radius r₀, with seed 0. */
  @Override
  public MethodState newState(long dimension) {
    return newState(dimension, 0);
  }

  /** Creates the state of one trial, starting at radius r₀; the seed draws Hessian subsets. */
  @Override
  public MethodState newState(long dimension, long seed) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("TrustRegion: dimension must be > 0 but was " + dimension);
    }
    return new TrustRegionState(this, dimension, seed);
  }
}
