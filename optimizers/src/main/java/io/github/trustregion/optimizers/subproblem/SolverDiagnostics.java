package io.github.trustregion.optimizers.subproblem;

/**
 * How a subproblem solution was found.
 *
 * @param iterations total iterations of the solver (for the paper's solver, phase I plus phase II)
 * @param phaseOneIterations gradient steps taken in phase I (0 for solvers without phases)
 * @param phaseTwoIterations Riemannian steps taken in phase II (0 for solvers without phases)
 * @param hessianVectorProducts Hessian-vector products used, power iterations included
 * @param onBoundary whether the solution lies on the sphere ‖z‖ = r
 * @param phaseReached the last phase reached
 * @param hardCase whether the hard case (g orthogonal to the lowest eigenvector) was detected and
 *     handled (for the paper's solver: g was perturbed)
 */
public record SolverDiagnostics(
    int iterations,
    int phaseOneIterations,
    int phaseTwoIterations,
    int hessianVectorProducts,
    boolean onBoundary,
    Phase phaseReached,
    boolean hardCase) {

  /** The phase a solver ended in. */
  public enum Phase {
    /** Inside the ball: the solution is interior (or the iteration budget ran out there). */
    INTERIOR,
    /** On the sphere, after the boundary was reached. */
    BOUNDARY
  }
}
