package io.github.trustregion.framework.run;

import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.optimizers.trustregion.TrustRegionTelemetry;
import java.util.Optional;

/**
 * Aggregates the trust-region telemetry of one epoch's steps into a {@link TrustRegionSummary}:
 * counts, the mean of the finite ratios ρ, the mean radius used and the last radius after update. A
 * step without a predicted decrease (NaN: TR-code's fixed-radius steps, which are accepted without
 * a ratio test) counts as a step but not as a ratio test, so that acceptance statistics describe
 * only steps that were tested. Not thread-safe.
 */
final class TelemetryAccumulator {
  private int steps;
  private int ratioTests;
  private int rejections;
  private int finiteRhos;
  private double rhoSum;
  private double radiusSum;
  private double finalRadius = Double.NaN;
  private int boundarySteps;
  private int hardCases;

  /** Adds one step's telemetry. */
  void add(TrustRegionTelemetry t) {
    steps++;
    if (!Double.isNaN(t.predictedDecrease())) {
      ratioTests++;
    }
    if (!t.accepted()) {
      rejections++;
    }
    if (Double.isFinite(t.rho())) {
      finiteRhos++;
      rhoSum += t.rho();
    }
    radiusSum += t.radius();
    finalRadius = t.nextRadius();
    if (t.solver() != null) {
      if (t.solver().onBoundary()) {
        boundarySteps++;
      }
      if (t.solver().hardCase()) {
        hardCases++;
      }
    }
  }

  /** Returns the summary, or empty when no trust-region step was taken. */
  Optional<TrustRegionSummary> summary() {
    if (steps == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new TrustRegionSummary(
            steps,
            rejections,
            finiteRhos == 0 ? Double.NaN : rhoSum / finiteRhos,
            radiusSum / steps,
            finalRadius,
            boundarySteps,
            hardCases,
            ratioTests));
  }
}
