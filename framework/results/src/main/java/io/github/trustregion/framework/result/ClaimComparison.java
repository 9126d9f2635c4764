package io.github.trustregion.framework.result;

/**
 * What decides a declared claim ({@link ClaimDeclaration}): the quantity whose sign, against the
 * claim's threshold, the claim states, computed by reports from the trials of one setting.
 *
 * <p>Each kind names the parameters it reads; the others must stay at their defaults. "Paired"
 * means one value per repeat index (or per trial), tested with the one-sample (paired) t-test;
 * where the trials of two methods do not pair, reports fall back to Welch's test of the groups (see
 * docs/method.md, "Statistics", "Claims").
 */
public enum ClaimComparison {

  /**
   * {@code metric(methods[0]) − metric(methods[1])}, such as TR − SGD; paired by repeat index.
   * Parameters: two methods, a trial metric.
   */
  DIFFERENCE,

  /**
   * {@code metric(methods[0]) − max(metric(methods[1]), metric(methods[2]), …)}, such as Hybrid −
   * max(TR, SGD): per repeat the maximum of the others at that repeat; unpaired, against the other
   * method with the largest mean. Parameters: at least three methods, a trial metric.
   */
  MARGIN_OVER_MAX,

  /**
   * The drop of a method from its smallest to its largest batch size, {@code metric(B_small) −
   * metric(B_large)}; with two methods the difference of their drops, {@code drop(methods[0]) −
   * drop(methods[1])}. Paired by repeat index across the batch sizes. Parameters: one or two
   * methods, a trial metric; the claim's batch must be {@link ClaimBatch#ALL}.
   */
  BATCH_DROP,

  /**
   * The jump of an epoch quantity ({@code trainLoss}, {@code trainAccuracy}, {@code testLoss} or
   * {@code testAccuracy}, the {@link EpochRecord} fields) at the boundary after stage {@code stage}
   * of the track {@code methods[0]}: its value at the first epoch of stage {@code stage + 1} minus
   * its value at the last epoch of stage {@code stage}; one value per trial. Parameters: one method
   * (the track's label), the epoch quantity as the metric, the stage (1-based).
   */
  STAGE_JUMP,

  /**
   * The sharpness of one end of an interpolation curve w(α) = α w_A + (1 − α) w_B minus that of the
   * other: {@code rise(1) − rise(0)}, where {@code rise(a) = (L(a − h) + L(a + h))/2 − L(a)} for
   * the series column {@code metric} (such as {@code trainLoss}) and {@code h = alphaStep}. The
   * trial is the interpolation of the pair {@code methods[0]} (α = 1) and {@code methods[1]} (α =
   * 0); a positive value means the basin around {@code methods[0]}'s solution is the sharper. One
   * value per trial.
   */
  BASIN_SHARPNESS,

  /**
   * The least-squares slope of a metric against the numeric parameter {@code parameter} (such as
   * {@code lambda}) over the trials of method {@code methods[0]} that share a repeat index; one
   * slope per repeat. Parameters: one method, a metric, the parameter.
   */
  TREND,

  /**
   * {@code metric − against} within each trial of method {@code methods[0]}, such as the iterations
   * to the sphere minus Lemma 6's bound; one value per trial. Parameters: one method, a metric, the
   * metric {@code against}.
   */
  BOUND,

  /**
   * The coefficient of determination R² of the fit T(λ) = log(1 + c₁λ)/log(1 + c₂λ) of a metric
   * against the parameter {@code lambda}, fitted to the trials of method {@code methods[0]} that
   * share a repeat index; one R² per repeat. Parameters: one method, a metric.
   */
  FIT_QUALITY,

  /**
   * {@code metric(methods[0]) / metric(methods[1])}, such as TR's training seconds per epoch over
   * SGD's; paired by repeat index. The metric may be a trial metric or {@link
   * ClaimDeclaration#SECONDS_PER_EPOCH}. Parameters: two methods, a metric.
   */
  RATIO
}
