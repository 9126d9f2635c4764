package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.HessianVectorProduct;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Steihaug–Toint truncated conjugate gradients (Steihaug 1983, Toint 1981; Nocedal and Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithm 7.2).
 *
 * <p>CG on Hz = −g from z = 0, stopped at the first of: the residual ‖Hz + g‖ ≤ tolerance·‖g‖ (an
 * interior solution), a direction of non-positive curvature dᵀHd ≤ 0 or a step leaving the ball
 * (then z + τd with τ ≥ 0 and ‖z + τd‖ = r is returned), or {@code maxIterations}. The model value
 * decreases monotonically along the iterates and the first iterate is the Cauchy point, so the
 * answer is never worse than the Cauchy point; when H is positive definite it attains at least half
 * the optimal decrease (Yuan 2000). It is not a global solver: on indefinite problems it stops on
 * the sphere wherever CG first reaches it, and ignores the hard case.
 *
 * <p>If a Hessian-vector product is not finite, the zero step is returned with f = NaN. One
 * Hessian-vector product per iteration; f is updated from scalars (f(z + τd) = f(z) + τ dᵀ(Hz + g)
 * + ½τ² dᵀHd). Immutable and thread-safe.
 *
 * @param maxIterations the most CG iterations (products), at least 1
 * @param relativeTolerance stop when ‖Hz + g‖ ≤ relativeTolerance·‖g‖ (≥ 0)
 */
public record SteihaugCgSolver(int maxIterations, double relativeTolerance)
    implements SubproblemSolver {

  private static final String NAME = "SteihaugCgSolver";

  /** Validates the settings. */
  public SteihaugCgSolver {
    KrylovSettings.requireValid(NAME, maxIterations, relativeTolerance);
  }

  /**
   * Returns the solver at a budget of k Hessian-vector products (tolerance 0): CG runs until it
   * meets the sphere, finds non-positive curvature or has used k products, whichever is first. See
   * docs/method.md, "Krylov solvers".
   *
   * @param products k ≥ 1
   */
  public static SteihaugCgSolver withBudget(int products) {
    return new SteihaugCgSolver(products, 0);
  }

  @Override
  public String name() {
    return "steihaug-cg";
  }

  @Override
  public SubproblemSolution solve(INDArray g, HessianVectorProduct h, double radius) {
    Vectors.requireValidInput(NAME, g, h, radius);
    INDArray z = g.ulike().assign(0);
    INDArray residual = g.dup();
    INDArray direction = g.neg();
    double gNorm = Vectors.norm(g);
    double limit = relativeTolerance * gNorm;
    double residualSquared = gNorm * gNorm;
    double model = 0;
    int iterations = 0;
    boolean boundary = false;
    if (gNorm <= limit || gNorm == 0) {
      return solution(z, model, iterations, false);
    }
    double radiusSquared = radius * radius;
    while (iterations < maxIterations) {
      INDArray hd = Vectors.multiply(NAME, h, direction);
      iterations++;
      double curvature = Vectors.dot(direction, hd);
      if (!Double.isFinite(curvature)) {
        return new SubproblemSolution(
            g.ulike().assign(0),
            Double.NaN,
            new SolverDiagnostics(
                iterations, 0, 0, iterations, false, SolverDiagnostics.Phase.INTERIOR, false));
      }
      double slope = Vectors.dot(residual, direction); // dᵀ(Hz + g)
      double step = residualSquared / curvature;
      double zd = Vectors.dot(z, direction);
      double dd = Vectors.dot(direction, direction);
      double zz = Vectors.dot(z, z);
      if (curvature <= 0 || zz + 2 * step * zd + step * step * dd >= radiusSquared) {
        double tau = (-zd + Math.sqrt(zd * zd + dd * (radiusSquared - zz))) / dd;
        Vectors.axpy(tau, direction, z);
        model += tau * slope + 0.5 * tau * tau * curvature;
        boundary = true;
        break;
      }
      Vectors.axpy(step, direction, z);
      model += step * slope + 0.5 * step * step * curvature;
      Vectors.axpy(step, hd, residual);
      double nextSquared = Vectors.dot(residual, residual);
      if (Math.sqrt(nextSquared) <= limit) {
        break;
      }
      double beta = nextSquared / residualSquared;
      Vectors.scale(beta, direction);
      Vectors.axpy(-1, residual, direction);
      residualSquared = nextSquared;
    }
    return solution(z, model, iterations, boundary);
  }

  private static SubproblemSolution solution(
      INDArray z, double model, int iterations, boolean boundary) {
    return new SubproblemSolution(
        z,
        model,
        new SolverDiagnostics(
            iterations,
            0,
            0,
            iterations,
            boundary,
            boundary ? SolverDiagnostics.Phase.BOUNDARY : SolverDiagnostics.Phase.INTERIOR,
            false));
  }
}
