package io.github.trustregion.ci.baseline;

import io.github.trustregion.ci.run.GapExtractor;
import io.github.trustregion.ci.run.GapSummary;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.IncompleteRunException;
import io.github.trustregion.ci.run.PairedSample;
import io.github.trustregion.ci.run.RunAudit;
import io.github.trustregion.ci.run.RunConfiguration;
import io.github.trustregion.ci.run.RunReader;
import io.github.trustregion.ci.run.TrialProblem;
import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.stats.Comparisons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes baselines from a complete run: for every experiment, metric, setting and method other
 * than the reference, the gap to the reference with its interval, n, per-repeat gaps and tolerance.
 *
 * <p>A run with missing, diverged or failed trials is refused ({@link IncompleteRunException}).
 * Comparisons with fewer than 2 paired repeats are left out, since the gate's test needs at least 2
 * per side (an experiment planned with one repeat, like E2 at {@code ci} scale, is not gated), and
 * so are experiments without the reference method or the metrics (E1, E4); every experiment left
 * out is reported with the reason.
 *
 * <p>Each baseline records what its run trained on ({@link RunConfiguration}: workload, example
 * counts, parameter count, data type, planned batch sizes and epochs, run ids), which the gate
 * compares with the run it checks. A run whose trials disagree on the workload, the example counts
 * or the network is refused ({@link GateInputException}).
 */
public final class Blesser {

  private static final Logger LOG = LoggerFactory.getLogger(Blesser.class);

  private final BlessSettings settings;

  /** Creates a blesser with the given settings. */
  public Blesser(BlessSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Computes the baselines of every experiment in the run.
   *
   * @param run the results directory of the run to bless
   * @param existing the current baselines by experiment, whose tolerances are kept when the
   *     settings say so
   * @param provenance where the run came from (its scale and environment are filled in per
   *     experiment)
   * @throws IncompleteRunException when trials are missing, diverged or failed
   * @throws GateInputException when the directory holds no experiment, or the trials of a blessed
   *     experiment disagree on their workload, example counts or network
   */
  public BlessResult bless(ResultFiles run, Map<String, Baseline> existing, Provenance provenance) {
    return bless(RunReader.read(run), run.root().toString(), existing, provenance);
  }

  /**
   * Computes the baselines of every experiment of a run already read, or of a selection of its
   * trials (each experiment's plan restricted to the trials selected); see {@link
   * #bless(ResultFiles, Map, Provenance)}.
   *
   * @param read the run's experiments by id, as {@link RunReader#read} returns them
   * @param where the results directory (or selection) the experiments were read from, for messages
   * @param existing the current baselines by experiment
   * @param provenance where the run came from
   */
  public BlessResult bless(
      Map<String, ExperimentDirectory> read,
      String where,
      Map<String, Baseline> existing,
      Provenance provenance) {
    List<String> experiments = List.copyOf(read.keySet());
    if (experiments.isEmpty()) {
      throw new GateInputException(
          "The results directory "
              + where
              + " holds no experiment (no "
              + "<experiment>/manifest.json). Pass --results with the directory the experiments wrote.");
    }
    List<TrialProblem> problems = new ArrayList<>();
    Map<String, List<TrialResult>> trialsByExperiment = new LinkedHashMap<>();
    Map<String, ExperimentManifest> manifests = new LinkedHashMap<>();
    for (String experiment : experiments) {
      ExperimentManifest manifest = read.get(experiment).manifest();
      List<TrialResult> trials = read.get(experiment).trials();
      List<String> present =
          settings.metrics().stream()
              .filter(
                  m ->
                      trials.stream()
                          .anyMatch(t -> t.metrics() != null && t.metrics().containsKey(m)))
              .toList();
      problems.addAll(RunAudit.audit(manifest, trials, present));
      manifests.put(experiment, manifest);
      trialsByExperiment.put(experiment, trials);
    }
    if (!problems.isEmpty()) {
      throw new IncompleteRunException(problems);
    }
    Comparisons comparisons = new Comparisons(settings.statistics());
    GapExtractor extractor = new GapExtractor(settings.reference(), settings.metrics());
    List<Baseline> baselines = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (String experiment : experiments) {
      List<TrialResult> trials = trialsByExperiment.get(experiment);
      List<PairedSample> samples =
          extractor.extract(experiment, manifests.get(experiment).trials(), trials);
      if (samples.isEmpty()) {
        String reason =
            "no setting has both the reference method "
                + settings.reference()
                + " and another method with metric(s) "
                + settings.metrics();
        skipped.put(experiment, reason);
        LOG.info("Not blessing experiment {}: {}.", experiment, reason);
        continue;
      }
      Map<String, Double> keptTolerances = keptTolerances(existing.get(experiment));
      List<BaselineComparison> entries = new ArrayList<>();
      List<String> tooFew = new ArrayList<>();
      for (PairedSample sample : samples) {
        if (sample.size() < 2) {
          tooFew.add(
              sample.key().metric()
                  + " ["
                  + sample.key().settingText()
                  + "] "
                  + sample.key().pairText()
                  + " (n = "
                  + sample.size()
                  + ")");
        } else {
          entries.add(entry(sample, comparisons, keptTolerances));
        }
      }
      if (!tooFew.isEmpty()) {
        String reason =
            "fewer than 2 paired repeats, which the gate's Welch test needs; run the experiment with "
                + "at least 2 repeats at this scale to gate: "
                + String.join(", ", tooFew);
        skipped.put(experiment, reason);
        LOG.warn("Not blessing {} comparison(s) of {}: {}.", tooFew.size(), experiment, reason);
      }
      if (entries.isEmpty()) {
        continue;
      }
      ExperimentManifest manifest = manifests.get(experiment);
      Map<String, String> environment = trials.isEmpty() ? Map.of() : trials.get(0).environment();
      baselines.add(
          new Baseline(
              Baseline.SCHEMA_VERSION,
              experiment,
              manifest.scale(),
              RunConfiguration.of(manifest, trials),
              provenance.forRun(manifest.scale(), environment),
              entries));
    }
    return new BlessResult(baselines, skipped);
  }

  private BaselineComparison entry(
      PairedSample sample, Comparisons comparisons, Map<String, Double> kept) {
    GapSummary summary = GapSummary.of(sample, comparisons);
    String id =
        identity(
            sample.key().metric(),
            sample.key().setting(),
            sample.key().method(),
            sample.key().reference());
    double tolerance =
        settings.keepExistingTolerances() && kept.containsKey(id)
            ? kept.get(id)
            : settings.tolerance();
    List<Double> gaps = java.util.Arrays.stream(sample.gaps()).boxed().toList();
    return new BaselineComparison(
        sample.key().metric(),
        sample.key().setting(),
        sample.key().method(),
        sample.key().reference(),
        summary.gap(),
        summary.ciLow(),
        summary.ciHigh(),
        summary.confidenceLevel(),
        summary.methodMean(),
        summary.referenceMean(),
        summary.n(),
        gaps,
        tolerance);
  }

  private static Map<String, Double> keptTolerances(Baseline baseline) {
    if (baseline == null) {
      return Map.of();
    }
    return baseline.comparisons().stream()
        .collect(
            Collectors.toMap(
                c -> identity(c.metric(), c.setting(), c.method(), c.reference()),
                BaselineComparison::tolerance,
                (a, b) -> a));
  }

  private static String identity(
      String metric, Map<String, String> setting, String method, String reference) {
    return metric + "|" + new java.util.TreeMap<>(setting) + "|" + method + "|" + reference;
  }
}
