package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.TrialResult;
import java.util.List;

/**
 * A validated experiment at one scale, expanded into its trials: training and track trials first,
 * then custom trials.
 *
 * @param definition the experiment's resolved declaration
 * @param trials every trial, in run order (tuning trials first)
 * @param tunings the experiment's validated {@code @Tune}s; the repeats of a tuned optimizer get
 *     their chosen setting when they run ({@link #tuningOf})
 * @param claims the claims the experiment declares ({@code @Claim}), validated against the trials
 */
public record ExperimentPlan(
    ExperimentDefinition definition,
    List<TrialSpec> trials,
    List<TuningSpec> tunings,
    List<ClaimDeclaration> claims) {

  /** Copies the lists. */
  public ExperimentPlan {
    trials = List.copyOf(trials);
    tunings = List.copyOf(tunings);
    claims = List.copyOf(claims);
  }

  /** Creates a plan without tuning and without claims. */
  public ExperimentPlan(ExperimentDefinition definition, List<TrialSpec> trials) {
    this(definition, trials, List.of(), List.of());
  }

  /**
   * Returns the tuning whose choice a trial uses: present for the training trials (repeats) of a
   * tuned optimizer, empty for its tuning trials and every other trial.
   */
  public java.util.Optional<TuningSpec> tuningOf(TrialSpec trial) {
    if (trial.type() != TrialType.TRAINING) {
      return java.util.Optional.empty();
    }
    return tunings.stream().filter(t -> t.label().equals(trial.label())).findFirst();
  }

  /** Returns the experiment's id. */
  public String experimentId() {
    return definition.id();
  }

  /** Returns the manifest to write before the first trial. */
  public ExperimentManifest manifest() {
    ExperimentDefinition d = definition;
    List<PaperValue> paper = d.paperValues();
    return new ExperimentManifest(
        TrialResult.SCHEMA_VERSION,
        d.id(),
        d.type().getName(),
        d.title(),
        d.description(),
        d.kind().id(),
        d.scale().id(),
        d.workloadDescription(),
        d.metrics(),
        d.allowedDifferences(),
        trials.stream().map(TrialSpec::toPlannedTrial).toList(),
        paper,
        claims);
  }
}
