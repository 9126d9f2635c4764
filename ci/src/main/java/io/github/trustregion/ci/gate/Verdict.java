package io.github.trustregion.ci.gate;

/** What the gate concluded about one baselined gap. */
public enum Verdict {
  /** The new gap is no more than the tolerance below the baseline gap. */
  PASS("kept"),
  /** The new gap is more than the tolerance below the baseline, but not significantly (noise). */
  WITHIN_NOISE("dropped, not significant"),
  /** The new gap is significantly more than the tolerance below the baseline (Holm-adjusted). */
  REGRESSED("REGRESSED"),
  /**
   * Neither the run's nor the baseline's per-repeat gaps vary, so there is no estimate of the noise
   * and no test; the run counts as incomplete (exit code 2), since the gate cannot vouch for it.
   */
  NOT_TESTABLE("not testable (no variance)"),
  /** The run has no (or fewer than 2) paired repeats for this comparison. */
  NO_DATA("NO DATA");

  private final String words;

  Verdict(String words) {
    this.words = words;
  }

  /** Returns the verdict as printed in the table. */
  public String words() {
    return words;
  }
}
