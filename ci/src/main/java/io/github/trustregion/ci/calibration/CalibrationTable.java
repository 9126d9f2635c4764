package io.github.trustregion.ci.calibration;

import io.github.trustregion.ci.calibration.CalibrationResult.InjectedRow;
import io.github.trustregion.ci.calibration.CalibrationResult.InjectionResult;
import io.github.trustregion.ci.calibration.CalibrationResult.Rate;
import io.github.trustregion.ci.calibration.CalibrationResult.Row;
import java.util.Locale;

/**
 * Renders a {@link CalibrationResult} as Markdown: one line per gated gap, with the baseline's and
 * a draw's n, the per-seed sd of the gap, the median smallest flagged drop, the false alarms, and
 * for each injection the measured change with its interval and the detection rates (gaps and drops
 * in accuracy points).
 */
public final class CalibrationTable {

  private CalibrationTable() {}

  /** Returns the table and what it was computed from, as Markdown. */
  public static String markdown(CalibrationResult result) {
    CalibrationSettings s = result.settings();
    StringBuilder out = new StringBuilder();
    out.append("## Gate calibration: ").append(s.experiment()).append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Baseline from repeats %s (%d complete), draws of %d from repeats %s (%d complete):"
                + " %d disjoint block(s), %d random draws (seed %d); α = %s, tolerance %s points,"
                + " power %s.%n%n",
            s.baselineRepeats(),
            result.baselineRepeats().size(),
            s.nightlySize(),
            s.drawRepeats(),
            result.drawRepeats().size(),
            result.disjointBlocks(),
            s.draws(),
            s.seed(),
            number(s.alpha()),
            number(100 * s.tolerance()),
            number(s.power())));
    if (!result.incompleteRepeats().isEmpty()) {
      out.append("Left out as incomplete: baseline ")
          .append(Calibration.describe(result.incompleteRepeats(), s.baselineRepeats()))
          .append("; draws ")
          .append(Calibration.describe(result.incompleteRepeats(), s.drawRepeats()))
          .append(" (every incomplete repeat with its first incomplete trial: JSON).\n\n");
    }
    for (InjectionResult injection : result.injections()) {
      java.util.List<Integer> left =
          result.drawRepeats().stream().filter(r -> !injection.repeats().contains(r)).toList();
      if (!left.isEmpty()) {
        out.append(injection.injection())
            .append(": left out, the replacement has not completed: repeats ")
            .append(Calibration.ranges(left))
            .append(".\n\n");
      }
    }
    StringBuilder header =
        new StringBuilder(
            "| gap | baseline n | draw n | sd of gap, baseline / draw set | smallest flagged drop"
                + " (median) | drop flagged with power "
                + number(s.power())
                + " (median) | false alarms, disjoint | false alarms, random |");
    StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|---|---|");
    for (InjectionResult injection : result.injections()) {
      String name = injection.injection().toString();
      header
          .append(" ")
          .append(name)
          .append(": change of gap [CI] | ")
          .append(name)
          .append(": detected, disjoint | ")
          .append(name)
          .append(": detected, random |");
      rule.append("---|---|---|");
    }
    out.append(header).append('\n').append(rule).append('\n');
    for (int i = 0; i < result.rows().size(); i++) {
      Row row = result.rows().get(i);
      out.append("| ")
          .append(row.key().metric())
          .append(" [")
          .append(row.key().settingText())
          .append("] ")
          .append(row.key().pairText())
          .append(" | ")
          .append(row.baselineN())
          .append(" | ")
          .append(row.drawN())
          .append(" | ")
          .append(points(row.baselineGapSd()))
          .append(" / ")
          .append(points(row.drawSetGapSd()))
          .append(" | ")
          .append(points(row.smallestFlaggedDropRandom().median()))
          .append(" | ")
          .append(points(row.detectableDropAtPower().median()))
          .append(" | ")
          .append(count(row.falseAlarmsDisjoint()))
          .append(" | ")
          .append(fraction(row.falseAlarmsRandom()))
          .append(" |");
      for (InjectionResult injection : result.injections()) {
        InjectedRow injected = injection.rows().get(i);
        out.append(' ')
            .append(points(injected.change()))
            .append(
                Double.isNaN(injected.ciLow())
                    ? ""
                    : " [" + points(injected.ciLow()) + ", " + points(injected.ciHigh()) + "]")
            .append(" | ")
            .append(count(injected.detectionDisjoint()))
            .append(" | ")
            .append(fraction(injected.detectionRandom()))
            .append(" |");
      }
      out.append('\n');
    }
    out.append("| whole gate (any row flagged) | | | | | | ")
        .append(count(result.falseAlarmsDisjoint()))
        .append(" | ")
        .append(fraction(result.falseAlarmsRandom()))
        .append(" |");
    for (InjectionResult injection : result.injections()) {
      out.append(" | ")
          .append(count(injection.detectionDisjoint()))
          .append(" | ")
          .append(fraction(injection.detectionRandom()))
          .append(" |");
    }
    out.append("\n\n");
    out.append(
        "Gaps, sds and drops in accuracy points; sd: of the per-seed (paired) gap; change of gap:"
            + " mean weakened gap − mean original gap on the same seeds (negative: dropped), with"
            + " its t-interval; disjoint: flagged blocks / blocks; random: fraction of random draws"
            + " flagged (count).\n");
    for (InjectionResult injection : result.injections()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: measured on %d repeats; %d disjoint block(s).%n",
              injection.injection(),
              injection.repeats().size(),
              injection.disjointBlocks()));
    }
    return out.toString();
  }

  private static String count(Rate rate) {
    return rate.flagged() + "/" + rate.draws();
  }

  private static String fraction(Rate rate) {
    return String.format(
        Locale.ROOT, "%.3f (%d/%d)", rate.fraction(), rate.flagged(), rate.draws());
  }

  private static String points(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * value);
  }

  private static String number(double value) {
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
