package io.github.trustregion.ci.calibration;

import io.github.trustregion.ci.run.ComparisonKey;
import java.util.List;
import java.util.Map;

/**
 * What a calibration found: the gate's false-alarm rate on draws of unchanged repeats and its
 * detection rate of each injected regression, per gated row and for the whole gate. Gaps and drops
 * are in the metric's units (accuracy as a fraction).
 *
 * @param settings what was measured
 * @param baselineRepeats the repeats the baseline was blessed from (the complete ones of the set)
 * @param drawRepeats the repeats draws were taken from (the complete ones of the set)
 * @param incompleteRepeats the repeats of either set left out because a trial of theirs is missing,
 *     not completed or lacks a gated metric, each with the first such trial
 * @param disjointBlocks the number of disjoint blocks of {@code nightlySize} consecutive draw
 *     repeats
 * @param falseAlarmsDisjoint the disjoint blocks in which any row was flagged
 * @param falseAlarmsRandom the random draws in which any row was flagged
 * @param rows per gated row, in baseline order
 * @param injections per injected regression, in the order given
 */
public record CalibrationResult(
    CalibrationSettings settings,
    List<Integer> baselineRepeats,
    List<Integer> drawRepeats,
    Map<Integer, String> incompleteRepeats,
    int disjointBlocks,
    Rate falseAlarmsDisjoint,
    Rate falseAlarmsRandom,
    List<Row> rows,
    List<InjectionResult> injections) {

  /** Copies the collections. */
  public CalibrationResult {
    baselineRepeats = List.copyOf(baselineRepeats);
    drawRepeats = List.copyOf(drawRepeats);
    incompleteRepeats = Map.copyOf(incompleteRepeats);
    rows = List.copyOf(rows);
    injections = List.copyOf(injections);
  }

  /**
   * How many of a set of draws were flagged.
   *
   * @param flagged the draws flagged ({@code REGRESSED})
   * @param draws the draws
   * @param fraction {@code flagged / draws} (NaN without draws)
   */
  public record Rate(int flagged, int draws, double fraction) {

    /** Returns the rate of {@code flagged} out of {@code draws}. */
    public static Rate of(int flagged, int draws) {
      return new Rate(flagged, draws, draws == 0 ? Double.NaN : (double) flagged / draws);
    }
  }

  /**
   * The mean and median of a quantity over draws.
   *
   * @param mean the mean over the draws where it is defined
   * @param median the median over those draws
   */
  public record Spread(double mean, double median) {}

  /**
   * One gated row without injection.
   *
   * @param key the experiment, metric, setting and pair
   * @param baselineN the baseline's paired repeats
   * @param drawN the repeats of each draw
   * @param baselineGapSd the sample sd of the baseline's per-repeat (paired) gaps
   * @param drawSetGapSd the sample sd of the per-repeat gaps over every draw repeat
   * @param falseAlarmsDisjoint the disjoint blocks that flagged this row
   * @param falseAlarmsRandom the random draws that flagged this row
   * @param smallestFlaggedDropDisjoint the row's smallest flagged drop over the disjoint blocks
   * @param smallestFlaggedDropRandom the row's smallest flagged drop over the random draws
   * @param detectableDropAtPower over the random draws, the drop flagged with the settings' power
   *     (normal-theory approximation {@code τ + (t_{1−level, ν} + t_{power, ν}) · se}, with the
   *     row's Holm level when it is first in its family, the draw's and baseline's spreads)
   */
  public record Row(
      ComparisonKey key,
      int baselineN,
      int drawN,
      double baselineGapSd,
      double drawSetGapSd,
      Rate falseAlarmsDisjoint,
      Rate falseAlarmsRandom,
      Spread smallestFlaggedDropDisjoint,
      Spread smallestFlaggedDropRandom,
      Spread detectableDropAtPower) {}

  /**
   * One injected regression.
   *
   * @param injection what was injected
   * @param repeats the draw repeats at which the weakened method completed (the others are left out
   *     of this injection's draws)
   * @param disjointBlocks the number of disjoint blocks over {@code repeats}
   * @param detectionDisjoint the disjoint blocks in which any row was flagged
   * @param detectionRandom the random draws in which any row was flagged
   * @param rows per gated row, in baseline order
   */
  public record InjectionResult(
      Injection injection,
      List<Integer> repeats,
      int disjointBlocks,
      Rate detectionDisjoint,
      Rate detectionRandom,
      List<InjectedRow> rows) {

    /** Copies the lists. */
    public InjectionResult {
      repeats = List.copyOf(repeats);
      rows = List.copyOf(rows);
    }
  }

  /**
   * One gated row under an injected regression.
   *
   * @param key the experiment, metric, setting and pair
   * @param n the repeats the change was measured on
   * @param change the measured change of the gap on those repeats, mean weakened gap − mean
   *     original gap (negative: the gap dropped)
   * @param changeSd the sample sd of the per-repeat (paired) changes
   * @param ciLow the lower bound of the change's t-interval at the settings' confidence level (NaN
   *     when the changes do not vary or n &lt; 2; then it equals {@code change})
   * @param ciHigh the upper bound
   * @param detectionDisjoint the disjoint blocks that flagged this row
   * @param detectionRandom the random draws that flagged this row
   */
  public record InjectedRow(
      ComparisonKey key,
      int n,
      double change,
      double changeSd,
      double ciLow,
      double ciHigh,
      Rate detectionDisjoint,
      Rate detectionRandom) {}
}
