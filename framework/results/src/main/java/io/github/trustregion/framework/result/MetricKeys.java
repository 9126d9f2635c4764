package io.github.trustregion.framework.result;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric keys that trials record ({@link TrialResult#metrics()}) and that reports and the gate
 * read, so that both sides name them through one set of constants (usable in annotations and {@code
 * switch} labels).
 *
 * <p>Training and track trials record the standard keys ({@link TrialMetrics#of}); tracks also
 * record {@link #stageTestAccuracy} and {@link #stageTrainAccuracy} for each stage that finished.
 * Custom trials record their own keys; the ones reports read by name are listed here too.
 */
public final class MetricKeys {

  /** Test accuracy at the last epoch, in [0, 1]. */
  public static final String FINAL_TEST_ACCURACY = "finalTestAccuracy";

  /** The maximum test accuracy over the epochs, in [0, 1]. */
  public static final String BEST_TEST_ACCURACY = "bestTestAccuracy";

  /** Training accuracy at the last epoch, in [0, 1]. */
  public static final String FINAL_TRAIN_ACCURACY = "finalTrainAccuracy";

  /** The maximum training accuracy over the epochs, in [0, 1]. */
  public static final String BEST_TRAIN_ACCURACY = "bestTrainAccuracy";

  /** Mean test loss at the last epoch. */
  public static final String FINAL_TEST_LOSS = "finalTestLoss";

  /** Mean training loss at the last epoch. */
  public static final String FINAL_TRAIN_LOSS = "finalTrainLoss";

  /** The number of epochs that finished. */
  public static final String EPOCHS_COMPLETED = "epochsCompleted";

  /** E1's custom metric: subproblem-solver iterations until the iterate reaches the boundary. */
  public static final String ITERATIONS_TO_BOUNDARY = "iterationsToBoundary";

  /** E4's custom metric: the distance between the two solutions an interpolation path joins. */
  public static final String DISTANCE = "distance";

  /**
   * The metrics compared between methods when an experiment declares none: final-epoch and
   * best-epoch test accuracy (the harness's {@code @Metrics} default and the gate's default).
   */
  public static final List<String> DEFAULT_COMPARED =
      List.of(FINAL_TEST_ACCURACY, BEST_TEST_ACCURACY);

  /**
   * {@code stage<k>.testAccuracy} or {@code stage<k>.trainAccuracy}; group 1 is k, group 2 test or
   * train.
   */
  private static final Pattern STAGE_ACCURACY =
      Pattern.compile("stage(\\d+)\\.(test|train)Accuracy");

  private MetricKeys() {}

  /** Returns the key of a track's test accuracy at the end of stage {@code k} (1-based). */
  public static String stageTestAccuracy(int k) {
    return "stage" + requirePositive(k) + ".testAccuracy";
  }

  /** Returns the key of a track's training accuracy at the end of stage {@code k} (1-based). */
  public static String stageTrainAccuracy(int k) {
    return "stage" + requirePositive(k) + ".trainAccuracy";
  }

  /** Returns the stage k of a {@link #stageTestAccuracy} key, else empty. */
  public static OptionalInt stageOfTestAccuracy(String key) {
    Matcher m = STAGE_ACCURACY.matcher(key);
    return m.matches() && m.group(2).equals("test")
        ? OptionalInt.of(Integer.parseInt(m.group(1)))
        : OptionalInt.empty();
  }

  /** Returns the stage k of a {@link #stageTrainAccuracy} key, else empty. */
  public static OptionalInt stageOfTrainAccuracy(String key) {
    Matcher m = STAGE_ACCURACY.matcher(key);
    return m.matches() && m.group(2).equals("train")
        ? OptionalInt.of(Integer.parseInt(m.group(1)))
        : OptionalInt.empty();
  }

  private static int requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Stages are numbered from 1, not " + k + ".");
    }
    return k;
  }
}
