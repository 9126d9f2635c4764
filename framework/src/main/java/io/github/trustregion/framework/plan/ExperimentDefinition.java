package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * An experiment's declaration resolved at one scale: annotations, presets, {@code @AtScale} and
 * run-time overrides combined, and validated.
 *
 * @param type the annotated class
 * @param id the experiment id
 * @param title a one-line title
 * @param description what it measures
 * @param kind the kind of results (never {@link ExperimentKind#AUTO})
 * @param scale the scale
 * @param workload the workload instance, if the experiment trains
 * @param batchSizes the experiment's batch sizes at this scale (possibly empty)
 * @param epochs the epochs of standalone optimizers (0 when none are declared)
 * @param repeats the number of repeats
 * @param baseSeed the base seed
 * @param weightDecay the L2 coefficient of the objective
 * @param trainExamples training examples requested (0: the workload's default)
 * @param testExamples test examples requested (0: the workload's default)
 * @param metrics the metrics to compare
 * @param allowedDifferences settings that differ between methods on purpose
 * @param paperValues the paper's numbers
 * @param firstRepeat the index of the first repeat (repeats are {@code firstRepeat … firstRepeat +
 *     repeats − 1}; seeds follow the index)
 * @param customTrials the experiment instance, when it plans custom trials
 */
public record ExperimentDefinition(
    Class<?> type,
    String id,
    String title,
    String description,
    ExperimentKind kind,
    Scale scale,
    Optional<Workload> workload,
    List<Integer> batchSizes,
    int epochs,
    int repeats,
    int firstRepeat,
    long baseSeed,
    double weightDecay,
    int trainExamples,
    int testExamples,
    List<String> metrics,
    List<String> allowedDifferences,
    List<PaperValue> paperValues,
    Optional<CustomTrials> customTrials) {

  /** Copies the lists. */
  public ExperimentDefinition {
    batchSizes = List.copyOf(batchSizes);
    metrics = List.copyOf(metrics);
    allowedDifferences = List.copyOf(allowedDifferences);
    paperValues = List.copyOf(paperValues);
  }

  /** Returns the workload in words, or "none" when the experiment does not train. */
  public String workloadDescription() {
    return workload.map(w -> w.name() + ": " + w.description()).orElse("none");
  }

  /** Returns the data request for this experiment's workload. */
  public DataRequest dataRequest() {
    return new DataRequest(scale, trainExamples, testExamples, baseSeed);
  }
}
