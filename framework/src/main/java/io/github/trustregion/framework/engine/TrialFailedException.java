package io.github.trustregion.framework.engine;

/** Reports a trial that threw (result status {@code FAILED}) to JUnit as a failed test. */
public final class TrialFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the trial's message. */
  public TrialFailedException(String message) {
    super(message, null, false, false);
  }
}
