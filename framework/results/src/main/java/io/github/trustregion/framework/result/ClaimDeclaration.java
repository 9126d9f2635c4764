package io.github.trustregion.framework.result;

import java.util.List;
import java.util.Map;

/**
 * A claim an experiment declares about its results, as the manifest records it: what is claimed,
 * where it comes from, and what decides it (a typed {@link ClaimComparison} with its parameters, a
 * direction and a threshold). Reports evaluate it from the trials; see docs/method.md,
 * "Statistics", "Claims".
 *
 * @param id a short id, unique within the experiment, such as {@code "C1"}
 * @param statement the claim in words
 * @param source where it comes from, such as {@code "Figure 3"}
 * @param comparison what decides it
 * @param metric the trial metric, epoch quantity or series column it is about
 * @param methods the methods (labels) it compares, in the order the comparison reads them
 * @param batch the batch sizes at which it holds
 * @param setting further trial parameters that select where it holds ({@code key → value}); empty
 *     for every setting
 * @param direction whether the quantity is claimed to be at least or at most the threshold
 * @param threshold the value the quantity is compared with (0 for a difference, 3 for "at most 3×")
 * @param stage for {@link ClaimComparison#STAGE_JUMP}: the 1-based stage after whose end the jump
 *     is measured (0 otherwise)
 * @param parameter for {@link ClaimComparison#TREND}: the numeric parameter (empty otherwise)
 * @param against for {@link ClaimComparison#BOUND}: the metric subtracted (empty otherwise)
 * @param alphaStep for {@link ClaimComparison#BASIN_SHARPNESS}: the step h in α (0 otherwise)
 */
public record ClaimDeclaration(
    String id,
    String statement,
    String source,
    ClaimComparison comparison,
    String metric,
    List<String> methods,
    ClaimBatch batch,
    Map<String, String> setting,
    ClaimDirection direction,
    double threshold,
    int stage,
    String parameter,
    String against,
    double alphaStep) {

  /**
   * A quantity {@link ClaimComparison#RATIO} (and the other trial comparisons) can read besides the
   * trial metrics: training seconds per epoch, the last epoch's training time over the number of
   * epochs (evaluation excluded).
   */
  public static final String SECONDS_PER_EPOCH = "trainingSecondsPerEpoch";

  /** The epoch quantities {@link ClaimComparison#STAGE_JUMP} reads (fields of EpochRecord). */
  public static final List<String> EPOCH_QUANTITIES =
      List.of("trainLoss", "trainAccuracy", "testLoss", "testAccuracy");

  /** Copies the collections; null ones (absent in a file) become empty. */
  public ClaimDeclaration {
    methods = methods == null ? List.of() : List.copyOf(methods);
    setting = setting == null ? Map.of() : Map.copyOf(setting);
    batch = batch == null ? ClaimBatch.ALL : batch;
    parameter = parameter == null ? "" : parameter;
    against = against == null ? "" : against;
  }

  /** Returns the decided quantity in words, such as {@code "TR − SGD of bestTestAccuracy"}. */
  public String quantity() {
    String m = methods.isEmpty() ? "?" : methods.get(0);
    return switch (comparison) {
      case DIFFERENCE -> m + " − " + second() + " of " + metric;
      case MARGIN_OVER_MAX ->
          m
              + " − max("
              + String.join(", ", methods.subList(Math.min(1, methods.size()), methods.size()))
              + ") of "
              + metric;
      case BATCH_DROP ->
          methods.size() > 1
              ? "drop of " + m + " − drop of " + second() + " in " + metric
              : "drop of " + m + " in " + metric;
      case STAGE_JUMP -> "jump of " + metric + " of " + m + " after stage " + stage;
      case BASIN_SHARPNESS ->
          "rise of " + metric + " at ±" + alphaStep + " around " + m + " − around " + second();
      case TREND -> "slope of " + metric + " of " + m + " against " + parameter;
      case BOUND -> metric + " − " + against + " of " + m;
      case FIT_QUALITY -> "R² of the T(λ) fit of " + metric + " of " + m;
      case RATIO -> m + " / " + second() + " of " + metric;
    };
  }

  private String second() {
    return methods.size() > 1 ? methods.get(1) : "?";
  }
}
