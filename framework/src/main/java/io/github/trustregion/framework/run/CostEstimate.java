package io.github.trustregion.framework.run;

import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.ResultFileException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Estimates what a plan will cost from the timings of trials already in the results directory,
 * without loading data or touching ND4J.
 *
 * <p>A trial with a finished result costs nothing (it will be resumed). Otherwise its seconds per
 * epoch are taken from finished trials of the same experiment, preferring the same method label
 * and batch size, then the same label, then any trial of the experiment; a custom trial's cost
 * from finished custom trials of the experiment. Trials with no such reference are counted as
 * unknown.
 *
 * @param trials the planned trials
 * @param finished how many already have a result (and will be kept)
 * @param trialEpochs the epochs still to train, summed over unfinished trials
 * @param estimatedSeconds the estimated seconds of the unfinished trials that have a reference
 * @param unknown how many unfinished trials have no reference timing
 */
public record CostEstimate(int trials, int finished, long trialEpochs, double estimatedSeconds, int unknown) {

  /** Estimates the cost of the plans against the results in {@code files}. */
  public static CostEstimate of(List<ExperimentPlan> plans, ResultFiles files) {
    int trials = 0;
    int finished = 0;
    long epochs = 0;
    double seconds = 0;
    int unknown = 0;
    for (ExperimentPlan plan : plans) {
      List<TrialResult> previous = new ArrayList<>();
      for (TrialSpec trial : plan.trials()) {
        readQuietly(files, plan.experimentId(), trial.trialId()).ifPresent(previous::add);
      }
      for (TrialSpec trial : plan.trials()) {
        trials++;
        boolean done = previous.stream().anyMatch(r -> r.trialId().equals(trial.trialId()));
        if (done) {
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

  private static Optional<TrialResult> readQuietly(ResultFiles files, String experiment, String trialId) {
    try {
      return files.readTrial(experiment, trialId);
    } catch (ResultFileException e) {
      return Optional.empty();
    }
  }

  private static OptionalDouble estimate(TrialSpec trial, List<TrialResult> previous) {
    if (trial.type() == TrialType.CUSTOM) {
      return previous.stream().filter(r -> "custom".equals(r.parameters().get("trialType")))
          .mapToDouble(TrialResult::wallSeconds).average();
    }
    String label = trial.label();
    String batch = Integer.toString(trial.batchSize());
    List<List<TrialResult>> candidates = List.of(
        previous.stream().filter(r -> label.equals(r.parameters().get("method"))
            && batch.equals(r.parameters().get("batchSize"))).toList(),
        previous.stream().filter(r -> label.equals(r.parameters().get("method"))).toList(),
        previous.stream().filter(r -> !r.epochs().isEmpty()).toList());
    for (List<TrialResult> group : candidates) {
      OptionalDouble perEpoch = group.stream().filter(r -> !r.epochs().isEmpty())
          .mapToDouble(r -> r.wallSeconds() / r.epochs().size()).average();
      if (perEpoch.isPresent()) {
        return OptionalDouble.of(perEpoch.getAsDouble() * trial.totalEpochs());
      }
    }
    return OptionalDouble.empty();
  }

  /** Returns the estimate in words, for the command line. */
  public String describe() {
    String head = trials + " trial(s), " + finished + " already finished; " + trialEpochs
        + " trial-epoch(s) to train; ";
    String known = ProgressLog.format(java.time.Duration.ofSeconds(Math.round(estimatedSeconds)));
    if (unknown == trials - finished && unknown > 0) {
      return head + "time unknown: no finished trial of these experiments in the results directory "
          + "to estimate from (a smoke run, or an earlier run at this scale, gives one)";
    }
    return head + "estimated " + known
        + (unknown > 0 ? " plus " + unknown + " trial(s) without a previous timing to go by" : "");
  }
}
