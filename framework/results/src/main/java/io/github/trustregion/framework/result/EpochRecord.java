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
    TrustRegionSummary trustRegion) {}
