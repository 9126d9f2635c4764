package io.github.trustregion.framework.result;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of results an experiment's trials carry, as its manifest's {@code kind} names it: the
 * harness writes it from the experiment's declaration, and reports choose their checks, metrics and
 * figures by it.
 */
public enum ResultKind {
  /** Per-epoch training curves of single-method trials (E2, E3). */
  TRAINING,
  /** Stage chains such as SGD → TR → SGD, with per-stage metrics (E5). */
  TRACKS,
  /** Subproblem dynamics without a network, in series (E1). */
  SUBPROBLEM,
  /** The loss landscape between saved solutions, in series (E4). */
  LANDSCAPE;

  /** Returns the lower-case name written to the manifest, such as {@code training}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether completed trials of this kind carry per-epoch records. */
  public boolean hasEpochs() {
    return this == TRAINING || this == TRACKS;
  }

  /** Returns the kind a manifest names, or empty when {@code id} is null or names no kind. */
  public static Optional<ResultKind> fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
  }

  /** Returns every kind's id, in declaration order, for messages that list the valid ones. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ResultKind::id).toList();
  }
}
