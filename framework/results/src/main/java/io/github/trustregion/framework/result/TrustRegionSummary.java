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
 * @param ratioTests steps that decided acceptance by a ratio test; fewer than {@code steps} for a
 *     rule that accepts every step on a fixed radius (TR-code, whose ρ is NaN), so that {@code
 *     rejections} and ρ describe only these; null in result files written before it was recorded,
 *     where every step had one ({@link #ratioTestedSteps()})
 */
public record TrustRegionSummary(
    int steps,
    int rejections,
    double meanRho,
    double meanRadius,
    double finalRadius,
    int boundarySteps,
    int hardCases,
    Integer ratioTests) {

  /** A summary in which every step had a ratio test (as in result files before it was counted). */
  public TrustRegionSummary(
      int steps,
      int rejections,
      double meanRho,
      double meanRadius,
      double finalRadius,
      int boundarySteps,
      int hardCases) {
    this(steps, rejections, meanRho, meanRadius, finalRadius, boundarySteps, hardCases, null);
  }

  /** Returns {@link #ratioTests()} when recorded, else {@link #steps()}. */
  public int ratioTestedSteps() {
    return ratioTests != null ? ratioTests : steps;
  }
}
