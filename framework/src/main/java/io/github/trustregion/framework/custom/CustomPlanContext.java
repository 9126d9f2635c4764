package io.github.trustregion.framework.custom;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.result.PlannedTrial;
import java.util.List;

/**
 * What a {@link CustomTrials} experiment may know while planning: no data, no ND4J.
 *
 * @param experimentId the experiment's id
 * @param scale the scale that runs
 * @param repeats the number of repeats at this scale (after overrides)
 * @param baseSeed the experiment's base seed
 * @param trainingTrials the experiment's planned training trials (from {@code @Optimizer} and
 *     {@code @Track}), which custom trials may depend on
 */
public record CustomPlanContext(
    String experimentId,
    Scale scale,
    int repeats,
    long baseSeed,
    List<PlannedTrial> trainingTrials) {

  /** Copies the list. */
  public CustomPlanContext {
    trainingTrials = List.copyOf(trainingTrials);
  }

  /** Returns the seed of repeat {@code repeat}, the same one training trials of that repeat use. */
  public long seedOf(int repeat) {
    return io.github.trustregion.framework.plan.Seeds.trialSeed(baseSeed, repeat);
  }
}
