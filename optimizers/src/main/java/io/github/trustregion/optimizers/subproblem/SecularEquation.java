package io.github.trustregion.optimizers.subproblem;

/**
 * Solves the trust-region subproblem exactly in the eigenbasis of H: given the eigenvalues λ₁ ≤ … ≤
 * λₙ and the coefficients cᵢ = vᵢᵀg, finds the multiplier λ and the step coefficients sᵢ = −cᵢ/(λᵢ
 * + λ) of Lemma 1 (Moré and Sorensen 1983; Nocedal and Wright, <i>Numerical Optimization</i>, 2nd
 * ed., §4.3).
 *
 * <p>With μ = λ + λ₁ (the distance of the multiplier above the pole −λ₁) the denominators are (λᵢ −
 * λ₁) + μ, computed without cancellation. The conditions λ ≥ 0 and H + λI ⪰ 0 read μ ≥ μ_L = max(0,
 * λ₁). Three cases:
 *
 * <ul>
 *   <li>interior: λ₁ &gt; 0 and ‖H⁻¹g‖ ≤ r, so λ = 0;
 *   <li>hard case: the coefficients of g on the eigenvectors of λ₁ are negligible (|cᵢ| ≤ {@value
 *       #HARD_CASE_RELATIVE}·‖g‖) and ‖(H − λ₁I)⁺g‖ ≤ r; then λ = −λ₁ (when λ₁ ≤ 0) and s = −(H −
 *       λ₁I)⁺g + τv₁ with τ ≥ 0 chosen so that ‖s‖ = r;
 *   <li>otherwise the secular equation ψ(μ) = 1/‖s(μ)‖ − 1/r = 0 has a unique root μ* in (μ_L,
 *       ‖g‖/r], found by a safeguarded Newton iteration on ψ, with ψ′(μ) = Σᵢ cᵢ²/(λᵢ − λ₁ + μ)³ /
 *       ‖s‖³.
 * </ul>
 *
 * <p>The Newton iteration starts at the right end μ = ‖g‖/r, where ‖s‖ ≤ r. ψ is increasing and
 * concave on (μ_L, ∞) (Moré and Sorensen 1983), so its tangent lies above it and a Newton step from
 * any point lands at or left of μ*; the first step therefore crosses to the left, and from a point
 * left of μ* the Newton iterates increase monotonically to μ*. Every evaluated μ updates a bracket
 * (lo, hi] of μ*, starting from (μ_L, ‖g‖/r]: μ becomes lo where ‖s‖ &gt; r and hi otherwise. A
 * Newton step that leaves the open bracket (for example to or below μ_L) is replaced by the
 * midpoint. The iteration stops when |‖s‖ − r| ≤ 10⁻¹⁴·r, when the next μ equals the current one,
 * when the bracket is at most 4 ulps wide, or after 400 evaluations, and returns the step of the
 * last μ.
 */
final class SecularEquation {

  /** Below this relative size a coefficient of g on a λ₁-eigenvector counts as zero. */
  static final double HARD_CASE_RELATIVE = 1e-14;

  private SecularEquation() {}

  /**
   * The exact solution in eigen-coordinates.
   *
   * @param multiplier λ ≥ 0 of Lemma 1
   * @param coefficients sᵢ, the step in the eigenbasis
   * @param hardCase whether the hard-case formula with τ &gt; 0 was used
   */
  record Result(double multiplier, double[] coefficients, boolean hardCase) {}

  /** Solves for ascending {@code values}, coefficients {@code c} of g, radius r &gt; 0. */
  static Result solve(double[] values, double[] c, double radius) {
    int n = values.length;
    double lambdaOne = values[0];
    double[] gap = new double[n];
    double scale = Math.max(Math.abs(values[0]), Math.abs(values[n - 1]));
    double gNorm = 0;
    for (int i = 0; i < n; i++) {
      gap[i] = values[i] - lambdaOne;
      gNorm = Math.hypot(gNorm, c[i]);
    }
    double degenerate = 1e-13 * Math.max(scale, Double.MIN_NORMAL);
    double muLow = Math.max(0.0, lambdaOne);
    if (gNorm == 0) {
      return zeroGradient(values, radius, lambdaOne);
    }

    // Does a solution with μ = μ_L exist (interior, or hard case)?
    boolean negligibleOnBottom = true;
    double restSquared = 0;
    for (int i = 0; i < n; i++) {
      double denominator = gap[i] + muLow;
      if (denominator <= degenerate) {
        if (Math.abs(c[i]) > HARD_CASE_RELATIVE * gNorm) {
          negligibleOnBottom = false;
        }
      } else {
        double si = c[i] / denominator;
        restSquared += si * si;
      }
    }
    double r2 = radius * radius;
    if (negligibleOnBottom && restSquared <= r2) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        double denominator = gap[i] + muLow;
        s[i] = denominator <= degenerate ? 0.0 : -c[i] / denominator;
      }
      double multiplier = muLow - lambdaOne;
      boolean hard = false;
      if (muLow == 0 && lambdaOne < -degenerate) {
        s[0] = Math.sqrt(r2 - restSquared);
        hard = s[0] > 0;
      }
      return new Result(Math.max(multiplier, 0.0), s, hard);
    }

    double lo = muLow;
    double hi = Math.max(gNorm / radius, muLow);
    double mu = hi;
    double[] s = new double[n];
    for (int iteration = 0; iteration < 400; iteration++) {
      double normSquared = 0;
      double cubic = 0;
      for (int i = 0; i < n; i++) {
        double denominator = gap[i] + mu; // > 0: mu > lo ≥ 0 throughout
        double si = c[i] / denominator;
        normSquared += si * si;
        cubic += si * si / denominator;
      }
      double norm = Math.sqrt(normSquared);
      if (Math.abs(norm - radius) <= 1e-14 * radius) {
        break;
      }
      if (norm > radius) {
        lo = mu;
      } else {
        hi = mu;
      }
      double psi = 1 / norm - 1 / radius;
      double derivative = cubic / (normSquared * norm);
      double newton = mu - psi / derivative;
      double next = (newton > lo && newton < hi) ? newton : (lo + hi) / 2;
      if (next == mu || hi - lo <= 4 * Math.ulp(hi)) {
        break;
      }
      mu = next;
    }
    for (int i = 0; i < n; i++) {
      s[i] = -c[i] / (gap[i] + mu);
    }
    return new Result(Math.max(mu - lambdaOne, 0.0), s, false);
  }

  private static Result zeroGradient(double[] values, double radius, double lambdaOne) {
    double[] s = new double[values.length];
    if (lambdaOne >= 0) {
      return new Result(0.0, s, false);
    }
    s[0] = radius;
    return new Result(-lambdaOne, s, true);
  }
}
