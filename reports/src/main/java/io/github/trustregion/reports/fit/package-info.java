/**
 * Curve fitting for the report: a Nelder–Mead minimiser and the least-squares fit of the paper's
 * iteration-count model T(λ) = log(1 + c₁λ)/log(1 + c₂λ) (see docs/method.md, "E1 subproblem
 * iterations").
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.reports.fit;
