package io.github.trustregion.ci.run;

import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A set of repeat indices written as comma-separated inclusive ranges, {@code A-B[,C-D…]} (a range
 * of one repeat may be written {@code A}), e.g. {@code 0-29,60-119}.
 *
 * <p>The ranges are kept in ascending order and must not overlap, so that the set's size is the sum
 * of the ranges' sizes and its text reads back to the same set.
 *
 * @param ranges the ranges, ascending and pairwise disjoint, at least one
 */
public record RepeatSet(List<Range> ranges) {

  /**
   * An inclusive range of repeats.
   *
   * @param first the first repeat, ≥ 0
   * @param last the last repeat, ≥ {@code first}
   */
  public record Range(int first, int last) {

    /** Checks the bounds. */
    public Range {
      if (first < 0 || last < first) {
        throw new IllegalArgumentException(
            "A repeat range needs 0 ≤ first ≤ last but was " + first + "-" + last + ".");
      }
    }

    @Override
    public String toString() {
      return first == last ? Integer.toString(first) : first + "-" + last;
    }
  }

  /** Sorts the ranges and checks that there is one at least and that none overlap. */
  public RepeatSet {
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("A repeat set needs at least one range.");
    }
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::first));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).first() <= sorted.get(i - 1).last()) {
        throw new IllegalArgumentException(
            "The repeat ranges " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap.");
      }
    }
    ranges = List.copyOf(sorted);
  }

  /** Returns the set of the repeats {@code first} to {@code last}, both included. */
  public static RepeatSet range(int first, int last) {
    return new RepeatSet(List.of(new Range(first, last)));
  }

  /**
   * Parses {@code A-B[,C-D…]}.
   *
   * @param text the ranges
   * @param option the option it was given with, for the message
   * @throws GateInputException when the text is not such a set
   */
  public static RepeatSet parse(String text, String option) {
    List<Range> ranges = new ArrayList<>();
    try {
      for (String part : text.split(",", -1)) {
        ranges.add(parseRange(part.trim()));
      }
      return new RepeatSet(ranges);
    } catch (IllegalArgumentException e) {
      throw new GateInputException(
          option
              + " '"
              + text
              + "' is not a set of repeats; give ranges FIRST-LAST with 0 ≤ FIRST ≤ LAST,"
              + " comma-separated and not overlapping, e.g. 0-29 or 0-29,60-119.");
    }
  }

  private static Range parseRange(String text) {
    String[] bounds = text.split("-", -1);
    if (bounds.length == 1) {
      int repeat = Integer.parseInt(bounds[0].trim());
      return new Range(repeat, repeat);
    }
    if (bounds.length == 2) {
      return new Range(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()));
    }
    throw new IllegalArgumentException(text);
  }

  /** Returns whether {@code repeat} is in the set. */
  public boolean contains(int repeat) {
    return ranges.stream().anyMatch(r -> repeat >= r.first() && repeat <= r.last());
  }

  /** Returns the number of repeats in the set. */
  public int size() {
    return ranges.stream().mapToInt(r -> r.last() - r.first() + 1).sum();
  }

  /** Returns the repeats in ascending order. */
  public List<Integer> repeats() {
    return ranges.stream()
        .flatMapToInt(r -> IntStream.rangeClosed(r.first(), r.last()))
        .boxed()
        .toList();
  }

  /** Returns whether the two sets share a repeat. */
  public boolean overlaps(RepeatSet other) {
    for (Range a : ranges) {
      for (Range b : other.ranges) {
        if (a.first() <= b.last() && b.first() <= a.last()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the part of an experiment's results whose repeats lie in this set: the planned trials
   * and the trial results with a {@code repeat} parameter in the set, the manifest otherwise kept
   * (its plan is empty when the experiment ran none of these repeats).
   */
  public ExperimentDirectory select(ExperimentDirectory experiment) {
    List<PlannedTrial> planned =
        experiment.manifest().trials().stream().filter(t -> inSet(t.parameters())).toList();
    List<TrialResult> trials =
        experiment.trials().stream().filter(t -> inSet(t.parameters())).toList();
    return new ExperimentDirectory(
        experiment.directory(),
        experiment.manifest().withTrials(planned),
        trials,
        List.of(),
        List.of());
  }

  private boolean inSet(Map<String, String> parameters) {
    String repeat = parameters == null ? null : parameters.get(ParameterKeys.REPEAT);
    if (repeat == null) {
      return false;
    }
    try {
      return contains(Integer.parseInt(repeat));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
  }
}
