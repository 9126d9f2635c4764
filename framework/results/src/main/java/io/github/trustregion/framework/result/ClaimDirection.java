package io.github.trustregion.framework.result;

/** The direction a declared claim states its quantity lies in, relative to its threshold. */
public enum ClaimDirection {
  /** The quantity is at least the threshold (≥). */
  AT_LEAST,
  /** The quantity is at most the threshold (≤). */
  AT_MOST;

  /** Returns the sign in formulas: "≥" or "≤". */
  public String symbol() {
    return this == AT_LEAST ? "≥" : "≤";
  }
}
