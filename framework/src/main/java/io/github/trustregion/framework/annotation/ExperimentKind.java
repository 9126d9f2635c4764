package io.github.trustregion.framework.annotation;

import io.github.trustregion.framework.result.ResultKind;
import java.util.Locale;

/**
 * What kind of results an experiment's trials carry, as declared on {@link Experiment}: one of the
 * {@link ResultKind}s written to the manifest's {@code kind}, by which reports choose their
 * figures, or {@link #AUTO}.
 */
public enum ExperimentKind {
  /**
   * Inferred: {@link #TRACKS} when the experiment declares a {@link Track}, else {@link #TRAINING}.
   */
  AUTO(null),
  /** Per-epoch training curves of single-method trials (E2, E3). */
  TRAINING(ResultKind.TRAINING),
  /** Stage chains such as SGD → TR → SGD (E5). */
  TRACKS(ResultKind.TRACKS),
  /** Subproblem dynamics without a network (E1). */
  SUBPROBLEM(ResultKind.SUBPROBLEM),
  /** The loss landscape between saved solutions (E4). */
  LANDSCAPE(ResultKind.LANDSCAPE);

  private final ResultKind resultKind;

  ExperimentKind(ResultKind resultKind) {
    this.resultKind = resultKind;
  }

  /**
   * Returns the kind of results written to the manifest.
   *
   * @throws IllegalStateException for {@link #AUTO}, which the planner resolves first
   */
  public ResultKind resultKind() {
    if (resultKind == null) {
      throw new IllegalStateException(
          "ExperimentKind.AUTO has no result kind: the planner infers "
              + "TRAINING or TRACKS from the declaration before it writes the manifest.");
    }
    return resultKind;
  }

  /**
   * Returns the lower-case name written to the manifest ({@link ResultKind#id()}; "auto" for {@link
   * #AUTO}).
   */
  public String id() {
    return resultKind == null ? name().toLowerCase(Locale.ROOT) : resultKind.id();
  }
}
