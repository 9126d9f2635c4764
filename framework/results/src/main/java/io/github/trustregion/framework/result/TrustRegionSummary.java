package io.github.trustregion.framework.result;

/**
 * The trust-region telemetry of one epoch, aggregated over its steps.
 *
 * @param steps trust-region steps taken in the epoch
 * @param rejections steps whose candidate was rejected
 * @param meanRho mean ratio ρ of actual to predicted decrease (NaN when no step had a finite ρ)
 * @param meanRadius mean radius used
 * @param finalRadius the radius at the end of the epoch
 * @param boundarySteps steps whose subproblem solution reached the boundary (phase II)
 * @param hardCases steps in which the subproblem solver detected the hard case
 */
public record TrustRegionSummary(
    int steps,
    int rejections,
    double meanRho,
    double meanRadius,
    double finalRadius,
    int boundarySteps,
    int hardCases) {}
