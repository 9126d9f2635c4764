package io.github.trustregion.framework.run;

import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import java.util.List;

/**
 * What a run produced: every trial's result, including those kept from a previous run.
 *
 * @param results the results in run order
 * @param resumed how many of them were kept from a previous run rather than computed
 */
public record RunSummary(List<TrialResult> results, int resumed) {

  /** Copies the list. */
  public RunSummary {
    results = List.copyOf(results);
  }

  /** Returns the number of results with this status. */
  public long count(TrialStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
