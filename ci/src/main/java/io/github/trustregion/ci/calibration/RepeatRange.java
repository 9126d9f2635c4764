package io.github.trustregion.ci.calibration;

import io.github.trustregion.ci.run.GateInputException;

/**
 * An inclusive range of repeat indices, written {@code A-B} (or {@code A} for one repeat).
 *
 * @param first the first repeat, ≥ 0
 * @param last the last repeat, ≥ {@code first}
 */
public record RepeatRange(int first, int last) {

  /** Checks the bounds. */
  public RepeatRange {
    if (first < 0 || last < first) {
      throw new IllegalArgumentException(
          "A repeat range needs 0 ≤ first ≤ last but was " + first + "-" + last + ".");
    }
  }

  /**
   * Parses {@code A-B} or {@code A}.
   *
   * @param text the range
   * @param option the option it was given with, for the message
   * @throws GateInputException when the text is not such a range
   */
  public static RepeatRange parse(String text, String option) {
    String[] parts = text.trim().split("-", -1);
    try {
      if (parts.length == 1) {
        int repeat = Integer.parseInt(parts[0].trim());
        return new RepeatRange(repeat, repeat);
      }
      if (parts.length == 2) {
        return new RepeatRange(
            Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new GateInputException(
        option
            + " '"
            + text
            + "' is not a range of repeats; give FIRST-LAST with 0 ≤ FIRST ≤ LAST, e.g. 0-29.");
  }

  /** Returns whether {@code repeat} lies in the range. */
  public boolean contains(int repeat) {
    return repeat >= first && repeat <= last;
  }

  /** Returns the number of repeats in the range. */
  public int size() {
    return last - first + 1;
  }

  /** Returns whether the two ranges share a repeat. */
  public boolean overlaps(RepeatRange other) {
    return first <= other.last && other.first <= last;
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
