package io.github.trustregion.ci.baseline;

import io.github.trustregion.ci.run.RunConfiguration;
import java.util.List;

/**
 * The blessed accuracy gaps of one experiment at one scale, as kept in {@code
 * ci/baselines/<experiment>.json}.
 *
 * @param schemaVersion the version of this format ({@link #SCHEMA_VERSION} when written)
 * @param experiment the experiment's id
 * @param scale the scale of the blessed run; the gate refuses a run at another scale
 * @param configuration what the blessed run trained on (workload, example counts, network, planned
 *     batch sizes and epochs, run ids); the gate refuses a run that trained on something else. Null
 *     in a baseline written before it was recorded: then nothing is compared and the gate warns
 * @param provenance where the numbers came from
 * @param comparisons every gated gap
 */
public record Baseline(
    int schemaVersion,
    String experiment,
    String scale,
    RunConfiguration configuration,
    Provenance provenance,
    List<BaselineComparison> comparisons) {

  /** The version of the baseline format that this code writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Returns the distinct metric keys of the comparisons, in order of first appearance. */
  public List<String> metrics() {
    return comparisons.stream().map(BaselineComparison::metric).distinct().toList();
  }
}
