package io.github.trustregion.framework.run;

import io.github.trustregion.framework.allure.AllureResultsWriter;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.workload.WorkloadData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs validated plans: for each experiment, writes its manifest, then runs each trial that has no
 * finished result yet, writing its result file (atomically) and, if configured, its Allure result.
 *
 * <p>Resume: a trial that {@link ResumeCheck} finds finished (a completed or diverged result that
 * matches the plan) is not run again (its result is reported as resumed); a failed one is run again
 * (logged at INFO), and one whose stored parameters, method settings, workload, example counts or
 * (for custom trials) dependencies differ from the plan (the declaration was edited, or a
 * dependency re-run) is run again (logged at WARN); both are overwritten. Changes to code
 * (workloads, methods) are not detected: delete the results directory to recompute after them. A
 * results directory that holds an experiment at another scale is refused, so results of different
 * scales never mix. Each experiment's data are loaded once, on first use (a loading failure fails
 * every trial of the experiment that needs the data in this run; the next run tries again). A
 * diverged or failed trial is recorded and the run goes on. Tuning trials ({@code @Tune}) train on
 * the training set minus its validation split, loaded without the test set, and a tuned optimizer's
 * repeats run with the setting chosen from them ({@link TunedTrials}); a repeat whose tuning is not
 * finished is recorded as failed, naming the missing tuning trials. Not thread-safe.
 *
 * <p>Sharing: every trial is claimed ({@link TrialClaim}) before it is checked and run, so that
 * processes sharing a results directory never train one trial twice; a trial claimed by another
 * live process is left to it. A run of one {@link Shard} runs only that shard's trials and shares
 * the directory with the runs of the other shards ({@link Sharing}). A custom trial waits while a
 * training trial it depends on is being trained by another process; in a sharded run, one whose
 * source has no result and is trained by no process is recorded as failed with a message naming the
 * source and its shard, and runs on the next run (it is never trained twice).
 */
