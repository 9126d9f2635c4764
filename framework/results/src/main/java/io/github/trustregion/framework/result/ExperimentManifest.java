package io.github.trustregion.framework.result;

import java.util.List;
import java.util.Map;

/**
 * The plan of one experiment as it was run: what it is, which trials should exist, and what to
 * compare. Written before the first trial runs, so missing trials can be named afterwards.
 *
 * @param schemaVersion the version of this format
 * @param experiment the experiment's id (its directory name)
 * @param className the annotated class that declared it
 * @param title a one-line title
 * @param description what it measures, in a few sentences
 * @param kind what kind of results the trials carry: the {@link ResultKind#id()} of "training"
 *     (per-epoch curves), "tracks", "subproblem" (E1) or "landscape" (E4); reports choose their
 *     figures by it
 * @param scale the scale it ran at ("smoke", "ci", "paper")
 * @param workload the dataset and model, in words
 * @param metrics the metric keys to compare between methods, in order of importance
 * @param allowedDifferences method settings that differ between methods on purpose
 * @param trials every planned trial
 * @param paperValues the paper's numbers for this experiment
 * @param claims the claims the experiment declares about its results (empty in manifests written
 *     before claims were recorded, which still load)
 */
public record ExperimentManifest(
    int schemaVersion,
    String experiment,
    String className,
    String title,
    String description,
    String kind,
    String scale,
    String workload,
    List<String> metrics,
    List<String> allowedDifferences,
    List<PlannedTrial> trials,
    List<PaperValue> paperValues,
    List<ClaimDeclaration> claims) {

  /** Treats absent claims (a manifest written before they were recorded) as none. */
  public ExperimentManifest {
    claims = claims == null ? List.of() : List.copyOf(claims);
  }

  /** Creates a manifest that declares no claims. */
  public ExperimentManifest(
      int schemaVersion,
      String experiment,
      String className,
      String title,
      String description,
      String kind,
      String scale,
      String workload,
      List<String> metrics,
      List<String> allowedDifferences,
      List<PlannedTrial> trials,
      List<PaperValue> paperValues) {
    this(
        schemaVersion,
        experiment,
        className,
        title,
        description,
        kind,
        scale,
        workload,
        metrics,
        allowedDifferences,
        trials,
        paperValues,
        List.of());
  }

  /**
   * Returns this manifest with another list of planned trials and everything else kept: the plan of
   * a selection of this experiment's trials (some repeats, or all but the tuning trials).
   */
  public ExperimentManifest withTrials(List<PlannedTrial> selected) {
    return new ExperimentManifest(
        schemaVersion,
        experiment,
        className,
        title,
        description,
        kind,
        scale,
        workload,
        metrics,
        allowedDifferences,
        selected,
        paperValues,
        claims);
  }

  /** Returns the planned trials keyed by id. */
  public Map<String, PlannedTrial> trialsById() {
    return trials.stream()
        .collect(
            java.util.stream.Collectors.toMap(
                PlannedTrial::trialId, t -> t, (a, b) -> a, java.util.LinkedHashMap::new));
  }
}
