package io.github.trustregion.framework.run;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.custom.CustomOutcome;
import io.github.trustregion.framework.custom.CustomRunContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.plan.ExperimentDefinition;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.workload.WorkloadData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one custom trial through its experiment's {@link
 * io.github.trustregion.framework.custom.CustomTrials#runTrial}, after checking that the training
 * trials it depends on completed. An exception, or a dependency that did not complete, records the
 * trial as {@link TrialStatus#FAILED}. The trial's environment records the {@link
 * ResumeCheck#identity identity} of each dependency's result under {@code dependency.<trialId>}, so
 * that the custom trial is run again once a dependency is. Not thread-safe.
 */
final class CustomTrialRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CustomTrialRunner.class);

  private final ExperimentDefinition definition;
  private final Supplier<WorkloadData> data;
  private final ResultFiles files;
  private final RunEnvironment environment;

  CustomTrialRunner(
      ExperimentDefinition definition,
      Supplier<WorkloadData> data,
      ResultFiles files,
      RunEnvironment environment) {
    this.definition = definition;
    this.data = data;
    this.files = files;
    this.environment = environment;
  }

  /** Runs the trial; never throws for a failing trial, which is recorded instead. */
  TrialResult run(TrialSpec trial) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    CustomTrial custom = trial.custom().orElseThrow();
    TrialStatus status = TrialStatus.COMPLETED;
    String message = "";
    Map<String, Double> metrics = Map.of();
    Map<String, io.github.trustregion.framework.result.Series> series = Map.of();
    List<String> notCompleted = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>(environment.withoutNd4j(startedAt));
    for (String dependency : custom.dependsOn()) {
      Optional<TrialResult> dependencyResult = files.readTrial(definition.id(), dependency);
      dependencyResult.ifPresent(
          r -> env.put(ResumeCheck.DEPENDENCY_PREFIX + dependency, ResumeCheck.identity(r)));
      TrialStatus dependencyStatus = dependencyResult.map(TrialResult::status).orElse(null);
      if (dependencyStatus != TrialStatus.COMPLETED) {
        notCompleted.add(
            dependency + " (" + (dependencyStatus == null ? "missing" : dependencyStatus) + ")");
      }
    }
    if (!notCompleted.isEmpty()) {
      status = TrialStatus.FAILED;
      message =
          "Not run: the training trials it depends on did not complete: " + notCompleted + ".";
    } else {
      try {
        CustomOutcome outcome =
            definition.customTrials().orElseThrow().runTrial(custom, new Context());
        metrics = outcome.metrics();
        series = outcome.series();
      } catch (Exception e) {
        status = TrialStatus.FAILED;
        message = e.toString();
        LOG.warn("Custom trial {} failed", trial.trialId(), e);
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        trial.trialId(),
        definition.id(),
        status,
        message,
        trial.parameters(),
        Map.of(),
        List.of(),
        metrics,
        series,
        wall,
        env);
  }

  /**
   * Returns the failed result of a trial that was not run, with {@code message} saying why and what
   * to do; its next run tries again.
   */
  TrialResult notRun(TrialSpec trial, String message) {
    Map<String, String> env = new LinkedHashMap<>(environment.withoutNd4j(Instant.now()));
    return new TrialResult(
        TrialResult.SCHEMA_VERSION,
        trial.trialId(),
        definition.id(),
        TrialStatus.FAILED,
        message,
        trial.parameters(),
        Map.of(),
        List.of(),
        Map.of(),
        Map.of(),
        0.0,
        env);
  }

  /** The context handed to the experiment. */
  private final class Context implements CustomRunContext {

    @Override
    public String experimentId() {
      return definition.id();
    }

    @Override
    public Scale scale() {
      return definition.scale();
    }

    @Override
    public WorkloadData data() {
      return data.get();
    }

    @Override
    public Evaluation evaluate(Model network, DataSet dataSet) {
      return Networks.evaluate(network, dataSet);
    }

    @Override
    public TrialResult trainingResult(String trialId) {
      return files
          .readTrial(definition.id(), trialId)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "The training trial "
                          + trialId
                          + " of "
                          + definition.id()
                          + " has no result file "
                          + files.trialFile(definition.id(), trialId)
                          + "; declare it in dependsOn."));
    }

    @Override
    public Model loadFinalModel(String trialId) {
      return Networks.load(ModelFiles.finalModel(files, definition.id(), trialId));
    }

    @Override
    public Model loadStageModel(String trialId, int stage) {
      return Networks.load(ModelFiles.stageModel(files, definition.id(), trialId, stage));
    }
  }
}