public final class ExperimentRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
  private static final long SOURCE_POLL_MILLIS = 1000;
  private static final long SOURCE_LOG_INTERVAL_NANOS = 60_000_000_000L;

  private final MethodRegistry registry;
  private final ExperimentOptions options;
  private final ResultFiles files;
  private final Optional<AllureResultsWriter> allure;
  private final RunEnvironment environment = new RunEnvironment();
  private final ResumeCheck resume;
  private final BackendCheck backendCheck;
  private final Sharing sharing;

  /**
   * How a run shares its results directory with other processes.
   *
   * @param shard the part of the plan this process runs ({@link Shard#ALL} for every trial)
   * @param shared whether other processes may run on the same results directory at the same time
   *     (shards, workers of a pool): the run then takes the directory's {@link RunLock} shared
   *     instead of exclusively; trials are always claimed one by one ({@link TrialClaim})
   */
  public record Sharing(Shard shard, boolean shared) {

    /** The default: every trial, and the results directory to this run alone. */
    public static final Sharing EXCLUSIVE = new Sharing(Shard.ALL, false);

    /** Returns the sharing of one shard, or {@link #EXCLUSIVE} for {@link Shard#ALL}. */
    public static Sharing of(Shard shard) {
      return shard.isAll() ? EXCLUSIVE : new Sharing(shard, true);
    }
  }

  /**
   * Creates a runner that resolves methods in {@code registry} and writes where {@code options}
   * say.
   */
  public ExperimentRunner(MethodRegistry registry, ExperimentOptions options) {
    this(registry, options, BackendCheck.nd4j());
  }

  /**
   * Creates a runner like {@link #ExperimentRunner(MethodRegistry, ExperimentOptions)} that checks
   * the ND4J backend with {@code backendCheck} before the first trial.
   */
  public ExperimentRunner(
      MethodRegistry registry, ExperimentOptions options, BackendCheck backendCheck) {
    this(registry, options, backendCheck, Sharing.EXCLUSIVE);
  }

  /**
   * Creates a runner like {@link #ExperimentRunner(MethodRegistry, ExperimentOptions,
   * BackendCheck)} that runs only the trials of {@code sharing}'s shard and shares the results
   * directory as {@code sharing} says.
   */
  public ExperimentRunner(
      MethodRegistry registry,
      ExperimentOptions options,
      BackendCheck backendCheck,
      Sharing sharing) {
    this.sharing = sharing;
    this.backendCheck = backendCheck;
    this.registry = registry;
    this.options = options;
    this.files = new ResultFiles(options.results());
    this.allure = options.allureResults().map(AllureResultsWriter::new);
    this.resume = new ResumeCheck(registry, files);
  }

  /** Returns the result files this runner writes. */
  public ResultFiles resultFiles() {
    return files;
  }

  /** Returns this run's id, stored in every trial's environment as {@code runId}. */
  public String runId() {
    return environment.runId();
  }

  /**
   * Runs every trial of every plan, in order.
   *
   * @throws IllegalStateException when the results directory holds an experiment at another scale,
   *     when another run holds its {@link RunLock}, or ({@link
   *     BackendCheck.BackendUnavailableException}) when the ND4J backend cannot start
   */
  public RunSummary run(List<ExperimentPlan> plans, TrialListener listener) {
    return run(plans, trial -> true, listener);
  }

  /**
   * Runs the selected trials of the plans, in order; the manifests still list every planned trial
   * (so that reports can name the ones that are missing). Before anything is written, the ND4J
   * backend is checked and logged; then the results directory's {@link RunLock} is taken (and held
   * until the run ends) and temporary files of interrupted writes are removed.
   *
   * @throws IllegalStateException when the results directory holds an experiment at another scale,
   *     when another run holds its {@link RunLock}, or ({@link
   *     BackendCheck.BackendUnavailableException}) when the ND4J backend cannot start
   */
  public RunSummary run(
      List<ExperimentPlan> plans, Predicate<TrialSpec> selected, TrialListener listener) {
    BackendCheck.Backend backend = backendCheck.check();
    LOG.info("{}", backend.describe());
    listener.backendChecked(backend);
    try (RunLock lock =
        sharing.shared()
            ? RunLock.acquireShared(files.root(), this::removeTemporaryFiles)
            : RunLock.acquire(files.root())) {
      if (!sharing.shared()) {
        removeTemporaryFiles();
      }
      Predicate<TrialSpec> inShard = trial -> sharing.shard().contains(trial.trialId());
      return runLocked(plans, selected.and(inShard), listener);
    }
  }

  private void removeTemporaryFiles() {
    int removed = StaleTemporaryFiles.remove(files.root());
    if (removed > 0) {
      LOG.info(
          "Removed {} temporary file(s) of interrupted writes from {}",
          removed,
          files.root().toAbsolutePath());
    }
  }

  private RunSummary runLocked(
      List<ExperimentPlan> plans, Predicate<TrialSpec> selected, TrialListener listener) {
    plans.forEach(this::checkScale);
    int totalTrials =
        (int) plans.stream().flatMap(p -> p.trials().stream()).filter(selected).count();
    long totalUnits =
        plans.stream()
            .flatMap(p -> p.trials().stream())
            .filter(selected)
            .mapToLong(ExperimentRunner::units)
            .sum();
    ProgressLog progress =
        new ProgressLog(totalTrials, totalUnits, sharing.shared() && sharing.shard().isAll());
    LOG.info(
        "Running {} experiment(s), {} trial(s), at scale {}; results in {}",
        plans.size(),
        totalTrials,
        options.scale().id(),
        files.root().toAbsolutePath());
    List<TrialResult> results = new ArrayList<>();
    int resumed = 0;
    int elsewhere = 0;
    for (ExperimentPlan plan : plans) {
      ExperimentManifest manifest = plan.manifest();
      files.writeManifest(manifest);
      allure.ifPresent(a -> a.writeExperiment(manifest));
      listener.experimentStarted(plan);
      Supplier<WorkloadData> data = memoizedData(plan);
      TrainingTrialRunner training =
          new TrainingTrialRunner(plan.definition(), data, registry, files, environment, progress);
      CustomTrialRunner custom = new CustomTrialRunner(plan.definition(), data, files, environment);
      TrainingTrialRunner tuning =
          new TrainingTrialRunner(
              plan.definition(),
              TunedTrials.validationData(plan),
              registry,
              files,
              environment,
              progress);
      for (TrialSpec trial : plan.trials().stream().filter(selected).toList()) {
        Optional<TrialClaim> claim =
            TrialClaim.tryClaim(files.root(), plan.experimentId(), trial.trialId());
        if (claim.isEmpty()) {
          elsewhere++;
          progress.trialElsewhere(
              trial.trialId(),
              units(trial),
              TrialClaim.holder(files.root(), plan.experimentId(), trial.trialId())
                  .orElse("another process"));
          continue;
        }
        Optional<TrialResult> previous;
        TrialResult result;
        try (TrialClaim held = claim.get()) {
          previous = finished(plan, trial);
          if (previous.isPresent()) {
            result = previous.get();
            resumed++;
            progress.trialResumed(trial.trialId(), units(trial));
          } else {
            progress.trialStarted(trial.trialId());
            listener.trialStarted(plan, trial);
            Optional<String> missing =
                trial.type() == TrialType.CUSTOM ? awaitSources(plan, trial) : Optional.empty();
            result =
                missing.isPresent()
                    ? custom.notRun(trial, missing.get())
                    : run(plan, trial, training, tuning, custom);
            files.writeTrial(result);
            if (trial.type() == TrialType.CUSTOM) {
              progress.unitDone();
            }
            progress.trialFinished(
                trial.trialId(),
                result.status().name()
                    + (result.message().isBlank() ? "" : ": " + result.message()),
                units(trial),
                trial.type() == TrialType.CUSTOM ? 1 : result.epochs().size());
          }
        }
        TrialResult written = result;
        allure.ifPresent(a -> a.writeTrial(manifest, written));
        results.add(result);
        listener.trialFinished(plan, trial, result, previous.isPresent());
      }
      listener.experimentFinished(plan);
    }
    if (elsewhere > 0) {
      LOG.info(
          "{} trial(s) of this run were being trained by other processes sharing {}",
          elsewhere,
          files.root().toAbsolutePath());
    }
    return new RunSummary(results, resumed);
  }

  /**
   * Waits while another process trains a training trial that the custom trial depends on; returns
   * why the trial cannot run when a source has no result and no process is training it while this
   * process runs one shard (without shards the plan's order trains every source first, and a source
   * that did not complete is recorded by {@link CustomTrialRunner}).
   */
  private Optional<String> awaitSources(ExperimentPlan plan, TrialSpec trial) {
    List<String> sources = trial.custom().orElseThrow().dependsOn();
    long lastLog = System.nanoTime();
    for (String source : sources) {
      while (files.readTrial(plan.experimentId(), source).isEmpty()) {
        Optional<String> holder = TrialClaim.holder(files.root(), plan.experimentId(), source);
        if (holder.isEmpty()) {
          if (sharing.shard().isAll()) {
            break;
          }
          return Optional.of(
              "Not run in shard "
                  + sharing.shard()
                  + ": the training trial "
                  + source
                  + " it depends on has no result and no process is training it. It "
                  + "belongs to shard "
                  + Shard.of(source, sharing.shard().count())
                  + "/"
                  + sharing.shard().count()
                  + ": run that shard, then this one again (or run the plan "
                  + "without --shard, which keeps every finished trial).");
        }
        if (System.nanoTime() - lastLog > SOURCE_LOG_INTERVAL_NANOS) {
          LOG.info("{} waits for {}, which {} is training", trial.trialId(), source, holder.get());
          lastLog = System.nanoTime();
        }
        try {
          Thread.sleep(SOURCE_POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.of("Not run: interrupted while waiting for " + source + ".");
        }
      }
    }
    return Optional.empty();
  }

  private TrialResult run(
      ExperimentPlan plan,
      TrialSpec trial,
      TrainingTrialRunner training,
      TrainingTrialRunner tuning,
      CustomTrialRunner custom) {
    return switch (trial.type()) {
      case CUSTOM -> custom.run(trial);
      case TUNING -> TunedTrials.markValidation(tuning.run(trial));
      default -> {
        TunedTrials.Resolution resolved = resume.resolve(plan, trial);
        yield resolved.trial().isPresent()
            ? training.run(resolved.trial().get())
            : TunedTrials.unresolved(plan.definition(), trial, resolved.reason());
      }
    };
  }

  static long units(TrialSpec trial) {
    return trial.type() == TrialType.CUSTOM ? 1 : trial.totalEpochs();
  }

  private void checkScale(ExperimentPlan plan) {
    if (!Files.isRegularFile(
        files.experimentDirectory(plan.experimentId()).resolve(ResultFiles.MANIFEST))) {
      return;
    }
    ExperimentManifest existing = files.readManifest(plan.experimentId());
    if (!existing.scale().equals(plan.definition().scale().id())) {
      throw new IllegalStateException(
          "The results directory "
              + files.root().toAbsolutePath()
              + " holds experiment "
              + plan.experimentId()
              + " at scale "
              + existing.scale()
              + ", but this run is at scale "
              + plan.definition().scale().id()
              + "; choose another "
              + "directory (-D"
              + ExperimentOptions.RESULTS
              + "=... or --results) or delete "
              + files.experimentDirectory(plan.experimentId())
              + ".");
    }
  }

  private Optional<TrialResult> finished(ExperimentPlan plan, TrialSpec trial) {
    ResumeCheck.Decision decision = resume.decide(plan, trial);
    switch (decision.verdict()) {
      case RETRY_FAILED -> LOG.info("Running {} again: {}", trial.trialId(), decision.reason());
      case OUTDATED -> LOG.warn("Running {} again: {}", trial.trialId(), decision.reason());
      default -> {}
    }
    return decision.kept();
  }

  private static Supplier<WorkloadData> memoizedData(ExperimentPlan plan) {
    return new Supplier<>() {
      private WorkloadData data;
      private RuntimeException failure;

      @Override
      public WorkloadData get() {
        if (data == null && failure == null) {
          var workload =
              plan.definition()
                  .workload()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "Experiment "
                                  + plan.experimentId()
                                  + " declares no workload; add @TrainOn(...)."));
          try {
            LOG.info("Loading the data of {} ({})", plan.experimentId(), workload.name());
            data = workload.load(plan.definition().dataRequest());
          } catch (RuntimeException e) {
            failure = e;
          }
        }
        if (failure != null) {
          throw failure;
        }
        return data;
      }
    };
  }
}
