package io.github.trustregion.reports.analysis;

import java.util.Map;

/**
 * A trial that is not among the compared results: diverged, failed, missing, unusable or unplanned.
 *
 * @param trialId the trial's id, or the file name for "BAD FILE" and "UNPLANNED"
 * @param status "DIVERGED", "FAILED", "MISSING" (planned, no file), "BAD FILE" (a file in {@code
 *     trials/} that cannot be used) or "UNPLANNED" (a trial file the plan does not name)
 * @param message why, as recorded by the harness, or what is known
 * @param parameters the trial's parameters (from the file, or from the plan when missing)
 */
public record TrialProblem(
    String trialId, String status, String message, Map<String, String> parameters) {}
