package io.github.trustregion.reports.analysis.claims;

import io.github.trustregion.framework.result.ClaimBatch;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.ClaimDirection;
import io.github.trustregion.framework.result.EpochRecord;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.result.TuningChoice;
import io.github.trustregion.reports.analysis.Analyzer;
import io.github.trustregion.reports.analysis.TrialKeys;
import io.github.trustregion.reports.fit.IterationCountFit;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.Holm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates the claims every experiment of a run declares: per claim, one row per setting it holds
 * at, with the quantity its {@link ClaimComparison} decides, the paired t-test where the trials
 * pair by repeat index (or the quantity is one value per trial) and Welch's test of the groups
 * otherwise, Holm's correction across all rows of the run (the claims' one-sided p-values are one
 * family, the opposite one-sided p-values another), and the verdict.
 *
 * <p>A row is "supported" when the Holm-adjusted one-sided p-value in the claim's direction is
 * below α, "contradicted" when that of the opposite direction is, and "not distinguishable at this
 * n" otherwise; a {@link ClaimComparison#BOUND} row is "contradicted" as soon as one instance
 * breaks the bound, whatever its test of the mean margin says (its note counts the instances that
 * do and gives the worst margin); "not tested" when the quantity has fewer than 2 units (or groups
 * with fewer than 2 trials) or no spread. A ratio of training seconds pairs only trials timed on
 * the same processor model (environment {@code cpu}). Only completed trials count, and tuning
 * trials (which carry the label of the method they tune, on a validation split) never do.
 */
public final class ClaimEvaluator {

  /** The environment key of a trial's processor model. */
  private static final String CPU = "cpu";

  private final double alpha;

