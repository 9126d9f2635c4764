package io.github.trustregion.ci.baseline;

import java.util.Map;

/**
 * Where a baseline's numbers came from, so that anyone can reproduce or question them.
 *
 * @param commit the git commit the blessed run was built from ("unknown" when it could not be told)
 * @param commitSource where {@code commit} came from: {@code --commit}, {@code GITHUB_SHA}, {@code
 *     git rev-parse HEAD} (the checkout bless ran in, which is the run's commit only if the run was
 *     built there) or {@code unknown}; null in baselines written before it was recorded
 * @param date when the baseline was blessed, ISO-8601 UTC
 * @param resultsDirectory the results directory the numbers were read from
 * @param scale the scale the run used ("ci" for the nightly baselines)
 * @param command the command that produced the run
 * @param blessCommand the command that wrote this baseline
 * @param environment where the run ran (backend, processors, Java version), from its first trial
 */
public record Provenance(
    String commit,
    String commitSource,
    String date,
    String resultsDirectory,
    String scale,
    String command,
    String blessCommand,
    Map<String, String> environment) {

  /** Returns a copy with the scale and environment of one experiment's run. */
  public Provenance forRun(String runScale, Map<String, String> runEnvironment) {
    return new Provenance(
        commit,
        commitSource,
        date,
        resultsDirectory,
        runScale,
        command,
        blessCommand,
        runEnvironment == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(runEnvironment)));
  }
}
