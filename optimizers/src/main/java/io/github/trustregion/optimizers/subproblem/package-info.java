/**
 * Solvers of the trust-region subproblem min ½zᵀHz + gᵀz subject to ‖z‖ ≤ r, given only
 * Hessian-vector products: the paper's two-phase gradient solver, Steihaug–Toint truncated CG, a
 * Lanczos (GLTR-type) solver, and an exact dense solver used as ground truth.
 */
package io.github.trustregion.optimizers.subproblem;
