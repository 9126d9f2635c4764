package io.github.trustregion.ci.run;

/**
 * A reason the run cannot be trusted as a whole: a trial that is planned but absent, that diverged
 * or failed, a baselined comparison the run has no data for, or one that cannot be tested.
 *
 * @param experiment the experiment's id
 * @param subject the trial id, or the comparison, that the problem is about
 * @param kind what is wrong
 * @param detail the details in words (the trial's own message, or what to do)
 */
public record TrialProblem(String experiment, String subject, Kind kind, String detail) {

  /** What is wrong. */
  public enum Kind {
    /** Planned in the manifest but no result file exists. */
    MISSING,
    /** The trial's loss became NaN or infinite. */
    DIVERGED,
    /** The trial threw an exception. */
    FAILED,
    /** The trial completed but a gated metric is absent or not finite. */
    NO_METRIC,
    /** A baselined experiment or comparison has no (or too little) data in the run. */
    NOT_IN_RUN,
    /**
     * Neither the run's nor the baseline's per-repeat gaps of a comparison vary: it cannot be
     * tested.
     */
    NO_VARIANCE
  }

  @Override
  public String toString() {
    return kind + " " + experiment + "/" + subject + (detail.isEmpty() ? "" : ": " + detail);
  }
}
