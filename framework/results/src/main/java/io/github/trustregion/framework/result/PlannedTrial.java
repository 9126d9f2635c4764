package io.github.trustregion.framework.result;

import java.util.Map;

/**
 * A trial as the plan declares it, before it runs.
 *
 * @param trialId the stable id
 * @param parameters the configuration, with the keys of {@link TrialResult#parameters()}
 */
public record PlannedTrial(String trialId, Map<String, String> parameters) {}
