package io.github.trustregion.optimizers.subproblem;

/**
 * The exact global minimizer of a small dense trust-region subproblem, with the quantities of Lemma
 * 1 that certify it.
 *
 * @param step the minimizer s, ‖s‖ ≤ r
 * @param multiplier λ ≥ 0 with (H + λI)s = −g, λ(r − ‖s‖) = 0 and H + λI ⪰ 0
 * @param modelValue f(s) = ½sᵀHs + gᵀs, evaluated in the eigenbasis
 * @param onBoundary whether ‖s‖ = r (λ &gt; 0, or the hard case)
 * @param hardCase whether g had (numerically) no component on the lowest eigenvector(s) and the
 *     step needed the extra term τv₁ to reach the boundary
 * @param eigensystem the eigendecomposition of H (eigenvalues ascending)
 * @param gradientCoefficients g⁽ⁱ⁾ = vᵢᵀg, the gradient in the eigenbasis
 */
public record ExactSolution(
    double[] step,
    double multiplier,
    double modelValue,
    boolean onBoundary,
    boolean hardCase,
    SymmetricEigen.Eigensystem eigensystem,
    double[] gradientCoefficients) {

  /** Returns the smallest eigenvalue λ₁ of H. */
  public double lowestEigenvalue() {
    return eigensystem.values()[0];
  }

  /** Returns the largest absolute eigenvalue of H, its operator norm β = ‖H‖. */
  public double operatorNorm() {
    double[] values = eigensystem.values();
    return Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
  }
}
