package io.github.trustregion.framework.run;

import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentDefinition;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.StageSpec;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TuningSpec;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.result.TuningChoice;
import io.github.trustregion.framework.workload.ValidationSplit;
import io.github.trustregion.framework.workload.WorkloadData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves, at run time, the setting a tuned optimizer's repeat trains with: the grid point that
 * {@link TuningChoice} chooses from the finished tuning trials of the repeat's scope. Also makes
 * the data tuning trials train on (the training set split by {@link ValidationSplit}, loaded
 * without the test set) and marks their results as evaluated on the validation split.
 *
 * <p>The plan is computed before anything runs, so a repeat in it has the optimizer's declared
 * settings; {@link #resolve} returns it with the chosen values in place, and {@link ResumeCheck}
 * compares a stored repeat with that resolved trial (so a changed choice makes it outdated). A
 * repeat whose tuning trials are not all finished is not resolved; the runner records it as failed
 * with the reason. Not thread-safe.
 */
final class TunedTrials {

  private static final Logger LOG = LoggerFactory.getLogger(TunedTrials.class);

  private final MethodRegistry registry;

  TunedTrials(MethodRegistry registry) {
    this.registry = registry;
  }

  /**
   * The outcome of resolving a repeat.
   *
   * @param trial the repeat with the chosen setting, when its tuning is finished
   * @param reason why it is not resolved; empty when it is
   */
  record Resolution(Optional<TrialSpec> trial, String reason) {}

  /**
   * Resolves a trial: unchanged when it uses no tuning, else with the chosen point's values.
   *
   * @param kept the finished result of a tuning trial, if any
   */
  Resolution resolve(
      ExperimentPlan plan, TrialSpec trial, Function<TrialSpec, Optional<TrialResult>> kept) {
    Optional<TuningSpec> tuning = plan.tuningOf(trial);
    if (tuning.isEmpty()) {
      return new Resolution(Optional.of(trial), "");
    }
    TuningSpec t = tuning.get();
    int scope = t.scopeBatchSize(trial.batchSize());
    Map<String, TrialSpec> byId = new LinkedHashMap<>();
    plan.trials().forEach(s -> byId.put(s.trialId(), s));
    List<List<TrialResult>> results = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (List<String> ids : t.trialIds(plan.experimentId(), scope)) {
      List<TrialResult> point = new ArrayList<>();
      for (String id : ids) {
        TrialSpec spec = byId.get(id);
        Optional<TrialResult> result = spec == null ? Optional.empty() : kept.apply(spec);
        if (result.isEmpty()) {
          missing.add(id);
        } else {
          point.add(result.get());
        }
      }
      results.add(point);
    }
    if (!missing.isEmpty()) {
      return new Resolution(
          Optional.empty(),
          "its tuning is not finished: the tuning trial(s) "
              + missing
              + " have no finished result; run the experiment's tuning trials first (they are"
              + " planned before the repeats)");
    }
    double[] scores = TuningChoice.scores(results, t.metric());
    OptionalInt chosen = TuningChoice.choose(scores, t.metric());
    if (chosen.isEmpty()) {
      return new Resolution(
          Optional.empty(),
          "no grid point of its tuning at batch size "
              + scope
              + " has a finite "
              + t.metric()
              + " (every point diverged or failed); widen or move the @Tune grid");
    }
    int p = chosen.getAsInt();
    List<StageSpec> stages = new ArrayList<>();
    for (StageSpec stage : trial.stages()) {
      List<String> settings = t.withPoint(stage.settingStrings(), p);
      stages.add(
          new StageSpec(
              stage.label(),
              stage.method(),
              settings,
              registry.resolveSettings(stage.method(), settings),
              stage.epochs()));
    }
    LOG.debug("{} uses the tuned point {}", trial.trialId(), t.pointText(p));
    return new Resolution(
        Optional.of(
            new TrialSpec(
                trial.trialId(),
                trial.type(),
                trial.label(),
                trial.batchSize(),
                trial.repeat(),
                trial.seed(),
                stages,
                trial.parameters(),
                trial.custom())),
        "");
  }

  /** Returns the failed result of a repeat whose tuning could not be resolved. */
  static TrialResult unresolved(ExperimentDefinition definition, TrialSpec trial, String reason) {
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        trial.trialId(),
        definition.id(),
        TrialStatus.FAILED,
        "Not run: " + reason + ".",
        trial.parameters(),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of(),
        0,
        Map.of("startedAt", Instant.now().toString()),
        Map.of());
  }

  /**
   * Returns a tuning trial's result marked as evaluated on the validation split: the environment
   * says so ({@code evaluatedOn = validation}, {@code validationExamples}), and the metrics are
   * named for it ({@code finalValidationAccuracy} instead of {@code finalTestAccuracy}, …). The
   * epochs' test fields hold the validation loss and accuracy.
   */
  static TrialResult markValidation(TrialResult result) {
    Map<String, String> environment = new LinkedHashMap<>(result.environment());
    environment.put(TuningChoice.EVALUATED_ON, TuningChoice.VALIDATION);
    if (environment.containsKey("testExamples")) {
      environment.put("validationExamples", environment.remove("testExamples"));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    result.metrics().forEach((k, v) -> metrics.put(k.replace("Test", "Validation"), v));
    return new TrialResult(
        result.schemaVersion(),
        result.trialId(),
        result.experiment(),
        result.status(),
        result.message(),
        result.parameters(),
        result.methodSettings(),
        result.epochs(),
        metrics,
        result.series(),
        result.wallSeconds(),
        environment,
        result.declaredSettings());
  }

  /**
   * Returns the data of tuning trials, loaded on first use without the test set: the training set
   * minus the validation split as training set, the split in the test set's place.
   */
  static Supplier<WorkloadData> validationData(ExperimentPlan plan) {
    return new Supplier<>() {
      private WorkloadData data;
      private RuntimeException failure;

      @Override
      public WorkloadData get() {
        if (data == null && failure == null) {
          try {
            ExperimentDefinition d = plan.definition();
            LOG.info("Loading the training data of {} for tuning", plan.experimentId());
            DataSet train =
                d.workload().orElseThrow().load(d.dataRequest().withoutTestSet()).train();
            double fraction = plan.tunings().get(0).validationFraction();
            ValidationSplit split =
                ValidationSplit.of(
                    ValidationSplit.classes(train), fraction, TuningSpec.splitSeed(d.baseSeed()));
            data =
                new WorkloadData(
                    Networks.gather(train, split.fitRows()),
                    Networks.gather(train, split.validationRows()));
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
