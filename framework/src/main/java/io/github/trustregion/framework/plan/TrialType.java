package io.github.trustregion.framework.plan;

import java.util.Locale;

/** What a trial runs: written as the trial parameter {@code trialType}. */
public enum TrialType {
  /** One method trains for the experiment's epochs. */
  TRAINING,
  /**
   * One grid point of a {@code @Tune}, trained on the training set minus its validation split and
   * evaluated on that split.
   */
  TUNING,
  /** A chain of stages, each starting from the previous stage's model. */
  TRACK,
  /**
   * A trial planned and run by the experiment itself ({@link
   * io.github.trustregion.framework.custom.CustomTrials}).
   */
  CUSTOM;

  /** Returns the lower-case name used in trial parameters. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
