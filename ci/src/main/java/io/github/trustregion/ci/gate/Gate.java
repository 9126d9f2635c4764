package io.github.trustregion.ci.gate;

import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BaselineComparison;
import io.github.trustregion.ci.run.ComparisonKey;
import io.github.trustregion.ci.run.GapExtractor;
import io.github.trustregion.ci.run.GapSummary;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.PairedSample;
import io.github.trustregion.ci.run.RunAudit;
import io.github.trustregion.ci.run.RunConfiguration;
import io.github.trustregion.ci.run.RunReader;
import io.github.trustregion.ci.run.TrialProblem;
import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.Comparisons;
import io.github.trustregion.reports.stats.Holm;
import io.github.trustregion.reports.stats.YuenTTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares a run's accuracy gaps with the baselines and decides whether any regressed.
 *
 * <p>The rule, for every baselined comparison (experiment, metric, setting, method − reference):
 *
 * <ol>
 *   <li>The new run's per-repeat gaps are paired by repeat from its completed trials; with fewer
 *       than 2 pairs the row is {@link Verdict#NO_DATA} and the run is incomplete.
 *   <li>{@link GapDrop}: a one-sided Yuen test (Welch's test of trimmed means, 20 % trimmed from
 *       each end by default; Welch's test of means when either sample has fewer than {@link
 *       GapDrop#MIN_TRIMMED_SIZE} repeats) of the new per-repeat gaps against the baseline's, H₁
 *       "new trimmed mean gap &lt; baseline trimmed mean gap − tolerance", gives a raw p-value.
 *       When neither sample varies there is no test (NaN): the row is {@link Verdict#NOT_TESTABLE}
 *       and the run incomplete.
 *   <li>Holm's step-down correction ({@link Holm}) over the gate's own rows of each experiment and
 *       metric (the family is every baselined setting × pair on that metric; final-epoch and
 *       best-epoch accuracy are separate questions, never mixed; the HTML report instead adjusts
 *       over all comparisons of an experiment) gives the adjusted p-value. Each family's error rate
 *       is at most α; the nightly's as a whole at most α times the number of families. Identical
 *       rows (such as TR and a Hybrid that never switched, at the same setting) count separately.
 *   <li>{@link Verdict#REGRESSED} if the adjusted p-value is ≤ α; otherwise {@link Verdict#PASS} if
 *       the change {@code newGap − baselineGap} is ≥ −tolerance, and {@link Verdict#WITHIN_NOISE}
 *       if it is below but not significantly.
 * </ol>
 *
 * <p>Every tested row also states the smallest drop it would have been flagged for (the gate's
 * power at this run's noise): with the other rows of its family at their observed p-values, the row
 * is rejected exactly when its raw p-value is at most {@code α/(k − m)} ({@link
 * Holm#rejectionLevel}: k tested rows, m of the others rejected ahead of it; {@code α/k} when none
 * is), and {@link GapDrop#smallestFlaggedDrop} solves {@code p = α/(k − m)} for the drop: {@code D
 * = τ + t_{1 − α/(k−m), ν} · √(d_x + d_y)}, with the observed (winsorized) spreads, kept sizes and
 * Welch–Satterthwaite ν (a shift of the gaps changes neither). At a drop of exactly D the adjusted
 * p-value is α; any larger drop is flagged.
 *
 * <p>Independently, every experiment of the run is audited against its manifest: planned trials
 * without a result file, diverged and failed trials, and completed trials without a gated metric
 * are problems, and so is a baselined experiment absent from the run. Any problem makes the outcome
 * {@link GateOutcome#INCOMPLETE}.
 *
 * <p>Before any gap is compared, every baselined experiment's run must have trained on what its
 * baseline was computed on ({@link RunConfiguration}): the same scale, workload, numbers of
 * training and test examples, parameter count, data type and planned (batch size, epochs) pairs. A
 * difference is bad input ({@link ConfigurationMismatchException}, naming every differing field),
 * not a regression. A field that the baseline (written before it was recorded) or the run's trials
 * do not record is not compared and is reported in {@link GateResult#configurations()}, together
 * with the run ids of the trials. Stateless and thread-safe.
 */
public final class Gate {

  private final ComparisonSettings settings;
  private final double trim;

  /**
   * Creates a gate that trims {@link YuenTTest#DEFAULT_TRIM} of the gaps from each end.
   *
   * @param settings α (the family-wise level of the Holm-corrected test) and the level of the Welch
   *     intervals shown, the same as the HTML report's
   */
  public Gate(ComparisonSettings settings) {
    this(settings, YuenTTest.DEFAULT_TRIM);
  }

  /**
   * Creates a gate.
   *
   * @param settings α (the family-wise level of the Holm-corrected test) and the level of the Welch
   *     intervals shown, the same as the HTML report's
   * @param trim the fraction of each sample of gaps trimmed from each end by the test, in [0, 0.5)
   *     (0: Welch's test of means)
   */
  public Gate(ComparisonSettings settings, double trim) {
    if (!(trim >= 0 && trim < 0.5)) {
      throw new IllegalArgumentException(
          "The gate's trimming fraction must lie in [0, 0.5) but was " + trim + ".");
    }
    this.settings = settings;
    this.trim = trim;
  }

  /** Returns the fraction of each sample of gaps that the test trims from each end. */
  public double trim() {
    return trim;
  }

  /**
   * Evaluates a run against the baselines.
   *
   * @param run the results directory of the new run
   * @param baselines the baselines, at least one
   * @throws GateInputException when there is no baseline, or the run's scale differs from a
   *     baseline's
   * @throws ConfigurationMismatchException when a run trained on something other than its baseline
   *     was computed on
   */
  public GateResult evaluate(ResultFiles run, List<Baseline> baselines) {
    return evaluate(RunReader.read(run), baselines);
  }

  /**
   * Evaluates a run already read (or a selection of its trials, each experiment's plan restricted
   * to the trials selected) against the baselines; see {@link #evaluate(ResultFiles, List)}.
   *
   * @param read the run's experiments by id, as {@link RunReader#read} returns them
   * @param baselines the baselines, at least one
   */
  public GateResult evaluate(Map<String, ExperimentDirectory> read, List<Baseline> baselines) {
    if (baselines.isEmpty()) {
      throw new GateInputException(
          "There are no baselines to compare with. Write them from a complete run "
              + "at ci scale with 'bless', and commit ci/baselines.");
    }
    Comparisons comparisons = new Comparisons(settings);
    List<TrialProblem> problems = new ArrayList<>();
    List<PendingRow> pending = new ArrayList<>();
    Set<String> baselined =
        baselines.stream().map(Baseline::experiment).collect(Collectors.toSet());
    List<String> ungated = new ArrayList<>();
    List<ConfigurationCheck> configurations = new ArrayList<>();
    List<ConfigurationDifference> differences = new ArrayList<>();
    read.forEach(
        (experiment, directory) -> {
          if (!baselined.contains(experiment)) {
            ungated.add(experiment);
            problems.addAll(RunAudit.audit(directory.manifest(), directory.trials(), List.of()));
          }
        });
    for (Baseline baseline : baselines) {
      evaluate(read, baseline, comparisons, problems, pending, configurations, differences);
    }
    if (!differences.isEmpty()) {
      throw new ConfigurationMismatchException(differences);
    }
    double[] adjusted = new double[pending.size()];
    double[] smallestFlaggedDrop = new double[pending.size()];
    Map<String, List<Integer>> families = new LinkedHashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      ComparisonKey key = pending.get(i).key;
      families
          .computeIfAbsent(key.experiment() + "\u0000" + key.metric(), k -> new ArrayList<>())
          .add(i);
    }
    for (List<Integer> family : families.values()) {
      double[] raw = family.stream().mapToDouble(i -> pending.get(i).pValue).toArray();
      double[] familyAdjusted = Holm.adjust(raw);
      for (int f = 0; f < family.size(); f++) {
        PendingRow row = pending.get(family.get(f));
        adjusted[family.get(f)] = familyAdjusted[f];
        smallestFlaggedDrop[family.get(f)] =
            Double.isNaN(row.pValue)
                ? Double.NaN
                : GapDrop.smallestFlaggedDrop(
                    row.newGaps,
                    row.baseline.repeatGapArray(),
                    row.baseline.tolerance(),
                    Holm.rejectionLevel(raw, f, settings.alpha()),
                    trim);
      }
    }
    List<GateRow> rows = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      rows.add(pending.get(i).toRow(adjusted[i], smallestFlaggedDrop[i], settings.alpha()));
    }
    return new GateResult(rows, problems, ungated, configurations, settings.alpha(), trim);
  }

  private void evaluate(
      Map<String, ExperimentDirectory> read,
      Baseline baseline,
      Comparisons comparisons,
      List<TrialProblem> problems,
      List<PendingRow> rows,
      List<ConfigurationCheck> configurations,
      List<ConfigurationDifference> differences) {
    String experiment = baseline.experiment();
    if (!read.containsKey(experiment)) {
      problems.add(
          new TrialProblem(
              experiment,
              "(experiment)",
              TrialProblem.Kind.NOT_IN_RUN,
              "has a baseline but the run has no "
                  + experiment
                  + "/"
                  + ResultFiles.MANIFEST
                  + "; run it, or delete its baseline if the experiment was removed"));
      baseline
          .comparisons()
          .forEach(c -> rows.add(new PendingRow(c.key(experiment), c, null, null, Double.NaN)));
      return;
    }
    ExperimentManifest manifest = read.get(experiment).manifest();
    if (!baseline.scale().equals(manifest.scale())) {
      throw new GateInputException(
          "Experiment "
              + experiment
              + " ran at scale '"
              + manifest.scale()
              + "' but its baseline "
              + experiment
              + ".json was blessed at scale '"
              + baseline.scale()
              + "'. Gate a run at scale '"
              + baseline.scale()
              + "', or re-bless from a run at '"
              + manifest.scale()
              + "'.");
    }
    List<TrialResult> trials = read.get(experiment).trials();
    configurations.add(
        compare(
            experiment,
            baseline.configuration(),
            RunConfiguration.of(manifest, trials),
            differences));
    problems.addAll(RunAudit.audit(manifest, trials, baseline.metrics()));
    Map<ComparisonKey, PairedSample> samples = new HashMap<>();
    Map<String, List<BaselineComparison>> byReference =
        baseline.comparisons().stream()
            .collect(
                Collectors.groupingBy(
                    BaselineComparison::reference, LinkedHashMap::new, Collectors.toList()));
    byReference.forEach(
        (reference, entries) -> {
          List<String> metrics =
              entries.stream()
                  .map(BaselineComparison::metric)
                  .collect(Collectors.toCollection(TreeSet::new))
                  .stream()
                  .toList();
          new GapExtractor(reference, metrics)
              .extract(experiment, manifest.trials(), trials)
              .forEach(s -> samples.put(s.key(), s));
        });
    for (BaselineComparison entry : baseline.comparisons()) {
      ComparisonKey key = entry.key(experiment);
      PairedSample sample = samples.get(key);
      if (sample == null || sample.size() < 2) {
        int n = sample == null ? 0 : sample.size();
        problems.add(
            new TrialProblem(
                experiment,
                key.metric() + " [" + key.settingText() + "] " + key.pairText(),
                TrialProblem.Kind.NOT_IN_RUN,
                "the run has "
                    + n
                    + " paired repeat(s) of this baselined comparison; "
                    + "the gate needs at least 2"));
        rows.add(new PendingRow(key, entry, null, null, Double.NaN));
        continue;
      }
      GapSummary summary = GapSummary.of(sample, comparisons);
      double p = GapDrop.pValue(sample.gaps(), entry.repeatGapArray(), entry.tolerance(), trim);
      if (Double.isNaN(p)) {
        problems.add(
            new TrialProblem(
                experiment,
                key.metric() + " [" + key.settingText() + "] " + key.pairText(),
                TrialProblem.Kind.NO_VARIANCE,
                String.format(
                    java.util.Locale.ROOT,
                    "neither the run's %d nor the baseline's %d per-repeat gaps vary (change %+.2f points), so there "
                        + "is no estimate of the noise to test against; check that the repeats use different seeds, "
                        + "or re-bless from a run whose repeats differ",
                    sample.size(),
                    entry.n(),
                    100 * (summary.gap() - entry.gap()))));
      }
      rows.add(new PendingRow(key, entry, summary, sample.gaps(), p));
    }
  }

  /**
   * Compares every field of the run's configuration with the baseline's, adds the differences and
   * returns the fields that could not be compared and the run's ids.
   */
  private static ConfigurationCheck compare(
      String experiment,
      RunConfiguration blessed,
      RunConfiguration current,
      List<ConfigurationDifference> differences) {
    Map<String, String> runValues = current.comparedValues();
    Map<String, String> baselineValues =
        blessed == null ? new LinkedHashMap<>() : blessed.comparedValues();
    List<String> unknownInBaseline = new ArrayList<>();
    List<String> unknownInRun = new ArrayList<>();
    runValues.forEach(
        (field, runValue) -> {
          String baselineValue = baselineValues.get(field);
          if (runValue == null) {
            unknownInRun.add(
                field); // whatever the baseline says, this run cannot be compared on it
          } else if (baselineValue == null) {
            unknownInBaseline.add(field);
          } else if (!baselineValue.equals(runValue)) {
            differences.add(
                new ConfigurationDifference(experiment, field, baselineValue, runValue));
          }
        });
    return new ConfigurationCheck(experiment, unknownInBaseline, unknownInRun, current.runIds());
  }

  /**
   * A row before Holm's correction; {@code summary} and {@code newGaps} are null when the run has
   * no data for it.
   */
  private record PendingRow(
      ComparisonKey key,
      BaselineComparison baseline,
      GapSummary summary,
      double[] newGaps,
      double pValue) {

    GateRow toRow(double adjustedP, double smallestFlaggedDrop, double alpha) {
      if (summary == null) {
        return new GateRow(
            key,
            baseline.gap(),
            baseline.ciLow(),
            baseline.ciHigh(),
            baseline.n(),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            Double.NaN,
            baseline.tolerance(),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Verdict.NO_DATA);
      }
      double change = summary.gap() - baseline.gap();
      Verdict verdict;
      if (Double.isNaN(pValue)) {
        verdict = Verdict.NOT_TESTABLE;
      } else if (adjustedP <= alpha) {
        verdict = Verdict.REGRESSED;
      } else {
        verdict = change >= -baseline.tolerance() ? Verdict.PASS : Verdict.WITHIN_NOISE;
      }
      return new GateRow(
          key,
          baseline.gap(),
          baseline.ciLow(),
          baseline.ciHigh(),
          baseline.n(),
          summary.gap(),
          summary.ciLow(),
          summary.ciHigh(),
          summary.n(),
          change,
          baseline.tolerance(),
          pValue,
          adjustedP,
          smallestFlaggedDrop,
          verdict);
    }
  }
}
