package io.github.trustregion.framework.annotation;

import java.util.Locale;

/**
 * What kind of results an experiment's trials carry; reports choose their figures by it (the
 * manifest's {@code kind}).
 */
public enum ExperimentKind {
  /** Inferred: {@link #TRACKS} when the experiment declares a {@link Track}, else {@link #TRAINING}. */
  AUTO,
  /** Per-epoch training curves of single-method trials (E2, E3). */
  TRAINING,
  /** Stage chains such as SGD → TR → SGD (E5). */
  TRACKS,
  /** Subproblem dynamics without a network (E1). */
  SUBPROBLEM,
  /** The loss landscape between saved solutions (E4). */
  LANDSCAPE;

  /** Returns the lower-case name written to the manifest. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
