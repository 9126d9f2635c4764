package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.HessianVectorProduct;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact solver for small dense problems, the ground truth for tests and experiment E1.
 *
 * <p>Method (Moré and Sorensen 1983; Nocedal and Wright, §4.3): eigendecompose H = VΛVᵀ in double
 * precision ({@link SymmetricEigen}), write g in the eigenbasis, then find λ ≥ max(0, −λ₁) with ‖(H
 * + λI)⁻¹g‖ = r by safeguarded Newton on the secular equation, or λ = 0 for an interior solution,
 * or, in the hard case (g⁽¹⁾ ≈ 0 and ‖(H − λ₁I)⁺g‖ &lt; r), λ = −λ₁ and s = −(H − λ₁I)⁺g + τv₁ with
 * ‖s‖ = r. The answer satisfies Lemma 1's conditions to rounding.
 *
 * <p>As a {@link SubproblemSolver} it first forms H column by column with n Hessian-vector products
 * (eᵢ ↦ Heᵢ, symmetrized as (H + Hᵀ)/2), so it is meant for n up to a few thousand; {@code
 * maxDimension} guards against forming a matrix by accident. A non-finite product gives the zero
 * step with f = NaN, as for the other solvers. Immutable and thread-safe.
 *
 * @param maxDimension the largest n accepted by {@link #solve}
 */
public record ExactDenseSolver(int maxDimension) implements SubproblemSolver {

  /** The solver with {@code maxDimension} = 2000. */
  public static final ExactDenseSolver DEFAULT = new ExactDenseSolver(2000);

  /** Validates the settings. */
  public ExactDenseSolver {
    if (maxDimension < 1) {
      throw new IllegalArgumentException(
          "ExactDenseSolver: maxDimension must be at least 1, but is " + maxDimension + ".");
    }
  }

  @Override
  public String name() {
    return "exact";
  }

  /**
   * Solves exactly after forming H from n products; the step has g's data type and shape.
   *
   * @throws IllegalArgumentException on invalid input, or n &gt; maxDimension
   */
  @Override
  public SubproblemSolution solve(INDArray g, HessianVectorProduct h, double radius) {
    Vectors.requireValidInput("ExactDenseSolver", g, h, radius);
    long length = g.length();
    if (length > maxDimension) {
      throw new IllegalArgumentException(
          "ExactDenseSolver: n = "
              + length
              + " exceeds maxDimension = "
              + maxDimension
              + "; the exact solver forms the dense n×n Hessian. Use a Krylov solver, or raise"
              + " maxDimension.");
    }
    int n = (int) length;
    double[][] dense = new double[n][n];
    INDArray unit = g.ulike().assign(0);
    for (int j = 0; j < n; j++) {
      unit.putScalar(j, 1.0);
      double[] column = Vectors.toDoubles(Vectors.multiply("ExactDenseSolver", h, unit));
      unit.putScalar(j, 0.0);
      for (double entry : column) {
        if (!Double.isFinite(entry)) {
          return new SubproblemSolution(
              g.ulike().assign(0),
              Double.NaN,
              new SolverDiagnostics(
                  0, 0, 0, j + 1, false, SolverDiagnostics.Phase.INTERIOR, false));
        }
      }
      for (int i = 0; i < n; i++) {
        dense[i][j] = column[i];
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double mean = (dense[i][j] + dense[j][i]) / 2;
        dense[i][j] = mean;
        dense[j][i] = mean;
      }
    }
    ExactSolution exact = solveDense(dense, Vectors.toDoubles(g), radius);
    SolverDiagnostics diagnostics =
        new SolverDiagnostics(
            0,
            0,
            0,
            n,
            exact.onBoundary(),
            exact.onBoundary()
                ? SolverDiagnostics.Phase.BOUNDARY
                : SolverDiagnostics.Phase.INTERIOR,
            exact.hardCase());
    return new SubproblemSolution(
        Vectors.fromDoubles(exact.step(), g), exact.modelValue(), diagnostics);
  }

  /**
   * Solves min ½sᵀHs + gᵀs subject to ‖s‖ ≤ r exactly, for a dense symmetric H (lower triangle
   * read).
   *
   * @param hessian the symmetric n×n matrix H
   * @param g the gradient, length n
   * @param radius r &gt; 0
   * @throws IllegalArgumentException on mismatched dimensions, a non-positive radius or NaN/Inf
   */
  public static ExactSolution solveDense(double[][] hessian, double[] g, double radius) {
    if (!(radius > 0) || !Double.isFinite(radius)) {
      throw new IllegalArgumentException(
          "ExactDenseSolver: the trust-region radius must be positive and finite, but radius = "
              + radius
              + ".");
    }
    if (hessian.length != g.length || g.length == 0) {
      throw new IllegalArgumentException(
          "ExactDenseSolver: H is "
              + hessian.length
              + "×"
              + hessian.length
              + " but g has length "
              + g.length
              + "; they must match and be non-empty.");
    }
    for (int i = 0; i < g.length; i++) {
      if (!Double.isFinite(g[i])) {
        throw new IllegalArgumentException(
            "ExactDenseSolver: the gradient g must be finite, but g[" + i + "] = " + g[i] + ".");
      }
    }
    SymmetricEigen.Eigensystem eigen = SymmetricEigen.of(hessian);
    double[] c = eigen.toEigenbasis(g);
    SecularEquation.Result result = SecularEquation.solve(eigen.values(), c, radius);
    double[] coefficients = result.coefficients();
    double model = 0;
    double normSquared = 0;
    double[] values = eigen.values();
    for (int i = 0; i < values.length; i++) {
      double si = coefficients[i];
      model += 0.5 * values[i] * si * si + c[i] * si;
      normSquared += si * si;
    }
    boolean onBoundary = result.multiplier() > 0 || Math.sqrt(normSquared) >= radius * (1 - 1e-12);
    return new ExactSolution(
        eigen.fromEigenbasis(coefficients),
        result.multiplier(),
        model,
        onBoundary,
        result.hardCase(),
        eigen,
        c);
  }
}
