package io.github.trustregion.ci.gate;

import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BaselineComparison;
import io.github.trustregion.ci.run.ComparisonKey;
import io.github.trustregion.ci.run.GapExtractor;
import io.github.trustregion.ci.run.GapSummary;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.PairedSample;
import io.github.trustregion.ci.run.RunAudit;
import io.github.trustregion.ci.run.TrialProblem;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.Comparisons;
import io.github.trustregion.reports.stats.Holm;
import java.nio.file.Files;
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
 *   <li>{@link GapDrop}: a one-sided Welch test of the new per-repeat gaps against the baseline's,
 *       H₁ "new mean gap &lt; baseline mean gap − tolerance", gives a raw p-value.
 *   <li>Holm's step-down correction ({@link Holm}) within each experiment and metric (the family is
 *       every setting × pair compared on that metric, as in one table of the report; final-epoch
 *       and best-epoch accuracy are separate questions, never mixed) gives the adjusted p-value.
 *       Each family's error rate is at most α; the nightly's as a whole at most α times the number
 *       of families.
 *   <li>{@link Verdict#REGRESSED} if the adjusted p-value is ≤ α; otherwise {@link Verdict#PASS}
 *       if the change {@code newGap − baselineGap} is ≥ −tolerance, and
 *       {@link Verdict#WITHIN_NOISE} if it is below but not significantly.
 * </ol>
 *
 * <p>Independently, every experiment of the run is audited against its manifest: planned trials
 * without a result file, diverged and failed trials, and completed trials without a gated metric
 * are problems, and so is a baselined experiment absent from the run. Any problem makes the
 * outcome {@link GateOutcome#INCOMPLETE}. Stateless and thread-safe.
 */
public final class Gate {

  private final ComparisonSettings settings;

  /**
   * Creates a gate.
   *
   * @param settings α (the family-wise level of the Holm-corrected test) and the bootstrap
   *     settings of the intervals shown, the same as the HTML report's
   */
  public Gate(ComparisonSettings settings) {
    this.settings = settings;
  }

  /**
   * Evaluates a run against the baselines.
   *
   * @param run the results directory of the new run
   * @param baselines the baselines, at least one
   * @throws GateInputException when there is no baseline, or the run's scale differs from a
   *     baseline's
   */
  public GateResult evaluate(ResultFiles run, List<Baseline> baselines) {
    if (baselines.isEmpty()) {
      throw new GateInputException("There are no baselines to compare with. Write them from a complete run "
          + "at ci scale with 'bless', and commit ci/baselines.");
    }
    Comparisons comparisons = new Comparisons(settings);
    List<TrialProblem> problems = new ArrayList<>();
    List<PendingRow> pending = new ArrayList<>();
    Set<String> baselined = baselines.stream().map(Baseline::experiment).collect(Collectors.toSet());
    List<String> ungated = new ArrayList<>();
    for (String experiment : run.experiments()) {
      if (!baselined.contains(experiment)) {
        ungated.add(experiment);
        problems.addAll(RunAudit.audit(run.readManifest(experiment), run.readTrials(experiment), List.of()));
      }
    }
    for (Baseline baseline : baselines) {
      evaluate(run, baseline, comparisons, problems, pending);
    }
    double[] adjusted = new double[pending.size()];
    Map<String, List<Integer>> families = new LinkedHashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      ComparisonKey key = pending.get(i).key;
      families.computeIfAbsent(key.experiment() + "\u0000" + key.metric(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> family : families.values()) {
      double[] familyAdjusted = Holm.adjust(family.stream().mapToDouble(i -> pending.get(i).pValue).toArray());
      for (int f = 0; f < family.size(); f++) {
        adjusted[family.get(f)] = familyAdjusted[f];
      }
    }
    List<GateRow> rows = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      rows.add(pending.get(i).toRow(adjusted[i], settings.alpha()));
    }
    return new GateResult(rows, problems, ungated, settings.alpha());
  }

  private void evaluate(
      ResultFiles run, Baseline baseline, Comparisons comparisons, List<TrialProblem> problems, List<PendingRow> rows) {
    String experiment = baseline.experiment();
    if (!Files.isRegularFile(run.experimentDirectory(experiment).resolve(ResultFiles.MANIFEST))) {
      problems.add(new TrialProblem(experiment, "(experiment)", TrialProblem.Kind.NOT_IN_RUN,
          "has a baseline but the run has no " + experiment + "/" + ResultFiles.MANIFEST
              + "; run it, or delete its baseline if the experiment was removed"));
      baseline.comparisons().forEach(c -> rows.add(new PendingRow(c.key(experiment), c, null, Double.NaN)));
      return;
    }
    ExperimentManifest manifest = run.readManifest(experiment);
    if (!baseline.scale().equals(manifest.scale())) {
      throw new GateInputException("Experiment " + experiment + " ran at scale '" + manifest.scale()
          + "' but its baseline " + experiment + ".json was blessed at scale '" + baseline.scale()
          + "'. Gate a run at scale '" + baseline.scale() + "', or re-bless from a run at '" + manifest.scale() + "'.");
    }
    List<TrialResult> trials = RunAudit.planned(manifest, run.readTrials(experiment));
    problems.addAll(RunAudit.audit(manifest, trials, baseline.metrics()));
    Map<ComparisonKey, PairedSample> samples = new HashMap<>();
    Map<String, List<BaselineComparison>> byReference = baseline.comparisons().stream()
        .collect(Collectors.groupingBy(BaselineComparison::reference, LinkedHashMap::new, Collectors.toList()));
    byReference.forEach((reference, entries) -> {
      List<String> metrics = entries.stream().map(BaselineComparison::metric).collect(Collectors.toCollection(TreeSet::new))
          .stream().toList();
      new GapExtractor(reference, metrics).extract(experiment, trials).forEach(s -> samples.put(s.key(), s));
    });
    for (BaselineComparison entry : baseline.comparisons()) {
      ComparisonKey key = entry.key(experiment);
      PairedSample sample = samples.get(key);
      if (sample == null || sample.size() < 2) {
        int n = sample == null ? 0 : sample.size();
        problems.add(new TrialProblem(experiment, key.metric() + " [" + key.settingText() + "] " + key.pairText(),
            TrialProblem.Kind.NOT_IN_RUN, "the run has " + n + " paired repeat(s) of this baselined comparison; "
                + "the gate needs at least 2"));
        rows.add(new PendingRow(key, entry, null, Double.NaN));
        continue;
      }
      GapSummary summary = GapSummary.of(sample, comparisons);
      double p = GapDrop.pValue(sample.gaps(), entry.repeatGapArray(), entry.tolerance());
      rows.add(new PendingRow(key, entry, summary, p));
    }
  }

  /** A row before Holm's correction; {@code summary} is null when the run has no data for it. */
  private record PendingRow(ComparisonKey key, BaselineComparison baseline, GapSummary summary, double pValue) {

    GateRow toRow(double adjustedP, double alpha) {
      if (summary == null) {
        return new GateRow(key, baseline.gap(), baseline.ciLow(), baseline.ciHigh(), baseline.n(),
            Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, baseline.tolerance(), Double.NaN, Double.NaN,
            Verdict.NO_DATA);
      }
      double change = summary.gap() - baseline.gap();
      Verdict verdict = adjustedP <= alpha
          ? Verdict.REGRESSED
          : change >= -baseline.tolerance() ? Verdict.PASS : Verdict.WITHIN_NOISE;
      return new GateRow(key, baseline.gap(), baseline.ciLow(), baseline.ciHigh(), baseline.n(),
          summary.gap(), summary.ciLow(), summary.ciHigh(), summary.n(), change, baseline.tolerance(),
          pValue, adjustedP, verdict);
    }
  }
}
