package io.github.trustregion.optimizers.trustregion;

/**
 * How the outer trust-region loop accepts a step and updates the radius from the ratio ρ of actual
 * to predicted decrease (the paper's Algorithm 1; see docs/method.md, "The outer trust-region
 * loop").
 *
 * <p>With thresholds η₁ &gt; η₂ (defaults 0.9 and 0.1), factors γ_up &gt; 1 and γ_down &lt; 1 (2
 * and ½) and the cap r_max:
 *
 * <ul>
 *   <li>{@link #DETERMINISTIC}: ρ ≥ η₁ → accept, r ← min(γ_up·r, r_max); η₂ ≤ ρ &lt; η₁ → accept, r
 *       unchanged; otherwise reject, r ← γ_down·r.
 *   <li>{@link #STOCHASTIC} (the paper's rule for minibatch objectives): ρ ≥ η₁ and ‖g‖ ≥ r →
 *       accept, r ← min(γ_up·r, r_max); otherwise reject, r ← γ_down·r.
 * </ul>
 *
 * <p>An undefined ratio (NaN: predicted decrease ≤ 0 or non-finite, or F(x+z) non-finite) fails
 * every comparison and is therefore a rejection under both rules.
 */
public enum AcceptanceRule {
  /** The classical rule: accept on ρ ≥ η₂, expand on ρ ≥ η₁, shrink otherwise. */
  DETERMINISTIC,
  /** The paper's stochastic rule: accept (and expand) only if ρ ≥ η₁ and ‖g‖ ≥ r. */
  STOCHASTIC
}