  /** Creates an evaluator at significance level {@code alpha} (intervals at 1 − alpha). */
  public ClaimEvaluator(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1) but was " + alpha + ".");
    }
    this.alpha = alpha;
  }

  /** A row before Holm's correction. */
  private record Pending(
      String experiment,
      ClaimDeclaration claim,
      String setting,
      Optional<ClaimTest.Result> result,
      String note,
      PaperEffect paper,
      boolean violated) {

    Pending(
        String experiment,
        ClaimDeclaration claim,
        String setting,
        Optional<ClaimTest.Result> result,
        String note,
        PaperEffect paper) {
      this(experiment, claim, setting, result, note, paper, false);
    }

    Pending withPaper(PaperEffect effect) {
      return new Pending(experiment, claim, setting, result, note, effect, violated);
    }

    /** Returns this row with a note on its instances and whether one of them breaks the bound. */
    Pending withInstances(String instances, boolean broken) {
      String joined = note.isBlank() ? instances : note + "; " + instances;
      return new Pending(experiment, claim, setting, result, joined, paper, broken);
    }

    double p() {
      return result.map(r -> direction(r, claim.direction())).orElse(Double.NaN);
    }

    double opposite() {
      return result
          .map(
              r ->
                  direction(
                      r,
                      claim.direction() == ClaimDirection.AT_LEAST
                          ? ClaimDirection.AT_MOST
                          : ClaimDirection.AT_LEAST))
          .orElse(Double.NaN);
    }

    private static double direction(ClaimTest.Result r, ClaimDirection d) {
      return d == ClaimDirection.AT_LEAST ? r.pGreater() : r.pLess();
    }
  }

  /** Returns the claims table of the run: every declared claim of every experiment, by setting. */
  public List<ClaimRow> evaluate(List<LoadedExperiment> experiments) {
    List<Pending> pending = new ArrayList<>();
    for (LoadedExperiment e : experiments) {
      for (ClaimDeclaration c : e.manifest().claims()) {
        pending.addAll(evaluate(e, c));
      }
    }
    double[] adjusted = Holm.adjust(pending.stream().mapToDouble(Pending::p).toArray());
    double[] opposite = Holm.adjust(pending.stream().mapToDouble(Pending::opposite).toArray());
    List<ClaimRow> rows = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      ClaimDeclaration c = p.claim();
      Optional<ClaimTest.Result> r = p.result();
      String verdict;
      if (p.violated()) {
        verdict = ClaimRow.CONTRADICTED;
      } else if (Double.isNaN(adjusted[i])) {
        verdict = p.note().isBlank() ? "not tested: no test possible" : "not tested (see the note)";
      } else if (adjusted[i] < alpha) {
        verdict = ClaimRow.SUPPORTED;
      } else if (opposite[i] < alpha) {
        verdict = ClaimRow.CONTRADICTED;
      } else {
        verdict = ClaimRow.NOT_DISTINGUISHABLE;
      }
      rows.add(
          new ClaimRow(
              p.experiment(),
              c.id(),
              c.statement(),
              c.source(),
              c.quantity() + " " + c.direction().symbol() + " " + format(c.threshold()),
              p.setting(),
              r.filter(ClaimTest.Result::defined).map(ClaimTest.Result::kind).orElse("—"),
              r.map(ClaimTest.Result::n).orElse(0),
              r.map(ClaimTest.Result::effect).orElse(Double.NaN),
              r.map(ClaimTest.Result::lower).orElse(Double.NaN),
              r.map(ClaimTest.Result::upper).orElse(Double.NaN),
              p.p(),
              adjusted[i],
              opposite[i],
              r.map(ClaimTest.Result::detectable).orElse(Double.NaN),
              verdict,
              p.note(),
              p.paper().effect(),
              p.paper().setting()));
    }
    return rows;
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Evaluates one claim of one experiment: one pending row per setting it holds at. */
  private List<Pending> evaluate(LoadedExperiment e, ClaimDeclaration c) {
    Set<String> ids = new HashSet<>(e.manifest().trialsById().keySet());
    e.trials().forEach(t -> ids.add(t.trialId()));
    List<TrialResult> candidates =
        e.trials().stream()
            .filter(t -> t.status() == TrialStatus.COMPLETED)
            .filter(t -> !TuningChoice.isTuningTrial(t.parameters()))
            .filter(t -> concerns(c, t))
            .filter(t -> TrialKeys.matches(c.setting(), t.parameters()))
            .toList();
    if (c.batch() != ClaimBatch.ALL) {
      TreeSet<Integer> sizes = new TreeSet<>();
      candidates.forEach(t -> batchSize(t).ifPresent(sizes::add));
      if (!sizes.isEmpty()) {
        int chosen = c.batch() == ClaimBatch.SMALLEST ? sizes.first() : sizes.last();
        candidates = candidates.stream().filter(t -> batchSize(t).orElse(-1) == chosen).toList();
      }
    }
    Map<String, List<TrialResult>> rows = new LinkedHashMap<>();
    for (TrialResult t : candidates) {
      Map<String, String> setting = new TreeMap<>(TrialKeys.setting(t.parameters(), ids));
      switch (c.comparison()) {
        case BATCH_DROP -> setting.remove(ParameterKeys.BATCH_SIZE);
        case TREND -> setting.remove(c.parameter());
        case FIT_QUALITY -> setting.remove("lambda");
        case BOUND -> setting.clear();
        default -> {}
      }
      rows.computeIfAbsent(TrialKeys.settingLabel(setting), k -> new ArrayList<>()).add(t);
    }
    List<Pending> out = new ArrayList<>();
    if (rows.isEmpty()) {
      out.add(
          new Pending(
              e.id(),
              c,
              "—",
              Optional.empty(),
              "no completed trial of " + c.methods() + " matches the claim's setting",
              PaperEffect.NONE));
    }
    rows.forEach(
        (setting, trials) ->
            out.add(row(e.id(), c, setting, trials).withPaper(paperEffect(e, c, trials))));
    return out;
  }

  /**
   * The paper's own value of a claim's quantity and the setting it comes from.
   *
   * @param effect the quantity from the paper's numbers, NaN when there is none
   * @param setting the paper's setting, batch size and source; empty when there is none
   */
  record PaperEffect(double effect, String setting) {
    static final PaperEffect NONE = new PaperEffect(Double.NaN, "");
  }

  /**
   * Returns a difference or margin claim's quantity from the paper's numbers ({@code @PaperResult}
   * values of its metric, one per method and batch size): at the largest or smallest batch size at
   * which the paper gives every method of the claim, or at the row's own batch size for a claim at
   * every batch size; {@link PaperEffect#NONE} for other comparisons or when a method has no paper
   * number there (a tuned baseline or a variant the paper did not run).
   */
  static PaperEffect paperEffect(
      LoadedExperiment e, ClaimDeclaration c, List<TrialResult> rowTrials) {
    if (c.comparison() != ClaimComparison.DIFFERENCE
        && c.comparison() != ClaimComparison.MARGIN_OVER_MAX) {
      return PaperEffect.NONE;
    }
    Map<String, Map<Integer, PaperValue>> byMethod = new HashMap<>();
    for (PaperValue v : e.manifest().paperValues()) {
      String method = v.setting().get(ParameterKeys.METHOD);
      String batch = v.setting().get(ParameterKeys.BATCH_SIZE);
      if (v.metric().equals(c.metric())
          && method != null
          && batch != null
          && batch.matches("\\d+")) {
        byMethod.computeIfAbsent(method, k -> new TreeMap<>()).put(Integer.parseInt(batch), v);
      }
    }
    TreeSet<Integer> common = null;
    for (String method : c.methods()) {
      Map<Integer, PaperValue> values = byMethod.get(method);
      if (values == null) {
        return PaperEffect.NONE;
      }
      if (common == null) {
        common = new TreeSet<>(values.keySet());
      } else {
        common.retainAll(values.keySet());
      }
    }
    if (common == null || common.isEmpty()) {
      return PaperEffect.NONE;
    }
    int batch;
    if (c.batch() == ClaimBatch.LARGEST) {
      batch = common.last();
    } else if (c.batch() == ClaimBatch.SMALLEST) {
      batch = common.first();
    } else {
      Optional<Integer> own = rowTrials.stream().flatMap(t -> batchSize(t).stream()).findFirst();
      if (own.isEmpty() || !common.contains(own.get())) {
        return PaperEffect.NONE;
      }
      batch = own.get();
    }
    PaperValue first = byMethod.get(c.methods().get(0)).get(batch);
    double others = Double.NEGATIVE_INFINITY;
    for (String method : c.methods().subList(1, c.methods().size())) {
      others = Math.max(others, byMethod.get(method).get(batch).value());
    }
    return new PaperEffect(
        first.value() - others,
        first.paperSetting() + ", B = " + batch + " (" + first.source() + ")");
  }

  private static boolean concerns(ClaimDeclaration c, TrialResult t) {
    if (c.comparison() == ClaimComparison.BASIN_SHARPNESS) {
      return c.methods().size() == 2
          && c.methods().get(0).equals(t.parameters().get("methodA"))
          && c.methods().get(1).equals(t.parameters().get("methodB"));
    }
    return c.methods().contains(t.parameters().get(ParameterKeys.METHOD));
  }

  private static Optional<Integer> batchSize(TrialResult t) {
    String b = t.parameters().get(ParameterKeys.BATCH_SIZE);
    return b != null && b.matches("\\d+") ? Optional.of(Integer.parseInt(b)) : Optional.empty();
  }

  private static Optional<Integer> repeat(TrialResult t) {
    String r = t.parameters().get("repeat");
    return r != null && r.matches("\\d+") ? Optional.of(Integer.parseInt(r)) : Optional.empty();
  }

  /** Returns the claim's quantity of one trial: a metric, or the training seconds per epoch. */
  static OptionalDouble value(TrialResult t, String metric) {
    if (metric.equals(ClaimDeclaration.SECONDS_PER_EPOCH)) {
      if (t.epochs().isEmpty()) {
        return OptionalDouble.empty();
      }
      EpochRecord last = t.epochs().get(t.epochs().size() - 1);
      double v = last.wallSeconds() / t.epochs().size();
      return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
    if (metric.equals(Analyzer.ITERATIONS_TO_BOUNDARY)) {
      double v = Analyzer.iterationsToBoundary(t);
      return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
    return TrialKeys.metric(t, metric);
  }

  /** Returns repeat index → value for the trials of one method (and batch size, if given). */
  private static TreeMap<Integer, Double> byRepeat(
      List<TrialResult> trials, String method, String metric, Integer batch) {
    TreeMap<Integer, Double> out = new TreeMap<>();
    for (TrialResult t : trials) {
      if (!method.equals(t.parameters().get(ParameterKeys.METHOD))) {
        continue;
      }
      if (batch != null && !batch.equals(batchSize(t).orElse(null))) {
        continue;
      }
      Optional<Integer> r = repeat(t);
      OptionalDouble v = value(t, metric);
      if (r.isPresent() && v.isPresent()) {
        out.put(r.get(), v.getAsDouble());
      }
    }
    return out;
  }

  private static double[] values(
      List<TrialResult> trials, String method, String metric, Integer batch) {
    return trials.stream()
        .filter(t -> method.equals(t.parameters().get(ParameterKeys.METHOD)))
        .filter(t -> batch == null || batch.equals(batchSize(t).orElse(null)))
        .map(t -> value(t, metric))
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .toArray();
  }

  private static Set<Integer> common(List<TreeMap<Integer, Double>> maps) {
    Set<Integer> common = new TreeSet<>(maps.get(0).keySet());
    maps.forEach(m -> common.retainAll(m.keySet()));
    return common;
  }

  private static String leftOut(List<TreeMap<Integer, Double>> maps, Set<Integer> common) {
    int unpaired = maps.stream().mapToInt(m -> m.size() - common.size()).sum();
    return unpaired == 0
        ? ""
        : unpaired + " trial(s) without a partner of the same repeat left out";
  }

  /**
   * Removes from {@code common} the repeats whose trials of the two methods ran on different
   * processors (the {@code cpu} of their environments differ): their times compare the machines as
   * much as the methods. Returns the note that says how many were left out, or "".
   */
  private static String dropOtherProcessors(
      Set<Integer> common, List<TrialResult> trials, String methodA, String methodB) {
    Map<Integer, String> a = processorByRepeat(trials, methodA);
    Map<Integer, String> b = processorByRepeat(trials, methodB);
    int before = common.size();
    common.removeIf(r -> !java.util.Objects.equals(a.get(r), b.get(r)));
    int dropped = before - common.size();
    return dropped == 0
        ? ""
        : dropped + " pair(s) timed on different processors (environment 'cpu') left out";
  }

  private static Map<Integer, String> processorByRepeat(List<TrialResult> trials, String method) {
    Map<Integer, String> out = new TreeMap<>();
    for (TrialResult t : trials) {
      if (method.equals(t.parameters().get(ParameterKeys.METHOD))) {
        repeat(t)
            .ifPresent(r -> out.put(r, t.environment() == null ? null : t.environment().get(CPU)));
      }
    }
    return out;
  }

  private static String joinNotes(String first, String second) {
    if (first.isEmpty()) {
      return second;
    }
    return second.isEmpty() ? first : first + "; " + second;
  }

  private Pending row(
      String experiment, ClaimDeclaration c, String setting, List<TrialResult> trials) {
    double level = 1 - alpha;
    double theta = c.threshold();
    List<String> m = c.methods();
    switch (c.comparison()) {
      case DIFFERENCE, RATIO -> {
        List<TreeMap<Integer, Double>> maps =
            List.of(
                byRepeat(trials, m.get(0), c.metric(), null),
                byRepeat(trials, m.get(1), c.metric(), null));
        Set<Integer> common = common(maps);
        String note = leftOut(maps, common);
        if (c.metric().equals(ClaimDeclaration.SECONDS_PER_EPOCH)) {
          note = joinNotes(note, dropOtherProcessors(common, trials, m.get(0), m.get(1)));
        }
        if (common.size() >= 2) {
          double[] a = common.stream().mapToDouble(r -> maps.get(0).get(r)).toArray();
          double[] b = common.stream().mapToDouble(r -> maps.get(1).get(r)).toArray();
          ClaimTest.Result r;
          if (c.comparison() == ClaimComparison.DIFFERENCE) {
            r = ClaimTest.paired(a, b, theta, level);
          } else {
            double[] ratio = new double[a.length];
            for (int i = 0; i < a.length; i++) {
              ratio[i] = a[i] / b[i];
            }
            r = ClaimTest.oneSample(ratio, theta, level);
          }
          return pending(experiment, c, setting, r, note);
        }
        double[] a = values(trials, m.get(0), c.metric(), null);
        double[] b = values(trials, m.get(1), c.metric(), null);
        if (c.comparison() == ClaimComparison.DIFFERENCE) {
          return pending(
              experiment,
              c,
              setting,
              ClaimTest.welch(new double[][] {a, b}, new double[] {1, -1}, theta, level),
              "trials do not pair by repeat");
        }
        ClaimTest.Result r =
            ClaimTest.welch(new double[][] {a, b}, new double[] {1, -theta}, 0, level);
        ClaimTest.Result ratio =
            new ClaimTest.Result(
                r.kind(),
                r.n(),
                mean(a) / mean(b),
                r.standardError(),
                r.degreesOfFreedom(),
                Double.NaN,
                Double.NaN,
                r.pGreater(),
                r.pLess(),
                Double.NaN);
        return pending(
            experiment,
            c,
            setting,
            ratio,
            "trials do not pair by repeat: the ratio of means, tested as "
                + m.get(0)
                + " − "
                + format(theta)
                + "·"
                + m.get(1)
                + " against 0; no interval");
      }
      case MARGIN_OVER_MAX -> {
        List<TreeMap<Integer, Double>> maps = new ArrayList<>();
        for (String method : m) {
          maps.add(byRepeat(trials, method, c.metric(), null));
        }
        Set<Integer> common = common(maps);
        if (common.size() >= 2) {
          double[] d =
              common.stream()
                  .mapToDouble(
                      r -> {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int j = 1; j < maps.size(); j++) {
                          best = Math.max(best, maps.get(j).get(r));
                        }
                        return maps.get(0).get(r) - best;
                      })
                  .toArray();
          return pending(
              experiment, c, setting, ClaimTest.oneSample(d, theta, level), leftOut(maps, common));
        }
        double[] a = values(trials, m.get(0), c.metric(), null);
        double[] best = null;
        String bestMethod = "";
        for (String other : m.subList(1, m.size())) {
          double[] v = values(trials, other, c.metric(), null);
          if (v.length > 0 && (best == null || mean(v) > mean(best))) {
            best = v;
            bestMethod = other;
          }
        }
        if (best == null) {
          return pending(experiment, c, setting, null, "no values for " + m.subList(1, m.size()));
        }
        return pending(
            experiment,
            c,
            setting,
            ClaimTest.welch(new double[][] {a, best}, new double[] {1, -1}, theta, level),
            "trials do not pair by repeat: against " + bestMethod + ", the best mean");
      }
      case BATCH_DROP -> {
        TreeSet<Integer> sizes = new TreeSet<>();
        trials.forEach(t -> batchSize(t).ifPresent(sizes::add));
        if (sizes.size() < 2) {
          return pending(experiment, c, setting, null, "fewer than two batch sizes");
        }
        int small = sizes.first();
        int large = sizes.last();
        List<TreeMap<Integer, Double>> maps = new ArrayList<>();
        for (String method : m) {
          maps.add(byRepeat(trials, method, c.metric(), small));
          maps.add(byRepeat(trials, method, c.metric(), large));
        }
        double[] coefficients = m.size() == 1 ? new double[] {1, -1} : new double[] {1, -1, -1, 1};
        Set<Integer> common = common(maps);
        String where = " (B = " + small + " → " + large + ")";
        if (common.size() >= 2) {
          double[] d =
              common.stream()
                  .mapToDouble(
                      r -> {
                        double s = 0;
                        for (int j = 0; j < maps.size(); j++) {
                          s += coefficients[j] * maps.get(j).get(r);
                        }
                        return s;
                      })
                  .toArray();
          return pending(
              experiment,
              c,
              setting + where,
              ClaimTest.oneSample(d, theta, level),
              leftOut(maps, common));
        }
        double[][] groups = new double[maps.size()][];
        for (int j = 0; j < m.size(); j++) {
          groups[2 * j] = values(trials, m.get(j), c.metric(), small);
          groups[2 * j + 1] = values(trials, m.get(j), c.metric(), large);
        }
        return pending(
            experiment,
            c,
            setting + where,
            ClaimTest.welch(groups, coefficients, theta, level),
            "trials do not pair by repeat");
      }
      case STAGE_JUMP -> {
        List<Double> jumps = new ArrayList<>();
        for (TrialResult t : trials) {
          List<EpochRecord> before =
              t.epochs().stream().filter(x -> x.stage() == c.stage() - 1).toList();
          List<EpochRecord> after =
              t.epochs().stream().filter(x -> x.stage() == c.stage()).toList();
          if (!before.isEmpty() && !after.isEmpty()) {
            double jump =
                epochQuantity(after.get(0), c.metric())
                    - epochQuantity(before.get(before.size() - 1), c.metric());
            if (Double.isFinite(jump)) {
              jumps.add(jump);
            }
          }
        }
        return oneSample(experiment, c, setting, jumps, level);
      }
      case BASIN_SHARPNESS -> {
        List<Double> values = new ArrayList<>();
        for (TrialResult t : trials) {
          OptionalDouble v = sharpnessDifference(t, c.metric(), c.alphaStep());
          v.ifPresent(values::add);
        }
        return oneSample(experiment, c, setting, values, level);
      }
      case TREND, FIT_QUALITY -> {
        String x = c.comparison() == ClaimComparison.TREND ? c.parameter() : "lambda";
        Map<Integer, List<double[]>> points = new TreeMap<>();
        for (TrialResult t : trials) {
          double px = TrialKeys.number(t, x);
          OptionalDouble py = value(t, c.metric());
          Optional<Integer> r = repeat(t);
          if (Double.isFinite(px) && py.isPresent() && r.isPresent()) {
            points
                .computeIfAbsent(r.get(), k -> new ArrayList<>())
                .add(new double[] {px, py.getAsDouble()});
          }
        }
        List<Double> values = new ArrayList<>();
        for (List<double[]> p : points.values()) {
          double v = c.comparison() == ClaimComparison.TREND ? slope(p) : fitQuality(p);
          if (Double.isFinite(v)) {
            values.add(v);
          }
        }
        return oneSample(experiment, c, setting, values, level);
      }
      case BOUND -> {
        List<Double> values = new ArrayList<>();
        for (TrialResult t : trials) {
          OptionalDouble a = value(t, c.metric());
          OptionalDouble b = value(t, c.against());
          if (a.isPresent() && b.isPresent()) {
            values.add(a.getAsDouble() - b.getAsDouble());
          }
        }
        long broken = values.stream().filter(margin -> breaks(margin, c)).count();
        return oneSample(experiment, c, setting, values, level)
            .withInstances(instances(values, broken, c), broken > 0);
      }
      default -> throw new IllegalStateException("Unknown comparison " + c.comparison());
    }
  }

  /** Returns whether a bound's margin lies on the wrong side of the claim's threshold. */
  private static boolean breaks(double margin, ClaimDeclaration c) {
    return c.direction() == ClaimDirection.AT_MOST
        ? margin > c.threshold()
        : margin < c.threshold();
  }

  /**
   * Returns, in words, how many of a bound's margins break it and the worst margin, since a bound
   * holds only when it holds for every instance, whatever the mean margin.
   */
  private static String instances(List<Double> margins, long broken, ClaimDeclaration c) {
    if (margins.isEmpty()) {
      return "no instance";
    }
    double worst =
        margins.stream()
            .mapToDouble(Double::doubleValue)
            .reduce(c.direction() == ClaimDirection.AT_MOST ? Math::max : Math::min)
            .getAsDouble();
    return (broken == 0
            ? "all " + margins.size() + " instances within the bound"
            : broken + " of " + margins.size() + " instances break the bound")
        + ", worst margin "
        + format(worst);
  }

  private Pending oneSample(
      String experiment, ClaimDeclaration c, String setting, List<Double> values, double level) {
    double[] d = values.stream().mapToDouble(Double::doubleValue).toArray();
    return pending(experiment, c, setting, ClaimTest.oneSample(d, c.threshold(), level), "");
  }

  private static Pending pending(
      String experiment, ClaimDeclaration c, String setting, ClaimTest.Result r, String note) {
    if (r == null) {
      return new Pending(experiment, c, setting, Optional.empty(), note, PaperEffect.NONE);
    }
    String why = note;
    if (!r.defined()) {
      why =
          (r.n() < 2
                  ? "fewer than 2 values (n = " + r.n() + ")"
                  : "a group with fewer than 2 trials, or no spread among the values")
              + (note.isBlank() ? "" : "; " + note);
    }
    return new Pending(experiment, c, setting, Optional.of(r), why, PaperEffect.NONE);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double epochQuantity(EpochRecord e, String quantity) {
    return switch (quantity) {
      case "trainLoss" -> e.trainLoss();
      case "trainAccuracy" -> e.trainAccuracy();
      case "testLoss" -> e.testLoss();
      case "testAccuracy" -> e.testAccuracy();
      default -> Double.NaN;
    };
  }

  /**
   * Returns rise(1) − rise(0) of an interpolation trial's column, {@code rise(a) = (L(a − h) + L(a
   * + h))/2 − L(a)}, from the grid points within 10⁻⁶ of the α needed; empty when one is missing.
   */
  static OptionalDouble sharpnessDifference(TrialResult t, String column, double h) {
    Optional<Series> s = Analyzer.interpolationSeries(t);
    if (s.isEmpty() || !s.get().columns().contains(column)) {
      return OptionalDouble.empty();
    }
    List<Double> alpha = s.get().column("alpha");
    List<Double> loss = s.get().column(column);
    double[] needed = {1 - h, 1, 1 + h, -h, 0, h};
    double[] at = new double[needed.length];
    for (int k = 0; k < needed.length; k++) {
      at[k] = Double.NaN;
      for (int i = 0; i < alpha.size(); i++) {
        if (Math.abs(alpha.get(i) - needed[k]) < 1e-6) {
          at[k] = loss.get(i);
        }
      }
      if (!Double.isFinite(at[k])) {
        return OptionalDouble.empty();
      }
    }
    double riseA = (at[0] + at[2]) / 2 - at[1];
    double riseB = (at[3] + at[5]) / 2 - at[4];
    return OptionalDouble.of(riseA - riseB);
  }

  /** Returns the least-squares slope of y on x; NaN with fewer than 2 distinct x. */
  static double slope(List<double[]> points) {
    double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(Double.NaN);
    double my = points.stream().mapToDouble(p -> p[1]).average().orElse(Double.NaN);
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    return sxx > 0 ? sxy / sxx : Double.NaN;
  }

  /**
   * Returns R² = 1 − SS_res/SS_tot of the T(λ) fit to the points (λ, iterations); NaN with fewer
   * than 3 distinct λ or no spread in the iterations.
   */
  static double fitQuality(List<double[]> points) {
    double[] l = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
    if (java.util.Arrays.stream(l).distinct().count() < 3) {
      return Double.NaN;
    }
    double my = mean(y);
    double total = 0;
    for (double v : y) {
      total += (v - my) * (v - my);
    }
    if (!(total > 0)) {
      return Double.NaN;
    }
    IterationCountFit.Fit fit = IterationCountFit.fit(l, y);
    double residual = 0;
    for (int i = 0; i < l.length; i++) {
      double r = y[i] - IterationCountFit.model(fit.c1(), fit.c2(), l[i]);
      residual += r * r;
    }
    return 1 - residual / total;
  }
}
