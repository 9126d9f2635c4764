package io.github.trustregion.framework.result;

/**
 * The measurements at the end of one training epoch.
 *
 * @param epoch the epoch number, 1-based, counted across all stages of a track
 * @param stage the stage index (0 for a single-method trial)
 * @param activeMethod the method that trained during this epoch ("SGD", "TR", …)
 * @param trainLoss mean loss over the training set, in evaluation mode
 * @param trainAccuracy accuracy over the training set, in [0, 1]
 * @param testLoss mean loss over the test set
 * @param testAccuracy accuracy over the test set, in [0, 1]
 * @param wallSeconds training time since the trial started (evaluation excluded)
 * @param gradientEvaluations gradient evaluations since the trial started
 * @param hessianVectorProducts Hessian-vector products since the trial started
 * @param functionEvaluations value-only evaluations since the trial started
 * @param trustRegion trust-region telemetry of this epoch, null for first-order epochs
 * @param gradientEquivalents the work since the trial started in passes over a whole minibatch:
 *     gradients + m/B·(subset gradients + passes per product·products) + value passes, where m/B is
 *     the share of the minibatch a sub-sampled Hessian-vector product runs on (see docs/method.md,
 *     "Hessian sub-sampling"); null in result files written before it was recorded, whose methods
 *     all ran forward-difference products on the whole minibatch ({@link
 *     #gradientEquivalentsOrCounted()})
 */
public record EpochRecord(
    int epoch,
    int stage,
    String activeMethod,
    double trainLoss,
    double trainAccuracy,
    double testLoss,
    double testAccuracy,
    double wallSeconds,
    long gradientEvaluations,
    long hessianVectorProducts,
    long functionEvaluations,
    TrustRegionSummary trustRegion,
    Double gradientEquivalents) {

  /** An epoch without a recorded gradient-equivalent count (as result files before it). */
  public EpochRecord(
      int epoch,
      int stage,
      String activeMethod,
      double trainLoss,
      double trainAccuracy,
      double testLoss,
      double testAccuracy,
      double wallSeconds,
      long gradientEvaluations,
      long hessianVectorProducts,
      long functionEvaluations,
      TrustRegionSummary trustRegion) {
    this(
        epoch,
        stage,
        activeMethod,
        trainLoss,
        trainAccuracy,
        testLoss,
        testAccuracy,
        wallSeconds,
        gradientEvaluations,
        hessianVectorProducts,
        functionEvaluations,
        trustRegion,
        null);
  }

  /**
   * Returns {@link #gradientEquivalents()} when recorded, else gradients + products + value passes:
   * what a forward-difference product on the whole minibatch costs, the only kind of product before
   * the count was recorded.
   */
  public double gradientEquivalentsOrCounted() {
    return gradientEquivalents != null
        ? gradientEquivalents
        : gradientEvaluations + hessianVectorProducts + functionEvaluations;
  }
}
