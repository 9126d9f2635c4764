package io.github.trustregion.framework.engine;

import org.opentest4j.TestAbortedException;

/**
 * Reports a diverged trial to JUnit as aborted: the divergence is a recorded outcome of the method
 * (its result file says {@code DIVERGED}), not an error of the harness, so it does not fail the
 * build; tools show it as skipped with this message.
 */
public final class TrialDivergedException extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the trial's message. */
  public TrialDivergedException(String message) {
    super(message);
  }
}
