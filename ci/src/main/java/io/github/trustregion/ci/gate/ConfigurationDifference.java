package io.github.trustregion.ci.gate;

/**
 * One way a run's configuration differs from what its baseline was computed on.
 *
 * @param experiment the experiment's id (its baseline is {@code <experiment>.json})
 * @param field the compared field, one of {@link
 *     io.github.trustregion.ci.run.RunConfiguration#comparedValues}'s keys, e.g. {@code workload}
 *     or {@code plannedBatches}
 * @param baselineValue the value recorded in the baseline
 * @param runValue the value of the checked run
 */
public record ConfigurationDifference(
    String experiment, String field, String baselineValue, String runValue) {

  @Override
  public String toString() {
    return experiment
        + ": "
        + field
        + " is '"
        + runValue
        + "' in the run but '"
        + baselineValue
        + "' in the baseline "
        + experiment
        + ".json";
  }
}
