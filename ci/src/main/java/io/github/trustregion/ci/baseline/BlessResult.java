package io.github.trustregion.ci.baseline;

import java.util.List;
import java.util.Map;

/**
 * What a re-bless produced.
 *
 * @param baselines the baselines to write, one per experiment with at least one comparison
 * @param skipped the experiments (or some of their comparisons) left out of the baselines, with the
 *     reason
 */
public record BlessResult(List<Baseline> baselines, Map<String, String> skipped) {}
