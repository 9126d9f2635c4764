package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.result.PlannedTrial;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One planned trial: everything needed to run it, and its stable id.
 *
 * <p>Ids: {@code <experiment>__<label>__b<batchSize>__r<repeat>} for training and track trials (for
 * example {@code e3-large-batch__TR__b1024__r2}), {@code
 * <experiment>__<label>__tune<i>__b<batchSize> __r<k>} for the tuning trials of grid point i
 * ({@link TuningSpec}), {@code <experiment>__<name>} for custom trials. They consist of
 * file-name-safe characters and do not depend on the scale.
 *
 * @param trialId the stable id
 * @param type what the trial runs
 * @param label the optimizer or track label (the custom trial's name for custom trials)
 * @param batchSize the batch size (0 for custom trials)
 * @param repeat the repeat index, from 0 (0 for custom trials)
 * @param seed the seed of the network's initial parameters and of the data order (the experiment's
 *     base seed for custom trials)
 * @param stages the stages (one for a training trial, none for a custom trial)
 * @param parameters the parameters written to the manifest and the result
 * @param custom the custom trial, for custom trials
 */
public record TrialSpec(
    String trialId,
    TrialType type,
    String label,
    int batchSize,
    int repeat,
    long seed,
    List<StageSpec> stages,
    Map<String, String> parameters,
    Optional<CustomTrial> custom) {

  /** Copies the collections. */
  public TrialSpec {
    stages = List.copyOf(stages);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** Returns the total number of epochs over all stages. */
  public int totalEpochs() {
    return stages.stream().mapToInt(StageSpec::epochs).sum();
  }

  /** Returns the trial as the manifest lists it. */
  public PlannedTrial toPlannedTrial() {
    return new PlannedTrial(trialId, parameters);
  }
}
