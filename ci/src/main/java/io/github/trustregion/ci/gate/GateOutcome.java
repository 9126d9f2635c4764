package io.github.trustregion.ci.gate;

/**
 * The gate's overall outcome and its process exit code.
 *
 * <p>Exit codes: 0 {@link #PASS}, 1 {@link #REGRESSION}, 2 {@link #INCOMPLETE} (which takes
 * precedence over a regression, since an incomplete run's gaps are not trustworthy), and 3 for
 * unusable input or arguments ({@link #BAD_INPUT}, raised before any comparison is made).
 */
public enum GateOutcome {
  /** Every gap kept within its tolerance, or dropped only within noise; the run is complete. */
  PASS(0),
  /** At least one gap regressed significantly; the run is complete. */
  REGRESSION(1),
  /**
   * Trials are missing, diverged or failed, or a baselined comparison has no data in the run or
   * cannot be tested (no variance).
   */
  INCOMPLETE(2),
  /** The arguments, the baselines or the results could not be used (wrong scale, corrupt file). */
  BAD_INPUT(3);

  private final int exitCode;

  GateOutcome(int exitCode) {
    this.exitCode = exitCode;
  }

  /** Returns the process exit code. */
  public int exitCode() {
    return exitCode;
  }
}
