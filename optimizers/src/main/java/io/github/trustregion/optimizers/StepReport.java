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
 * @param subsetGradientEvaluations forward-backward passes on the Hessian subset only: the gradient
 *     at x of the subset's mean loss that forward-difference products on a sub-sampled Hessian need
 *     as their base (0 without sub-sampling)
 * @param hessianExampleFraction the share m/B of the minibatch's B examples that each
 *     Hessian-vector product (and each subset gradient) ran on: 1 without sub-sampling, ⌈f·B⌉/B
 *     with {@code hessianBatchFraction} f (see docs/method.md, "Hessian sub-sampling")
 *     <p>In gradient-equivalents (one forward-backward pass over the whole minibatch), a step costs
 *     {@code gradientEvaluations + hessianExampleFraction·(subsetGradientEvaluations +
 *     passesPerProduct·hessianVectorProducts)} plus the value-only passes, where passesPerProduct
 *     is 1 for forward and 2 for central differences; a pass over m examples costs about m/B of a
 *     pass over B.
 */
public record StepReport(
    double lossBefore,
    int gradientEvaluations,
    int hessianVectorProducts,
    int functionEvaluations,
    Optional<TrustRegionTelemetry> trustRegion,
    int subsetGradientEvaluations,
    double hessianExampleFraction) {

  /** Validates the sub-sampling counters. */
  public StepReport {
    if (subsetGradientEvaluations < 0) {
      throw new IllegalArgumentException(
          "StepReport: subsetGradientEvaluations must be >= 0 but was "
              + subsetGradientEvaluations);
    }
    if (!(hessianExampleFraction > 0 && hessianExampleFraction <= 1)) {
      throw new IllegalArgumentException(
          "StepReport: hessianExampleFraction must lie in (0, 1] but was "
              + hessianExampleFraction);
    }
  }

  /** A step whose Hessian-vector products (if any) ran on the whole minibatch. */
  public StepReport(
      double lossBefore,
      int gradientEvaluations,
      int hessianVectorProducts,
      int functionEvaluations,
      Optional<TrustRegionTelemetry> trustRegion) {
    this(
        lossBefore,
        gradientEvaluations,
        hessianVectorProducts,
        functionEvaluations,
        trustRegion,
        0,
        1.0);
  }

  /** A first-order step that cost one gradient. */
  public static StepReport firstOrder(double lossBefore) {
    return new StepReport(lossBefore, 1, 0, 0, Optional.empty());
  }
}
