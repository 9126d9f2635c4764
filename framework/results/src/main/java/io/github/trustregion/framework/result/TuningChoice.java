package io.github.trustregion.framework.result;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The rule that chooses a grid point from tuning trials, and the names tuning trials carry: the
 * harness applies it at run time and reports apply it again to show the choice.
 *
 * <p>A tuning trial (parameter {@value ParameterKeys#TRIAL_TYPE} = {@value #TRIAL_TYPE}) trains on
 * the training set minus a validation split and is evaluated on that split: the test fields of its
 * {@link EpochRecord}s hold the validation loss and accuracy (its environment says so with {@value
 * #EVALUATED_ON} = {@value #VALIDATION}). Its parameters name the grid point ({@value #POINT}, such
 * as {@code "learningRate=0.1"}, and {@value #POINT_INDEX}), the selection metric ({@value
 * #METRIC}), the scope ({@value #SCOPE}) and the held-out fraction ({@value #VALIDATION_FRACTION}).
 * The tuned method's repeats carry {@value #TUNING} (the grid in words, or {@value #NOT_TUNED} for
 * an untuned method beside tuned ones) and {@value #BUDGET} (the epochs of all its tuning trials).
 *
 * <p>The rule: each point's score is the mean over its tuning repeats of the metric; a trial that
 * did not complete, or has no finite value, scores the worst; the best score wins (highest
 * accuracy, lowest loss), the first point on ties; no point is chosen when no point has a finite
 * score.
 */
public final class TuningChoice {

  /** The {@value ParameterKeys#TRIAL_TYPE} of tuning trials. */
  public static final String TRIAL_TYPE = "tuning";

  /** The parameter naming a tuning trial's grid point, such as {@code "learningRate=0.1"}. */
  public static final String POINT = "tuningPoint";

  /** The parameter holding a tuning trial's grid point index, from 0. */
  public static final String POINT_INDEX = "tuningPointIndex";

  /** The parameter naming the selection metric ({@link #FINAL_VALIDATION_ACCURACY}, …). */
  public static final String METRIC = "tuningMetric";

  /** The parameter naming the scope: {@code batchSize} or {@code all}. */
  public static final String SCOPE = "tuningScope";

  /**
   * The parameter holding the fraction of the training set a tuning trial held out (a changed
   * fraction makes stored tuning trials outdated).
   */
  public static final String VALIDATION_FRACTION = "validationFraction";

  /** The parameter of a tuned method's repeats describing its tuning, or {@link #NOT_TUNED}. */
  public static final String TUNING = "tuning";

  /** The parameter of a tuned method's repeats giving its tuning budget in epochs. */
  public static final String BUDGET = "tuningBudget";

  /** The value of {@link #TUNING} for a method without tuning beside tuned ones. */
  public static final String NOT_TUNED = "not tuned";

  /** The environment key naming the set a trial was evaluated on. */
  public static final String EVALUATED_ON = "evaluatedOn";

  /** The value of {@link #EVALUATED_ON} for tuning trials. */
  public static final String VALIDATION = "validation";

  /** The metric: validation accuracy after the last epoch. */
  public static final String FINAL_VALIDATION_ACCURACY = "finalValidationAccuracy";

  /** The metric: the best validation accuracy over the epochs. */
  public static final String BEST_VALIDATION_ACCURACY = "bestValidationAccuracy";

  /** The metric: training loss after the last epoch. */
  public static final String FINAL_TRAIN_LOSS = "finalTrainLoss";

  private TuningChoice() {}

  /** Returns whether the result is of a tuning trial. */
  public static boolean isTuningTrial(Map<String, String> parameters) {
    return parameters != null && TRIAL_TYPE.equals(parameters.get(ParameterKeys.TRIAL_TYPE));
  }

  /** Returns whether a larger value of the metric is better (false for a loss). */
  public static boolean maximizes(String metric) {
    return !FINAL_TRAIN_LOSS.equals(metric);
  }

  /**
   * Returns the metric of one tuning trial, or NaN when it did not complete or has no epochs.
   *
   * @throws IllegalArgumentException for an unknown metric
   */
  public static double value(TrialResult trial, String metric) {
    if (trial.status() != TrialStatus.COMPLETED || trial.epochs().isEmpty()) {
      return Double.NaN;
    }
    List<EpochRecord> epochs = trial.epochs();
    EpochRecord last = epochs.get(epochs.size() - 1);
    return switch (metric) {
      case FINAL_VALIDATION_ACCURACY -> last.testAccuracy();
      case BEST_VALIDATION_ACCURACY ->
          epochs.stream().mapToDouble(EpochRecord::testAccuracy).max().orElse(Double.NaN);
      case FINAL_TRAIN_LOSS -> last.trainLoss();
      default ->
          throw new IllegalArgumentException(
              "Unknown tuning metric '"
                  + metric
                  + "'; use "
                  + FINAL_VALIDATION_ACCURACY
                  + ", "
                  + BEST_VALIDATION_ACCURACY
                  + " or "
                  + FINAL_TRAIN_LOSS
                  + ".");
    };
  }

  /**
   * Returns each point's score: the mean of {@link #value} over its trials, NaN when any trial has
   * no finite value or the point has no trials.
   */
  public static double[] scores(List<List<TrialResult>> trialsByPoint, String metric) {
    double[] scores = new double[trialsByPoint.size()];
    for (int p = 0; p < scores.length; p++) {
      List<TrialResult> trials = trialsByPoint.get(p);
      double sum = 0;
      for (TrialResult t : trials) {
        sum += value(t, metric);
      }
      scores[p] = trials.isEmpty() || !Double.isFinite(sum) ? Double.NaN : sum / trials.size();
    }
    return scores;
  }

  /** Returns the index of the best finite score (the first on ties), or empty when none is. */
  public static OptionalInt choose(double[] scores, String metric) {
    boolean max = maximizes(metric);
    int best = -1;
    for (int p = 0; p < scores.length; p++) {
      if (Double.isFinite(scores[p])
          && (best < 0 || (max ? scores[p] > scores[best] : scores[p] < scores[best]))) {
        best = p;
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }
}
