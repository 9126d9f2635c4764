package io.github.trustregion.framework.run;

import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentDefinition;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.ResultFileException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a planned trial is finished, that is whether its stored result is kept instead of
 * running the trial: the one answer used by {@link ExperimentRunner}, the command line's {@code
 * --list} and {@link CostEstimate}. It reads result files, and looks whether saved networks exist,
 * only (no data, no ND4J).
 *
 * <p>A stored result is kept when all of these hold:
 *
 * <ul>
 *   <li>its file is readable;
 *   <li>its status is {@link TrialStatus#COMPLETED} or {@link TrialStatus#DIVERGED} (a divergence
 *       is a result); a {@link TrialStatus#FAILED} trial (an exception, data that did not load, a
 *       custom trial whose dependencies did not complete) is run again;
 *   <li>its parameters equal the plan's;
 *   <li>for training and track trials: its method settings equal the plan's; its environment's
 *       {@code workload} equals the name of the workload this run uses; and its example counts are
 *       those this run asks for: the recorded {@code requestedTrainExamples} and {@code
 *       requestedTestExamples} (0 meaning the workload's default) equal the declaration's. Results
 *       written before these two keys existed are compared by their actual {@code trainExamples}
 *       and {@code testExamples} when the declaration gives a count, and kept when it asks for the
 *       workload's default (which is unknown without loading the data);
 *   <li>for the repeats of a tuned optimizer ({@code @Tune}): its tuning trials are all kept, and
 *       the stored repeat trained with the setting they choose now (the method settings are
 *       compared with those of the trial resolved by {@link TunedTrials}); while its tuning is not
 *       finished, a repeat is not kept;
 *   <li>for custom trials: every training trial it depends on is itself kept, and is the very
 *       result the custom trial was computed from: its {@link #identity identity} equals the one
 *       recorded in the custom result's environment under {@value #DEPENDENCY_PREFIX}{@code
 *       <trialId>} (a custom result without that record is run again);
 *   <li>for a training or track trial that an unfinished custom trial depends on: the networks it
 *       saved (with {@link ModelFiles}: its final network, and a track's network at the end of
 *       every stage) are all there, since that custom trial will load them. Result files are small
 *       and committed; networks are not, so on a fresh clone such a trial is trained again, and its
 *       custom trials after it. Once every custom trial depending on it is finished, its networks
 *       are no longer needed.
 * </ul>
 *
 * <p>Changes to code (workloads, methods) are not detected. Thread-safe if the result files do not
 * change meanwhile.
 */
public final class ResumeCheck {

  /** The environment key prefix under which a custom trial records its dependencies' identities. */
  public static final String DEPENDENCY_PREFIX = "dependency.";

  /** The environment key of the training examples asked for (0: the workload's default). */
  public static final String REQUESTED_TRAIN_EXAMPLES = "requestedTrainExamples";

  /** The environment key of the test examples asked for (0: the workload's default). */
  public static final String REQUESTED_TEST_EXAMPLES = "requestedTestExamples";

  /** What a run does with a planned trial. */
  public enum Verdict {
    /** The stored result is kept; the trial is not run. */
    KEEP,
    /** There is no result yet; the trial runs. */
    NO_RESULT,
    /** The stored result is {@link TrialStatus#FAILED}; the trial runs again. */
    RETRY_FAILED,
    /** The stored result is unreadable or does not match the plan; the trial runs again. */
    OUTDATED
  }

  /**
   * The decision about one trial.
   *
   * @param verdict what the run does
   * @param stored the stored result, when one was read
   * @param reason why the trial runs again, in words; empty for {@link Verdict#KEEP} and {@link
   *     Verdict#NO_RESULT}
   */
  public record Decision(Verdict verdict, Optional<TrialResult> stored, String reason) {

    /** Returns whether the stored result is kept (the trial is finished). */
    public boolean finished() {
      return verdict == Verdict.KEEP;
    }

    /** Returns the stored result when it is kept. */
    public Optional<TrialResult> kept() {
      return finished() ? stored : Optional.empty();
    }
  }

  private final MethodRegistry registry;
  private final ResultFiles files;
  private final TunedTrials tuned;

  /** Creates a check of the results in {@code files}, resolving methods in {@code registry}. */
  public ResumeCheck(MethodRegistry registry, ResultFiles files) {
    this.registry = registry;
    this.files = files;
    this.tuned = new TunedTrials(registry);
  }

  /**
   * Returns a trial as it runs: a tuned optimizer's repeat with the setting chosen from its
   * finished tuning trials, any other trial unchanged; empty, with the reason, when its tuning is
   * not finished.
   */
  TunedTrials.Resolution resolve(ExperimentPlan plan, TrialSpec trial) {
    return tuned.resolve(plan, trial, t -> decide(plan, t).kept());
  }

  /**
   * Returns the identity of a result: its run id and start time, which change when it is re-run.
   */
  public static String identity(TrialResult result) {
    return result.environment().get("runId") + "@" + result.environment().get("startedAt");
  }

  /**
   * Decides about one trial of {@code plan}. A tuned optimizer's repeat is compared with the
   * setting its finished tuning chooses; while that tuning is not finished, it is not kept.
   */
  public Decision decide(ExperimentPlan plan, TrialSpec planned) {
    Decision decision = decideByResult(plan, planned);
    if (!decision.finished()) {
      return decision;
    }
    return missingNetworks(plan, planned)
        .map(reason -> new Decision(Verdict.OUTDATED, decision.stored(), reason))
        .orElse(decision);
  }

  /** Decides about one trial by its stored result alone, without looking at saved networks. */
  private Decision decideByResult(ExperimentPlan plan, TrialSpec planned) {
    TrialSpec trial = planned;
    String unresolved = "";
    if (plan.tuningOf(planned).isPresent()) {
      TunedTrials.Resolution resolution = resolve(plan, planned);
      if (resolution.trial().isPresent()) {
        trial = resolution.trial().get();
      } else {
        unresolved = resolution.reason();
      }
    }
    Optional<TrialResult> read;
    try {
      read = files.readTrial(plan.experimentId(), trial.trialId());
    } catch (ResultFileException e) {
      return new Decision(Verdict.OUTDATED, Optional.empty(), e.getMessage());
    }
    if (read.isEmpty()) {
      return new Decision(Verdict.NO_RESULT, read, "");
    }
    TrialResult stored = read.get();
    if (!unresolved.isEmpty()) {
      return new Decision(Verdict.OUTDATED, read, unresolved);
    }
    if (stored.status() == TrialStatus.FAILED) {
      return new Decision(
          Verdict.RETRY_FAILED, read, "its stored result failed: " + stored.message());
    }
    Optional<String> mismatch = mismatch(plan, trial, stored);
    return mismatch
        .map(reason -> new Decision(Verdict.OUTDATED, read, reason))
        .orElseGet(() -> new Decision(Verdict.KEEP, read, ""));
  }

  private Optional<String> mismatch(ExperimentPlan plan, TrialSpec trial, TrialResult stored) {
    if (!stored.parameters().equals(trial.parameters())) {
      return Optional.of(
          "its stored parameters "
              + stored.parameters()
              + " differ from the plan's "
              + trial.parameters());
    }
    if (trial.type() == TrialType.CUSTOM) {
      return dependencyMismatch(plan, trial, stored);
    }
    Map<String, Map<String, String>> planned = TrainingTrialRunner.methodSettings(registry, trial);
    if (!stored.methodSettings().equals(planned)) {
      return Optional.of(
          "its stored method settings "
              + stored.methodSettings()
              + " differ from the plan's "
              + planned);
    }
    return dataMismatch(plan.definition(), stored.environment());
  }

  private static Optional<String> dataMismatch(
      ExperimentDefinition definition, Map<String, String> environment) {
    String workload = definition.workload().map(Workload::name).orElse(null);
    if (workload != null && !workload.equals(environment.get("workload"))) {
      return Optional.of(
          "it was trained on the workload '"
              + environment.get("workload")
              + "', but this run uses '"
              + workload
              + "'");
    }
    return countMismatch(
            "training",
            definition.trainExamples(),
            environment,
            REQUESTED_TRAIN_EXAMPLES,
            "trainExamples")
        .or(
            () ->
                countMismatch(
                    "test",
                    definition.testExamples(),
                    environment,
                    REQUESTED_TEST_EXAMPLES,
                    "testExamples"));
  }

  private static Optional<String> countMismatch(
      String what,
      int requested,
      Map<String, String> environment,
      String requestedKey,
      String actualKey) {
    String planned = Integer.toString(requested);
    String recordedRequest = environment.get(requestedKey);
    if (recordedRequest != null) {
      return recordedRequest.equals(planned)
          ? Optional.empty()
          : Optional.of(
              "it asked for "
                  + describe(recordedRequest, what)
                  + ", but this run asks for "
                  + describe(planned, what));
    }
    if (requested > 0 && !planned.equals(environment.get(actualKey))) {
      return Optional.of(
          "it used "
              + describe(environment.get(actualKey), what)
              + ", but this run asks for "
              + describe(planned, what));
    }
    return Optional.empty();
  }

  private static String describe(String count, String what) {
    return ("0".equals(count) ? "the workload's default number of" : count)
        + " "
        + what
        + " examples";
  }

  private Optional<String> dependencyMismatch(
      ExperimentPlan plan, TrialSpec trial, TrialResult stored) {
    for (String dependency : trial.custom().orElseThrow().dependsOn()) {
      String recorded = stored.environment().get(DEPENDENCY_PREFIX + dependency);
      if (recorded == null) {
        return Optional.of(
            "it does not record which result of " + dependency + " it was " + "computed from");
      }
      Optional<TrialSpec> spec =
          plan.trials().stream().filter(t -> t.trialId().equals(dependency)).findFirst();
      Optional<TrialResult> current = spec.flatMap(s -> decideByResult(plan, s).kept());
      if (current.isEmpty()) {
        return Optional.of("the training trial " + dependency + " it depends on is not finished");
      }
      if (!identity(current.get()).equals(recorded)) {
        return Optional.of(
            "it was computed from the result "
                + recorded
                + " of "
                + dependency
                + ", which has since been replaced by "
                + identity(current.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns why a kept training or track trial must train again because a network it saved is
   * missing while a custom trial that loads it is not finished; empty otherwise.
   */
  private Optional<String> missingNetworks(ExperimentPlan plan, TrialSpec trial) {
    if (trial.type() == TrialType.CUSTOM) {
      return Optional.empty();
    }
    List<Path> missing =
        ModelFiles.savedBy(files, plan.experimentId(), trial).stream()
            .filter(Files::notExists)
            .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return plan.trials().stream()
        .filter(t -> t.type() == TrialType.CUSTOM)
        .filter(t -> t.custom().orElseThrow().dependsOn().contains(trial.trialId()))
        .filter(t -> !decide(plan, t).finished())
        .findFirst()
        .map(
            custom ->
                "the network it saved, "
                    + missing.get(0)
                    + ", is missing, and the custom trial "
                    + custom.trialId()
                    + " that loads it is not finished");
  }
}
