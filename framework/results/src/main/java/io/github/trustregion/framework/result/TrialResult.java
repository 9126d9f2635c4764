package io.github.trustregion.framework.result;

import java.util.List;
import java.util.Map;

/**
 * Everything measured in one trial: one seeded run of one configuration of one experiment.
 *
 * <p>Standard parameter keys: {@code method} (a method label, or the track's label), {@code
 * batchSize}, {@code seed}, {@code repeat} (0-based), {@code scale} ({@link ParameterKeys}).
 * Reports and the gate compare trials by their setting ({@link TrialSettings}: the parameters other
 * than the method's and the repetition's). The harness also writes {@code trialType} ({@code
 * training}, {@code track} or {@code custom}), {@code weightDecay} and {@code epochs}, plus {@code
 * optimizer} (the method's registry name) for training trials and {@code stages} (such as {@code
 * "SGD(50) > TR(100) > SGD(50)"}) for tracks; custom trials carry their own parameters with {@code
 * scale} and {@code trialType}.
 *
 * <p>Standard metric keys of training and track trials ({@link MetricKeys}): {@code
 * finalTestAccuracy}, {@code bestTestAccuracy}, {@code finalTrainAccuracy}, {@code
 * bestTrainAccuracy} (best = maximum over epochs; final = the last epoch), {@code finalTestLoss},
 * {@code finalTrainLoss}, {@code epochsCompleted}, and for tracks {@code stage<k>.testAccuracy} and
 * {@code stage<k>.trainAccuracy} (k = 1, 2, …, the accuracy at the end of stage k, present for each
 * stage that finished). A diverged trial has the metrics of the epochs it completed.
 *
 * <p>Environment keys: {@code runId} (one random id per run of the harness: a trial kept from an
 * earlier run keeps that run's id), {@code startedAt} (ISO-8601), {@code processors}, {@code
 * javaVersion}, {@code os}; for training trials also {@code backend}, {@code dataType}, {@code
 * initialParameterChecksum} (equal for every method of a repeat: same initial parameters), {@code
 * parameterCount}, {@code trainExamples}, {@code testExamples}, {@code requestedTrainExamples} and
 * {@code requestedTestExamples} (the counts the declaration asked for, 0 for the workload's
 * default) and {@code workload}; for custom trials {@code dependency.<trialId>} (the run id and
 * start time of each training result it depends on).
 *
 * @param schemaVersion the version of this format ({@link #SCHEMA_VERSION} when written)
 * @param trialId the trial's stable id, also its file name
 * @param experiment the experiment's id
 * @param status how the trial ended
 * @param message why it diverged or failed; empty when completed
 * @param parameters the trial's configuration, by name
 * @param methodSettings every setting of every method used, by method label then setting name, as
 *     the method reports it ({@code TrainingMethod.settings()}; the resume check compares it)
 * @param epochs the per-epoch measurements (empty for experiments without training)
 * @param metrics named scalar results
 * @param series named tables of other results
 * @param wallSeconds the trial's total wall time, evaluation included
 * @param environment where it ran: backend, data type, processors, Java version
 * @param declaredSettings every setting of every method used, by method label then setting name, as
 *     declared: the names of the method's {@code SettingSpec}s with defaults filled in (the names
 *     {@code @AllowedDifferences} uses, which {@code methodSettings} may not show, such as TR's
 *     {@code subproblemStepSize} inside {@code solverSettings}); empty for custom trials and in
 *     results written before it was recorded (read as empty when absent)
 */
public record TrialResult(
    int schemaVersion,
    String trialId,
    String experiment,
    TrialStatus status,
    String message,
    Map<String, String> parameters,
    Map<String, Map<String, String>> methodSettings,
    List<EpochRecord> epochs,
    Map<String, Double> metrics,
    Map<String, Series> series,
    double wallSeconds,
    Map<String, String> environment,
    Map<String, Map<String, String>> declaredSettings) {

  /** The version of the result format that this code writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Reads an absent {@code declaredSettings} (a result written before it existed) as empty. */
  public TrialResult {
    declaredSettings = declaredSettings == null ? Map.of() : declaredSettings;
  }

  /** Creates a result without declared settings (a custom trial's, or an older result's). */
  public TrialResult(
      int schemaVersion,
      String trialId,
      String experiment,
      TrialStatus status,
      String message,
      Map<String, String> parameters,
      Map<String, Map<String, String>> methodSettings,
      List<EpochRecord> epochs,
      Map<String, Double> metrics,
      Map<String, Series> series,
      double wallSeconds,
      Map<String, String> environment) {
    this(
        schemaVersion,
        trialId,
        experiment,
        status,
        message,
        parameters,
        methodSettings,
        epochs,
        metrics,
        series,
        wallSeconds,
        environment,
        Map.of());
  }

  /** Returns a parameter's value, or throws naming the trial when it is absent. */
  public String parameter(String key) {
    String value = parameters.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Trial " + trialId + " has no parameter '" + key + "'.");
    }
    return value;
  }
}
