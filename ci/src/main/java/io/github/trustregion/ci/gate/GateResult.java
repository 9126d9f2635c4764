package io.github.trustregion.ci.gate;

import io.github.trustregion.ci.run.TrialProblem;
import java.util.List;

/**
 * Everything the gate found: the table's rows, the trials that make the run incomplete, the
 * experiments that ran without a baseline, what of each run's configuration could not be compared
 * and which runs its trials came from, and the overall outcome.
 *
 * @param rows one row per baselined comparison, in baseline order
 * @param problems missing, diverged and failed trials, and baselined comparisons without data
 * @param ungatedExperiments experiments in the run that have no baseline (bless them to gate them)
 * @param configurations for every baselined experiment in the run, the configuration fields that
 *     could not be compared with its baseline and the run ids of its trials
 * @param alpha the family-wise significance level used
 * @param trim the fraction of each sample of gaps the test trimmed from each end (samples of 10 and
 *     more repeats; smaller ones were tested untrimmed)
 */
public record GateResult(
    List<GateRow> rows,
    List<TrialProblem> problems,
    List<String> ungatedExperiments,
    List<ConfigurationCheck> configurations,
    double alpha,
    double trim) {

  /** Copies the lists. */
  public GateResult {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
    ungatedExperiments = List.copyOf(ungatedExperiments);
    configurations = List.copyOf(configurations);
  }

  /** Returns the rows whose verdict is {@link Verdict#REGRESSED}. */
  public List<GateRow> regressions() {
    return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSED).toList();
  }

  /**
   * Returns the outcome: {@link GateOutcome#INCOMPLETE} when there is any problem, else {@link
   * GateOutcome#REGRESSION} when any row regressed, else {@link GateOutcome#PASS}.
   */
  public GateOutcome outcome() {
    if (!problems.isEmpty()) {
      return GateOutcome.INCOMPLETE;
    }
    return regressions().isEmpty() ? GateOutcome.PASS : GateOutcome.REGRESSION;
  }
}
