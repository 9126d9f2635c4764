/**
 * Curve fitting for the report: a Nelder–Mead minimiser and the least-squares fit of the paper's
 * iteration-count model T(λ) = log(1 + c₁λ)/log(1 + c₂λ) (SPEC §7, E1).
 */
package io.github.trustregion.reports.fit;
