package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrustRegionSummary;
import io.github.trustregion.reports.stats.SampleSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The cost and trust-region telemetry table: per method and setting, over the completed trials with
 * epochs, the wall time, the epochs, the training seconds per epoch (and their ratio to SGD's at
 * the same setting), the evaluation counts of the last epoch and the work in gradient-equivalents,
 * the trust-region steps, ratio-tested steps, rejections, boundary steps and hard cases summed over
 * all epochs, the step-weighted mean ρ, the mean final radius, and the method switches of Hybrid
 * runs. Rejections and ρ count only steps with a ratio test: TR-code's fixed-radius steps are
 * trust-region steps without one, so its rejection rate is NaN rather than 0.
 */
public final class CostTable {

  private CostTable() {}

  /**
   * Returns one row per group with at least one completed trial that has epochs, in the groups'
   * order; the s/epoch ratio is against SGD's row at the same setting (NaN without one).
   */
  public static List<CostRow> rows(List<TrialGroup> groups) {
    List<CostRow> rows = new ArrayList<>();
    for (TrialGroup g : groups) {
      List<TrialResult> done = g.completed().stream().filter(t -> !t.epochs().isEmpty()).toList();
      if (done.isEmpty()) {
        continue;
      }
      double[] wall = done.stream().mapToDouble(TrialResult::wallSeconds).toArray();
      SampleSummary w = SampleSummary.of(wall);
      long steps = 0;
      long tested = 0;
      long rejections = 0;
      long boundary = 0;
      long hard = 0;
      double rhoWeighted = 0;
      long rhoSteps = 0;
      double finalRadius = 0;
      int radiusTrials = 0;
      Map<String, Integer> switches = new LinkedHashMap<>();
      for (TrialResult t : done) {
        TrustRegionSummary lastTr = null;
        String previous = null;
        for (EpochRecord e : t.epochs()) {
          TrustRegionSummary tr = e.trustRegion();
          if (tr != null) {
            steps += tr.steps();
            tested += tr.ratioTestedSteps();
            rejections += tr.rejections();
            boundary += tr.boundarySteps();
            hard += tr.hardCases();
            if (Double.isFinite(tr.meanRho()) && tr.ratioTestedSteps() > 0) {
              rhoWeighted += tr.meanRho() * tr.ratioTestedSteps();
              rhoSteps += tr.ratioTestedSteps();
            }
            lastTr = tr;
          }
          if (previous != null && e.activeMethod() != null && !previous.equals(e.activeMethod())) {
            switches.merge(
                previous + "→" + e.activeMethod() + " after epoch " + (e.epoch() - 1),
                1,
                Integer::sum);
          }
          previous = e.activeMethod();
        }
        if (lastTr != null && Double.isFinite(lastTr.finalRadius())) {
          finalRadius += lastTr.finalRadius();
          radiusTrials++;
        }
      }
      List<String> switchList = new ArrayList<>();
      switches.forEach((k, v) -> switchList.add(k + " (" + v + " of " + done.size() + " trials)"));
      rows.add(
          new CostRow(
              g.settingLabel(),
              g.method(),
              done.size(),
              w.mean(),
              w.sd(),
              mean(done, t -> t.epochs().size()),
              mean(done, t -> last(t).wallSeconds() / t.epochs().size()),
              Double.NaN,
              mean(done, t -> last(t).gradientEvaluations()),
              mean(done, t -> last(t).hessianVectorProducts()),
              mean(done, t -> last(t).functionEvaluations()),
              mean(done, t -> last(t).gradientEquivalentsOrCounted()),
              steps,
              tested,
              rejections,
              tested > 0 ? rejections / (double) tested : Double.NaN,
              steps > 0 ? boundary / (double) steps : Double.NaN,
              hard,
              rhoSteps > 0 ? rhoWeighted / rhoSteps : Double.NaN,
              radiusTrials > 0 ? finalRadius / radiusTrials : Double.NaN,
              switchList));
    }
    Map<String, Double> sgd = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> r.method().equalsIgnoreCase("SGD"))
        .forEach(r -> sgd.put(r.setting(), r.trainingSecondsPerEpoch()));
    return rows.stream()
        .map(
            r ->
                new CostRow(
                    r.setting(),
                    r.method(),
                    r.n(),
                    r.wallSeconds(),
                    r.wallSecondsSd(),
                    r.epochs(),
                    r.trainingSecondsPerEpoch(),
                    r.trainingSecondsPerEpoch() / sgd.getOrDefault(r.setting(), Double.NaN),
                    r.gradientEvaluations(),
                    r.hessianVectorProducts(),
                    r.functionEvaluations(),
                    r.gradientEquivalents(),
                    r.trSteps(),
                    r.ratioTests(),
                    r.trRejections(),
                    r.rejectionRate(),
                    r.boundaryFraction(),
                    r.hardCases(),
                    r.meanRho(),
                    r.finalRadius(),
                    r.methodSwitches()))
        .toList();
  }

  private static EpochRecord last(TrialResult t) {
    return t.epochs().get(t.epochs().size() - 1);
  }

  private static double mean(List<TrialResult> trials, ToDoubleFunction<TrialResult> f) {
    return trials.stream().mapToDouble(f).average().orElse(Double.NaN);
  }
}
