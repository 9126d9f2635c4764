package io.github.trustregion.optimizers.trustregion;

import io.github.trustregion.optimizers.subproblem.SolverDiagnostics;

/**
 * One outer trust-region step as it happened.
 *
 * @param rho the ratio of actual to predicted decrease, (F(x) − F(x+z)) / (0 − f(z))
 * @param radius the radius r used for this step
 * @param nextRadius the radius after the update
 * @param accepted whether x + z was accepted
 * @param gradientNorm ‖g‖
 * @param stepNorm ‖z‖
 * @param predictedDecrease −f(z)
 * @param actualDecrease F(x) − F(x+z)
 * @param solver the subproblem solver's diagnostics
 */
public record TrustRegionTelemetry(
    double rho,
    double radius,
    double nextRadius,
    boolean accepted,
    double gradientNorm,
    double stepNorm,
    double predictedDecrease,
    double actualDecrease,
    SolverDiagnostics solver) {}
