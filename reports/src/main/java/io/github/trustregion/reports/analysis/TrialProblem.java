package io.github.trustregion.reports.analysis;

import java.util.Map;

/**
 * A trial that is not among the compared results: diverged, failed, missing or unplanned.
 *
 * @param trialId the trial's id
 * @param status "DIVERGED", "FAILED", "MISSING" (planned, no file) or "UNPLANNED" (file, not planned)
 * @param message why, as recorded by the harness, or what is known
 * @param parameters the trial's parameters (from the file, or from the plan when missing)
 */
public record TrialProblem(String trialId, String status, String message, Map<String, String> parameters) {}
