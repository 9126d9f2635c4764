package io.github.trustregion.optimizers;

import io.github.trustregion.optimizers.trustregion.TrustRegionTelemetry;
import java.util.Optional;

/**
 * What one optimization step did and cost.
 *
 * @param lossBefore F(x) on the step's minibatch before the step
 * @param gradientEvaluations forward-backward passes for gradients (a finite-difference
 *     Hessian-vector product is counted in {@code hessianVectorProducts}, not here)
 * @param hessianVectorProducts Hessian-vector products used
 * @param functionEvaluations forward passes for values only (the trust-region ratio test)
 * @param trustRegion the trust-region step's telemetry, empty for first-order methods
 */
public record StepReport(
    double lossBefore,
    int gradientEvaluations,
    int hessianVectorProducts,
    int functionEvaluations,
    Optional<TrustRegionTelemetry> trustRegion) {

  /** A first-order step that cost one gradient. */
  public static StepReport firstOrder(double lossBefore) {
    return new StepReport(lossBefore, 1, 0, 0, Optional.empty());
  }
}
