package io.github.trustregion.optimizers.subproblem;

/**
 * How the paper's solver chooses its phase-I step size η, which Assumption 1 requires to be below
 * 1/β with β = ‖H‖ (the operator norm).
 *
 * <p>The step size acts on z directly (the radius-r ball); since GD on the unit-ball problem with
 * H' = r²H, g' = r·g and step η' equals GD on z with step η = r²η', Assumption 1 reads η &lt; 1/‖H‖
 * in both coordinates.
 */
public sealed interface StepSizeRule {

  /** A fixed η; nothing is known about ‖H‖, so Assumption 1 is the caller's responsibility. */
  record Fixed(double eta) implements StepSizeRule {
    /** Validates η. */
    public Fixed {
      requirePositive("eta", eta);
    }
  }

  /**
   * A fixed η checked against a bound β ≥ ‖H‖ that the caller knows.
   *
   * @param eta the step size, which must satisfy η &lt; 1/β
   * @param operatorNormBound β ≥ ‖H‖
   */
  record FixedWithBound(double eta, double operatorNormBound) implements StepSizeRule {
    /** Validates η &lt; 1/β (Assumption 1). */
    public FixedWithBound {
      requirePositive("eta", eta);
      requirePositive("operatorNormBound", operatorNormBound);
      if (eta * operatorNormBound >= 1) {
        throw new IllegalArgumentException(
            "StepSizeRule: the step size eta = "
                + eta
                + " must be below 1/beta = "
                + (1 / operatorNormBound)
                + " (Assumption 1, with beta = "
                + operatorNormBound
                + " the given bound on ‖H‖); choose eta < "
                + (1 / operatorNormBound)
                + ".");
      }
    }
  }

  /**
   * η = c/β for a bound β ≥ ‖H‖ that the caller knows.
   *
   * @param fraction c ∈ (0, 1)
   * @param operatorNormBound β ≥ ‖H‖
   */
  record FractionOfBound(double fraction, double operatorNormBound) implements StepSizeRule {
    /** Validates c ∈ (0, 1) and β &gt; 0. */
    public FractionOfBound {
      requireFraction(fraction);
      requirePositive("operatorNormBound", operatorNormBound);
    }
  }

  /**
   * η = c/β̂ with β̂ = max ‖Hv‖/‖v‖ over the iterates v of {@code iterations} power iterations from
   * a seeded random start. β̂ ≤ ‖H‖ always (it underestimates), hence the fraction c: with c ≤ ½
   * the rule is safe once β̂ ≥ ½‖H‖, which a few tens of iterations give.
   *
   * @param fraction c ∈ (0, 1)
   * @param iterations the number of power iterations (Hessian-vector products), at least 1
   */
  record FractionOfPowerIteration(double fraction, int iterations) implements StepSizeRule {
    /** Validates c ∈ (0, 1) and the iteration count. */
    public FractionOfPowerIteration {
      requireFraction(fraction);
      if (iterations < 1) {
        throw new IllegalArgumentException(
            "StepSizeRule: the number of power iterations must be at least 1, but is "
                + iterations
                + ".");
      }
    }
  }

  /** Returns {@link Fixed}: a fixed step size with no check. */
  static StepSizeRule fixed(double eta) {
    return new Fixed(eta);
  }

  /** Returns {@link FixedWithBound}: a fixed step size checked against β ≥ ‖H‖. */
  static StepSizeRule fixed(double eta, double operatorNormBound) {
    return new FixedWithBound(eta, operatorNormBound);
  }

  /** Returns {@link FractionOfBound}: η = c/β. */
  static StepSizeRule fromBound(double fraction, double operatorNormBound) {
    return new FractionOfBound(fraction, operatorNormBound);
  }

  /** Returns {@link FractionOfPowerIteration}: η = c/β̂ from power iterations. */
  static StepSizeRule fromPowerIteration(double fraction, int iterations) {
    return new FractionOfPowerIteration(fraction, iterations);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "StepSizeRule: " + name + " must be positive and finite, but is " + value + ".");
    }
  }

  private static void requireFraction(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "StepSizeRule: the fraction c of 1/beta must lie in (0, 1), but is " + fraction + ".");
    }
  }
}
