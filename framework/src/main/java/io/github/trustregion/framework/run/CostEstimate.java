package io.github.trustregion.framework.run;

import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Estimates what a plan will cost from the timings of trials already in the results directory,
 * without loading data or touching ND4J.
 *
 * <p>A finished trial (one {@link ResumeCheck} keeps) costs nothing (it will be resumed). Otherwise
 * its seconds per epoch are taken from the readable stored results of the experiment's trials (kept
 * or not), preferring the same method label and batch size, then the same label, then any trial of
 * the experiment; a custom trial's cost from stored custom trials of the experiment. Trials with no
 * such reference are counted as unknown.
 *
 * @param trials the planned trials
 * @param finished how many are finished (their results will be kept)
 * @param trialEpochs the epochs still to train, summed over unfinished trials
 * @param estimatedSeconds the estimated seconds of the unfinished trials that have a reference
 * @param unknown how many unfinished trials have no reference timing
 */
public record CostEstimate(
    int trials, int finished, long trialEpochs, double estimatedSeconds, int unknown) {

  /**
   * Estimates the cost of the plans against the results in {@code files}; which trials are finished
   * is decided by {@link ResumeCheck}, as the runner decides it.
   */
  public static CostEstimate of(
      List<ExperimentPlan> plans, ResultFiles files, MethodRegistry registry) {
    ResumeCheck check = new ResumeCheck(registry, files);
    int trials = 0;
    int finished = 0;
    long epochs = 0;
    double seconds = 0;
    int unknown = 0;
    for (ExperimentPlan plan : plans) {
      List<ResumeCheck.Decision> decisions = new ArrayList<>();
      List<TrialResult> previous = new ArrayList<>();
      for (TrialSpec trial : plan.trials()) {
        ResumeCheck.Decision decision = check.decide(plan, trial);
        decisions.add(decision);
        decision.stored().ifPresent(previous::add);
      }
      for (int t = 0; t < plan.trials().size(); t++) {
        TrialSpec trial = plan.trials().get(t);
        trials++;
        if (decisions.get(t).finished()) {
          finished++;
          continue;
        }
        epochs += trial.totalEpochs();
        OptionalDouble estimate = estimate(trial, previous);
        if (estimate.isPresent()) {
          seconds += estimate.getAsDouble();
        } else {
          unknown++;
        }
      }
    }
    return new CostEstimate(trials, finished, epochs, seconds, unknown);
  }

  private static OptionalDouble estimate(TrialSpec trial, List<TrialResult> previous) {
    if (trial.type() == TrialType.CUSTOM) {
      return previous.stream()
          .filter(r -> "custom".equals(r.parameters().get("trialType")))
          .mapToDouble(TrialResult::wallSeconds)
          .average();
    }
    String label = trial.label();
    String batch = Integer.toString(trial.batchSize());
    List<List<TrialResult>> candidates =
        List.of(
            previous.stream()
                .filter(
                    r ->
                        label.equals(r.parameters().get(ParameterKeys.METHOD))
                            && batch.equals(r.parameters().get(ParameterKeys.BATCH_SIZE)))
                .toList(),
            previous.stream()
                .filter(r -> label.equals(r.parameters().get(ParameterKeys.METHOD)))
                .toList(),
            previous.stream().filter(r -> !r.epochs().isEmpty()).toList());
    for (List<TrialResult> group : candidates) {
      OptionalDouble perEpoch =
          group.stream()
              .filter(r -> !r.epochs().isEmpty())
              .mapToDouble(r -> r.wallSeconds() / r.epochs().size())
              .average();
      if (perEpoch.isPresent()) {
        return OptionalDouble.of(perEpoch.getAsDouble() * trial.totalEpochs());
      }
    }
    return OptionalDouble.empty();
  }

  /** Returns the estimate in words, for the command line. */
  public String describe() {
    String head =
        trials
            + " trial(s), "
            + finished
            + " already finished; "
            + trialEpochs
            + " trial-epoch(s) to train; ";
    String known = ProgressLog.format(java.time.Duration.ofSeconds(Math.round(estimatedSeconds)));
    if (unknown == trials - finished && unknown > 0) {
      return head
          + "time unknown: no finished trial of these experiments in the results directory "
          + "to estimate from (a smoke run, or an earlier run at this scale, gives one)";
    }
    return head
        + "estimated "
        + known
        + (unknown > 0 ? " plus " + unknown + " trial(s) without a previous timing to go by" : "");
  }
}
