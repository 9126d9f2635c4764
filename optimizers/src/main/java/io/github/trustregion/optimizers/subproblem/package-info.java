/**
 * Solvers of the trust-region subproblem min ½zᵀHz + gᵀz subject to ‖z‖ ≤ r, given only
 * Hessian-vector products: the paper's two-phase gradient solver ({@link
 * io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver}), Steihaug–Toint truncated
 * CG, a Lanczos (GLTR-type) solver, and an exact dense solver used as ground truth, together with
 * the generator of the paper's random indefinite test problems (experiment E1).
 */
package io.github.trustregion.optimizers.subproblem;
