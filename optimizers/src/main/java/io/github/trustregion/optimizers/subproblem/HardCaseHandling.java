package io.github.trustregion.optimizers.subproblem;

/**
 * When the paper's solver perturbs g to escape the hard case g⁽¹⁾ = 0 (the paper proposes a small
 * Gaussian perturbation of g; see docs/method.md, "The paper's subproblem solver").
 *
 * <p>Applies only when g ≠ 0. At g = 0 the solver starts from a seeded random direction, which has
 * a component along the lowest eigenvector with probability 1; it then neither perturbs nor checks,
 * and reports {@code hardCase = false}, under every value of this enum.
 */
public enum HardCaseHandling {
  /**
   * Perturb only when detected: the iteration stopped on its tolerance (a stationary point, inside
   * the ball or on the sphere) while a few Lanczos steps certify a direction v with vᵀHv/‖v‖² &lt;
   * −λ̂, λ̂ the multiplier of that point (0 inside, −zᵀ(Hz + g)/r² on the sphere). Then H + λ̂I is
   * not positive semidefinite, the point is not the global minimizer (Lemma 1), and the solver
   * restarts from scratch on the perturbed g. A run that ends on its iteration budget (as with N₁ =
   * N₂ = 1) is never checked and costs nothing extra.
   */
  DETECT_AND_PERTURB,
  /**
   * Always solve with the perturbed g, as Carmon and Duchi (2016) do; hardCase is then true (for g
   * ≠ 0, see above).
   */
  ALWAYS_PERTURB,
  /**
   * Never perturb and never check, as the paper does in its experiments ("in practice due to
   * rounding error this case is hardly seen, for best efficiency we choose to ignore it"): no extra
   * Hessian-vector products, ever. A run in the exact hard case may then end at a stationary point
   * that is not the global minimizer.
   */
  IGNORE
}
