package io.github.trustregion.reports.analysis;

import java.util.List;

/**
 * The fit of T(λ) = log(1 + c₁λ)/log(1 + c₂λ) to one method's iterations-to-sphere (E1).
 *
 * @param method the solver
 * @param setting the other parameters, in words
 * @param c1 the fitted c₁ (NaN when it could not be fitted)
 * @param c2 the fitted c₂
 * @param rmse the root-mean-square residual in iterations
 * @param points the (λ, iterations) points used, each {@code [λ, T]}
 * @param note why there is no fit, or empty
 */
public record FitRow(
    String method,
    String setting,
    double c1,
    double c2,
    double rmse,
    List<List<Double>> points,
    String note) {}
