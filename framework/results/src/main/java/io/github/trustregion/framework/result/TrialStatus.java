package io.github.trustregion.framework.result;

/** How a trial ended. */
public enum TrialStatus {
  /** Ran every epoch (or every stage) it was planned for. */
  COMPLETED,
  /** Its loss became NaN or infinite; the epochs before that are kept. */
  DIVERGED,
  /** It threw an exception; the message says which. */
  FAILED
}
