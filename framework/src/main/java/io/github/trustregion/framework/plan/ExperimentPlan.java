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
 * @param trials every trial, in run order
 * @param claims the claims the experiment declares ({@code @Claim}), validated against the trials
 */
public record ExperimentPlan(
    ExperimentDefinition definition, List<TrialSpec> trials, List<ClaimDeclaration> claims) {

  /** Copies the lists. */
  public ExperimentPlan {
    trials = List.copyOf(trials);
    claims = List.copyOf(claims);
  }

  /** Creates a plan that declares no claims. */
  public ExperimentPlan(ExperimentDefinition definition, List<TrialSpec> trials) {
    this(definition, trials, List.of());
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
