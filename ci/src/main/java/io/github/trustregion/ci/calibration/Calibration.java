package io.github.trustregion.ci.calibration;

import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BaselineComparison;
import io.github.trustregion.ci.baseline.BlessResult;
import io.github.trustregion.ci.baseline.BlessSettings;
import io.github.trustregion.ci.baseline.Blesser;
import io.github.trustregion.ci.baseline.Provenance;
import io.github.trustregion.ci.calibration.CalibrationResult.InjectedRow;
import io.github.trustregion.ci.calibration.CalibrationResult.InjectionResult;
import io.github.trustregion.ci.calibration.CalibrationResult.Rate;
import io.github.trustregion.ci.calibration.CalibrationResult.Row;
import io.github.trustregion.ci.calibration.CalibrationResult.Spread;
import io.github.trustregion.ci.gate.GapDrop;
import io.github.trustregion.ci.gate.Gate;
import io.github.trustregion.ci.gate.GateResult;
import io.github.trustregion.ci.gate.GateRow;
import io.github.trustregion.ci.gate.Verdict;
import io.github.trustregion.ci.run.ComparisonKey;
import io.github.trustregion.ci.run.GapExtractor;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.PairedSample;
import io.github.trustregion.ci.run.RepeatSet;
import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialSettings;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.YuenTTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Measures how the gate behaves at a nightly's number of repeats, from one run with many repeats.
 *
 * <p>The baseline is blessed ({@link Blesser}, tolerance {@link CalibrationSettings#tolerance} on
 * every row) from the trials of the baseline repeats only: the experiment's plan is restricted to
 * those repeats in memory. Nightly-sized runs are drawn from the draw repeats: every disjoint block
 * of {@code nightlySize} consecutive (complete) repeats, and {@code draws} random subsets of {@code
 * nightlySize} distinct repeats (seeded); each is gated against the baseline by {@link
 * Gate#evaluate(Map, List)}, exactly as {@code check} gates a run holding only those repeats. The
 * fraction of draws flagged ({@link Verdict#REGRESSED}) is the false-alarm rate, per row and for
 * the whole gate (any row flagged).
 *
 * <p>An {@link Injection} replaces, in every draw, the trials of one method label by the trials of
 * a weakened method of another experiment that ran on the same seeds (repeat r there has the seed
 * of repeat r + offset here; the {@code seed} parameters must agree): the fraction of draws flagged
 * is then the detection rate of that regression, and the mean of the per-repeat changes of the gap
 * (weakened − original, paired by seed) is the regression's size on those seeds. A setting (batch
 * size) at which the weakened experiment plans no trial keeps its original trials: a regression may
 * hit one batch size only.
 *
 * <p>A repeat is complete when every trial the plan holds for it has completed with every gated
 * metric; incomplete repeats are left out of the baseline and of the draws and reported ({@link
 * CalibrationResult#incompleteRepeats}), and a set with too few complete repeats is refused.
 * Stateless and thread-safe.
 */
public final class Calibration {

  private final CalibrationSettings settings;

  /** Creates a calibration with the given settings. */
  public Calibration(CalibrationSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the calibration on a run already read.
   *
   * @param read the run's experiments by id ({@link io.github.trustregion.ci.run.RunReader#read})
   * @param where the results directory, for messages and the baseline's provenance
   * @throws GateInputException naming the option at fault when the repeat sets, the nightly size or
   *     an injection do not fit the run
   */
  public CalibrationResult run(Map<String, ExperimentDirectory> read, String where) {
    String id = settings.experiment();
    ExperimentDirectory directory = read.get(id);
    if (directory == null) {
      throw new GateInputException(
          "--experiment "
              + id
              + ": the results directory "
              + where
              + " holds no experiment "
              + id
              + " (it holds "
              + read.keySet()
              + ").");
    }
    ExperimentManifest manifest = directory.manifest();
    Map<Integer, List<PlannedTrial>> plannedByRepeat = plannedByRepeat(manifest.trials());
    checkRange("--baseline-repeats", settings.baselineRepeats(), plannedByRepeat, id);
    checkRange("--draw-repeats", settings.drawRepeats(), plannedByRepeat, id);
    if (settings.baselineRepeats().overlaps(settings.drawRepeats())) {
      throw new GateInputException(
          "--baseline-repeats "
              + settings.baselineRepeats()
              + " and --draw-repeats "
              + settings.drawRepeats()
              + " overlap; the draws must not share repeats with the baseline. Give disjoint sets.");
    }
    if (settings.nightlySize() > settings.drawRepeats().size()) {
      throw new GateInputException(
          "--nightly-size "
              + settings.nightlySize()
              + " is larger than the "
              + settings.drawRepeats().size()
              + " repeats of --draw-repeats "
              + settings.drawRepeats()
              + ". Give a smaller size or more repeats.");
    }
    Map<String, TrialResult> trialsById = new HashMap<>();
    directory.trials().forEach(t -> trialsById.put(t.trialId(), t));
    Map<Integer, String> incomplete = new TreeMap<>();
    List<Integer> baselineRepeats =
        complete(settings.baselineRepeats(), plannedByRepeat, trialsById, incomplete);
    List<Integer> drawRepeats =
        complete(settings.drawRepeats(), plannedByRepeat, trialsById, incomplete);
    if (baselineRepeats.size() < 2) {
      throw new GateInputException(
          "--baseline-repeats "
              + settings.baselineRepeats()
              + ": only "
              + baselineRepeats.size()
              + " of its repeats are complete, the baseline needs at least 2 (incomplete: "
              + describe(incomplete, settings.baselineRepeats())
              + "). Wait for the run, or give other repeats.");
    }
    if (drawRepeats.size() < settings.nightlySize()) {
      throw new GateInputException(
          "--draw-repeats "
              + settings.drawRepeats()
              + ": only "
              + drawRepeats.size()
              + " of its repeats are complete, fewer than --nightly-size "
              + settings.nightlySize()
              + " (incomplete: "
              + describe(incomplete, settings.drawRepeats())
              + "). Wait for the run, or give a smaller size.");
    }
    Selector selector = new Selector(directory, plannedByRepeat, trialsById);
    Baseline baseline = bless(selector, baselineRepeats, where);
    ComparisonSettings statistics =
        new ComparisonSettings(settings.alpha(), settings.confidenceLevel());
    Gate gate = new Gate(statistics, settings.trim());
    Map<ComparisonKey, Map<Integer, Double>> gaps = gaps(selector.select(drawRepeats, t -> t));
    Measured plain = measure(gate, baseline, selector, drawRepeats, t -> t, gaps);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < baseline.comparisons().size(); i++) {
      BaselineComparison entry = baseline.comparisons().get(i);
      ComparisonKey key = entry.key(id);
      rows.add(
          new Row(
              key,
              entry.n(),
              settings.nightlySize(),
              sd(entry.repeatGapArray()),
              sd(values(gaps.get(key), drawRepeats)),
              plain.disjoint.rows[i],
              plain.random.rows[i],
              spread(plain.disjoint.smallestFlaggedDrops.get(i)),
              spread(plain.random.smallestFlaggedDrops.get(i)),
              spread(plain.random.powerDrops.get(i))));
    }
    List<InjectionResult> injections = new ArrayList<>();
    for (Injection injection : settings.injections()) {
      injections.add(inject(injection, read, selector, drawRepeats, gate, baseline, gaps));
    }
    return new CalibrationResult(
        settings,
        baselineRepeats,
        drawRepeats,
        incomplete,
        plain.disjoint.draws,
        plain.disjoint.gate,
        plain.random.gate,
        rows,
        injections);
  }

  private InjectionResult inject(
      Injection injection,
      Map<String, ExperimentDirectory> read,
      Selector selector,
      List<Integer> drawRepeats,
      Gate gate,
      Baseline baseline,
      Map<ComparisonKey, Map<Integer, Double>> originalGaps) {
    ExperimentDirectory weakened = read.get(injection.experiment());
    if (weakened == null) {
      throw new GateInputException(
          Injection.OPTION
              + " "
              + injection
              + ": the results directory holds no experiment "
              + injection.experiment()
              + " (it holds "
              + read.keySet()
              + ").");
    }
    Set<String> labels = new TreeSet<>();
    weakened.manifest().trials().forEach(p -> labels.add(p.parameters().get(ParameterKeys.METHOD)));
    if (!labels.contains(injection.replacement())) {
      throw new GateInputException(
          Injection.OPTION
              + " "
              + injection
              + ": experiment "
              + injection.experiment()
              + " plans no method "
              + injection.replacement()
              + " (it plans "
              + labels
              + ").");
    }
    Set<String> ownLabels = new TreeSet<>();
    selector
        .directory
        .manifest()
        .trials()
        .forEach(p -> ownLabels.add(p.parameters().get(ParameterKeys.METHOD)));
    if (!ownLabels.contains(injection.label())) {
      throw new GateInputException(
          Injection.OPTION
              + " "
              + injection
              + ": experiment "
              + settings.experiment()
              + " plans no method "
              + injection.label()
              + " to replace (it plans "
              + ownLabels
              + ").");
    }
    Map<String, PlannedTrial> plannedWeakened = new HashMap<>();
    Set<String> weakenedIds = new java.util.HashSet<>();
    weakened.manifest().trials().forEach(p -> weakenedIds.add(p.trialId()));
    for (PlannedTrial p : weakened.manifest().trials()) {
      if (injection.replacement().equals(p.parameters().get(ParameterKeys.METHOD))) {
        plannedWeakened.put(slot(p.parameters(), weakenedIds, 0), p);
      }
    }
    Map<String, TrialResult> weakenedTrials = new HashMap<>();
    weakened.trials().forEach(t -> weakenedTrials.put(t.trialId(), t));
    Set<String> ownIds = selector.trialsById.keySet();
    Set<String> plannedIds = new java.util.HashSet<>(ownIds);
    selector.directory.manifest().trials().forEach(p -> plannedIds.add(p.trialId()));
    Map<String, TrialResult> replacements = new HashMap<>();
    List<Integer> repeats = new ArrayList<>();
    int planned = 0;
    for (int repeat : drawRepeats) {
      boolean usable = true;
      for (PlannedTrial own : selector.plannedByRepeat.get(repeat)) {
        if (!injection.label().equals(own.parameters().get(ParameterKeys.METHOD))) {
          continue;
        }
        PlannedTrial match =
            plannedWeakened.get(slot(own.parameters(), plannedIds, injection.offset()));
        if (match == null) {
          continue; // the weakened experiment leaves this setting alone: the original trial stays
        }
        planned++;
        String ownSeed = own.parameters().get(ParameterKeys.SEED);
        String weakenedSeed = match.parameters().get(ParameterKeys.SEED);
        if (ownSeed == null || !ownSeed.equals(weakenedSeed)) {
          throw new GateInputException(
              Injection.OPTION
                  + " "
                  + injection
                  + ": trial "
                  + match.trialId()
                  + " of "
                  + injection.experiment()
                  + " has seed "
                  + weakenedSeed
                  + " but trial "
                  + own.trialId()
                  + " of "
                  + settings.experiment()
                  + " (repeat "
                  + repeat
                  + ") has seed "
                  + ownSeed
                  + ", so they are not paired by seed. Give the OFFSET at which "
                  + injection.experiment()
                  + "'s repeat 0 has the seed of "
                  + settings.experiment()
                  + "'s repeat OFFSET.");
        }
        TrialResult done = weakenedTrials.get(match.trialId());
        if (!completeWithMetrics(done)) {
          usable = false;
          continue;
        }
        TrialResult original = selector.trialsById.get(own.trialId());
        replacements.put(
            own.trialId(),
            new TrialResult(
                original.schemaVersion(),
                original.trialId(),
                original.experiment(),
                done.status(),
                done.message(),
                original.parameters(),
                done.methodSettings(),
                done.epochs(),
                done.metrics(),
                done.series(),
                done.wallSeconds(),
                original.environment()));
      }
      if (usable) {
        repeats.add(repeat);
      }
    }
    if (planned == 0) {
      throw new GateInputException(
          Injection.OPTION
              + " "
              + injection
              + ": experiment "
              + injection.experiment()
              + " plans no trial of "
              + injection.replacement()
              + " at repeats "
              + settings.drawRepeats()
              + " minus "
              + injection.offset()
              + " with the settings of "
              + injection.label()
              + "'s trials. Check the experiment, the label and the OFFSET.");
    }
    if (repeats.size() < settings.nightlySize()) {
      throw new GateInputException(
          Injection.OPTION
              + " "
              + injection
              + ": only "
              + repeats.size()
              + " of the complete draw repeats have completed trials of "
              + injection.replacement()
              + " (repeats "
              + repeats
              + "), fewer than --nightly-size "
              + settings.nightlySize()
              + ". Wait for "
              + injection.experiment()
              + " to complete, or give a smaller size.");
    }
    UnaryOperator<TrialResult> replace = t -> replacements.getOrDefault(t.trialId(), t);
    Map<ComparisonKey, Map<Integer, Double>> gaps = gaps(selector.select(repeats, replace));
    Measured measured = measure(gate, baseline, selector, repeats, replace, gaps);
    List<InjectedRow> rows = new ArrayList<>();
    for (int i = 0; i < baseline.comparisons().size(); i++) {
      ComparisonKey key = baseline.comparisons().get(i).key(settings.experiment());
      double[] changes = new double[repeats.size()];
      for (int r = 0; r < changes.length; r++) {
        changes[r] = gaps.get(key).get(repeats.get(r)) - originalGaps.get(key).get(repeats.get(r));
      }
      double mean = mean(changes);
      double sd = sd(changes);
      double halfWidth =
          changes.length < 2 || !(sd > 0)
              ? Double.NaN
              : TDistribution.of(changes.length - 1)
                      .inverseSurvivalProbability((1 - settings.confidenceLevel()) / 2)
                  * sd
                  / Math.sqrt(changes.length);
      rows.add(
          new InjectedRow(
              key,
              changes.length,
              mean,
              sd,
              mean - halfWidth,
              mean + halfWidth,
              measured.disjoint.rows[i],
              measured.random.rows[i]));
    }
    return new InjectionResult(
        injection,
        repeats,
        measured.disjoint.draws,
        measured.disjoint.gate,
        measured.random.gate,
        rows);
  }

  private Baseline bless(Selector selector, List<Integer> repeats, String where) {
    BlessSettings blessSettings =
        new BlessSettings(
            settings.reference(),
            settings.metrics(),
            settings.tolerance(),
            false,
            new ComparisonSettings(settings.alpha(), settings.confidenceLevel()));
    String source = where + " (repeats " + settings.baselineRepeats() + ")";
    Provenance provenance =
        new Provenance("unknown", "unknown", "", source, "", "", "ci/bin/gate calibrate", Map.of());
    BlessResult result =
        new Blesser(blessSettings)
            .bless(
                Map.of(settings.experiment(), selector.select(repeats, t -> t)),
                source,
                Map.of(),
                provenance);
    if (result.baselines().isEmpty()) {
      throw new GateInputException(
          "--baseline-repeats "
              + settings.baselineRepeats()
              + ": nothing to bless from experiment "
              + settings.experiment()
              + ": "
              + result.skipped().get(settings.experiment())
              + ". Check --metrics and --reference.");
    }
    return result.baselines().get(0);
  }

  /** Gates every disjoint block and every random draw of {@code repeats}. */
  private Measured measure(
      Gate gate,
      Baseline baseline,
      Selector selector,
      List<Integer> repeats,
      UnaryOperator<TrialResult> replace,
      Map<ComparisonKey, Map<Integer, Double>> gaps) {
    int n = settings.nightlySize();
    List<List<Integer>> blocks = new ArrayList<>();
    for (int start = 0; start + n <= repeats.size(); start += n) {
      blocks.add(repeats.subList(start, start + n));
    }
    Random random = new Random(settings.seed());
    List<List<Integer>> draws = new ArrayList<>();
    for (int k = 0; k < settings.draws(); k++) {
      List<Integer> pool = new ArrayList<>(repeats);
      for (int i = 0; i < n; i++) {
        java.util.Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
      }
      List<Integer> draw = new ArrayList<>(pool.subList(0, n));
      draw.sort(null);
      draws.add(draw);
    }
    return new Measured(
        tally(gate, baseline, selector, blocks, replace, gaps),
        tally(gate, baseline, selector, draws, replace, gaps));
  }

  private Tally tally(
      Gate gate,
      Baseline baseline,
      Selector selector,
      List<List<Integer>> draws,
      UnaryOperator<TrialResult> replace,
      Map<ComparisonKey, Map<Integer, Double>> gaps) {
    int rows = baseline.comparisons().size();
    int[] flagged = new int[rows];
    int gateFlagged = 0;
    List<List<Double>> drops = new ArrayList<>();
    List<List<Double>> powerDrops = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      drops.add(new ArrayList<>());
      powerDrops.add(new ArrayList<>());
    }
    for (List<Integer> draw : draws) {
      GateResult result =
          gate.evaluate(
              Map.of(settings.experiment(), selector.select(draw, replace)), List.of(baseline));
      boolean any = false;
      for (int i = 0; i < rows; i++) {
        GateRow row = result.rows().get(i);
        if (row.verdict() == Verdict.REGRESSED) {
          flagged[i]++;
          any = true;
        }
        if (!Double.isNaN(row.smallestFlaggedDrop())) {
          drops.get(i).add(row.smallestFlaggedDrop());
          double[] x = values(gaps.get(row.key()), draw);
          double[] y = baseline.comparisons().get(i).repeatGapArray();
          double trim = GapDrop.effectiveTrim(x, y, settings.trim());
          double margin = YuenTTest.margin(x, y, 1 - settings.power(), trim);
          // the Holm level of a row that comes first in its family: α / k
          double first = settings.alpha() / familySize(baseline, i);
          powerDrops
              .get(i)
              .add(settings.tolerance() + YuenTTest.margin(x, y, first, settings.trim()) + margin);
        }
      }
      if (any) {
        gateFlagged++;
      }
    }
    Rate[] rates = new Rate[rows];
    for (int i = 0; i < rows; i++) {
      rates[i] = Rate.of(flagged[i], draws.size());
    }
    return new Tally(draws.size(), Rate.of(gateFlagged, draws.size()), rates, drops, powerDrops);
  }

  private static int familySize(Baseline baseline, int row) {
    String metric = baseline.comparisons().get(row).metric();
    return (int) baseline.comparisons().stream().filter(c -> c.metric().equals(metric)).count();
  }

  /** Returns each row's per-repeat gaps over the selection, by repeat. */
  private Map<ComparisonKey, Map<Integer, Double>> gaps(ExperimentDirectory selection) {
    Map<ComparisonKey, Map<Integer, Double>> gaps = new HashMap<>();
    List<PairedSample> samples =
        new GapExtractor(settings.reference(), settings.metrics())
            .extract(settings.experiment(), selection.manifest().trials(), selection.trials());
    for (PairedSample sample : samples) {
      Map<Integer, Double> byRepeat = new HashMap<>();
      double[] values = sample.gaps();
      for (int i = 0; i < values.length; i++) {
        byRepeat.put(sample.repeats().get(i), values[i]);
      }
      gaps.put(sample.key(), byRepeat);
    }
    return gaps;
  }

  private static double[] values(Map<Integer, Double> byRepeat, List<Integer> repeats) {
    return repeats.stream().mapToDouble(byRepeat::get).toArray();
  }

  private void checkRange(
      String option,
      RepeatSet repeats,
      Map<Integer, List<PlannedTrial>> planned,
      String experiment) {
    if (planned.isEmpty()) {
      throw new GateInputException(
          option + " " + repeats + ": experiment " + experiment + " plans no repeat.");
    }
    int first = planned.keySet().stream().min(Integer::compare).orElseThrow();
    int last = planned.keySet().stream().max(Integer::compare).orElseThrow();
    for (int repeat : repeats.repeats()) {
      if (!planned.containsKey(repeat)) {
        throw new GateInputException(
            option
                + " "
                + repeats
                + " lies outside the run: experiment "
                + experiment
                + " plans repeats "
                + first
                + "-"
                + last
                + " and not repeat "
                + repeat
                + ". Give repeats within them.");
      }
    }
  }

  private List<Integer> complete(
      RepeatSet repeats,
      Map<Integer, List<PlannedTrial>> planned,
      Map<String, TrialResult> trials,
      Map<Integer, String> incomplete) {
    List<Integer> complete = new ArrayList<>();
    for (int repeat : repeats.repeats()) {
      String missing = null;
      for (PlannedTrial trial : planned.get(repeat)) {
        TrialResult result = trials.get(trial.trialId());
        if (result == null) {
          missing = trial.trialId() + " has no result";
        } else if (!completeWithMetrics(result)) {
          missing = trial.trialId() + " is " + result.status() + " or lacks a gated metric";
        }
        if (missing != null) {
          break;
        }
      }
      if (missing == null) {
        complete.add(repeat);
      } else {
        incomplete.put(repeat, missing);
      }
    }
    return complete;
  }

  private boolean completeWithMetrics(TrialResult trial) {
    if (trial == null || trial.status() != TrialStatus.COMPLETED || trial.metrics() == null) {
      return false;
    }
    for (String metric : settings.metrics()) {
      Double value = trial.metrics().get(metric);
      if (value == null || !Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  private static Map<Integer, List<PlannedTrial>> plannedByRepeat(List<PlannedTrial> planned) {
    Map<Integer, List<PlannedTrial>> byRepeat = new TreeMap<>();
    for (PlannedTrial trial : planned) {
      Integer repeat = repeatOf(trial.parameters());
      if (repeat != null) {
        byRepeat.computeIfAbsent(repeat, r -> new ArrayList<>()).add(trial);
      }
    }
    return byRepeat;
  }

  private static Integer repeatOf(Map<String, String> parameters) {
    String text = parameters == null ? null : parameters.get(ParameterKeys.REPEAT);
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The setting of a planned trial (without method and seed) and its repeat minus the offset. */
  private static String slot(Map<String, String> parameters, Set<String> ids, int offset) {
    SortedMap<String, String> setting = TrialSettings.of(parameters, ids);
    Integer repeat = repeatOf(parameters);
    return setting + "#" + (repeat == null ? "?" : repeat - offset);
  }

  /**
   * Returns the incomplete repeats of {@code set} as ranges ({@code 3-5, 9}) with the first
   * incomplete trial of the first of them.
   */
  static String describe(Map<Integer, String> incomplete, RepeatSet set) {
    List<Integer> repeats = incomplete.keySet().stream().filter(set::contains).sorted().toList();
    if (repeats.isEmpty()) {
      return "none";
    }
    return "repeats " + ranges(repeats) + ", e.g. " + incomplete.get(repeats.get(0));
  }

  /** Returns ascending repeats as ranges of consecutive ones, e.g. {@code 3-5, 9}. */
  static String ranges(List<Integer> repeats) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < repeats.size()) {
      int j = i;
      while (j + 1 < repeats.size() && repeats.get(j + 1) == repeats.get(j) + 1) {
        j++;
      }
      parts.add(i == j ? "" + repeats.get(i) : repeats.get(i) + "-" + repeats.get(j));
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  private static Spread spread(List<Double> values) {
    if (values.isEmpty()) {
      return new Spread(Double.NaN, Double.NaN);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    double median =
        sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return new Spread(mean(sorted), median);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double sd(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  /** Restricts the experiment's plan and trials to chosen repeats, in memory. */
  private static final class Selector {
    final ExperimentDirectory directory;
    final Map<Integer, List<PlannedTrial>> plannedByRepeat;
    final Map<String, TrialResult> trialsById;

    Selector(
        ExperimentDirectory directory,
        Map<Integer, List<PlannedTrial>> plannedByRepeat,
        Map<String, TrialResult> trialsById) {
      this.directory = directory;
      this.plannedByRepeat = plannedByRepeat;
      this.trialsById = trialsById;
    }

    ExperimentDirectory select(List<Integer> repeats, UnaryOperator<TrialResult> replace) {
      List<PlannedTrial> planned = new ArrayList<>();
      List<TrialResult> trials = new ArrayList<>();
      for (int repeat : repeats) {
        for (PlannedTrial trial : plannedByRepeat.get(repeat)) {
          planned.add(trial);
          TrialResult result = trialsById.get(trial.trialId());
          if (result != null) {
            trials.add(replace.apply(result));
          }
        }
      }
      return new ExperimentDirectory(
          directory.directory(),
          directory.manifest().withTrials(planned),
          trials,
          List.of(),
          List.of());
    }
  }

  private record Tally(
      int draws,
      Rate gate,
      Rate[] rows,
      List<List<Double>> smallestFlaggedDrops,
      List<List<Double>> powerDrops) {}

  private record Measured(Tally disjoint, Tally random) {}
}
