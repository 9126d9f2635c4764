package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.reports.analysis.BatchDropRow;
import io.github.trustregion.reports.analysis.ComparisonRow;
import io.github.trustregion.reports.analysis.CostRow;
import io.github.trustregion.reports.analysis.ExperimentSummary;
import io.github.trustregion.reports.analysis.FitRow;
import io.github.trustregion.reports.analysis.GroupStat;
import io.github.trustregion.reports.analysis.LandscapeRow;
import io.github.trustregion.reports.analysis.PaperComparison;
import io.github.trustregion.reports.analysis.SettingDifference;
import io.github.trustregion.reports.analysis.StageRow;
import io.github.trustregion.reports.analysis.TrialKeys;
import io.github.trustregion.reports.analysis.TrialProblem;
import io.github.trustregion.reports.analysis.TuningRow;
import io.github.trustregion.reports.analysis.claims.ClaimRow;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The typed parameters of the report's templates ({@code src/main/jte}): one record per section,
 * each built from an experiment's summary, so that a template only lays out what it is given.
 */
public final class Sections {

  private Sections() {}

  /**
   * The whole page ({@code page.jte}).
   *
   * @param title the page's title
   * @param resultsDirectory the directory the results were read from
   * @param confidencePercent the intervals' confidence level in percent, formatted
   * @param alpha the significance level, formatted
   * @param nav one entry per experiment
   * @param badFiles the result files left out, with problem and fix
   * @param experiments the experiments' sections
   * @param claims the claims table of the run
   */
  public record Page(
      String title,
      String resultsDirectory,
      String confidencePercent,
      String alpha,
      List<NavItem> nav,
      List<BadFile> badFiles,
      List<Experiment> experiments,
      Claims claims) {

    /** Builds the page from the rendered experiments. */
    public static Page of(
        String title,
        String resultsDirectory,
        ComparisonSettings settings,
        List<HtmlReport.Rendered> experiments,
        List<BadResultFile> badFiles,
        List<ClaimRow> claims) {
      return new Page(
          title,
          resultsDirectory,
          Formats.fmt(100 * settings.confidenceLevel()),
          Formats.fmt(settings.alpha()),
          experiments.stream().map(e -> NavItem.of(e.summary())).toList(),
          badFiles.stream()
              .map(b -> new BadFile(b.file().toString(), b.problem(), b.fix()))
              .toList(),
          experiments.stream().map(Experiment::of).toList(),
          new Claims(
              Formats.fmt(100 * settings.confidenceLevel()),
              Formats.fmt(settings.alpha()),
              claims));
    }
  }

  /**
   * The claims table of the run ({@code claims.jte}): every declared claim at every setting it
   * holds at, Holm-adjusted across all of them.
   *
   * @param confidencePercent the intervals' confidence level in percent, formatted
   * @param alpha the significance level, formatted
   * @param rows one per claim and setting (empty: no section)
   */
  public record Claims(String confidencePercent, String alpha, List<ClaimRow> rows) {}

  /**
   * One line of the page's table of contents.
   *
   * @param id the experiment's id
   * @param title its title
   * @param completed its completed trials
   * @param planned its planned trials
   */
  public record NavItem(String id, String title, int completed, int planned) {

    static NavItem of(ExperimentSummary s) {
      return new NavItem(s.experiment(), s.title(), s.completed(), s.planned());
    }

    /** Returns ", N not" when some planned trials did not complete, else "". */
    public String notCompleted() {
      return completed == planned ? "" : ", " + (planned - completed) + " not";
    }
  }

  /**
   * A result file left out of every number.
   *
   * @param file its path
   * @param problem what is wrong with it
   * @param fix how to fix it
   */
  public record BadFile(String file, String problem, String fix) {}

  /**
   * One experiment's section ({@code experiment.jte}) with its sub-sections in page order.
   *
   * @param id the experiment's id
   * @param title its title
   * @param kind its manifest kind
   * @param scale its scale
   * @param workload its workload
   * @param description its description
   * @param trials the trial counts and problems
   * @param figures the figures
   * @param fits the E1 fits (empty rows: no section)
   * @param stages the E5 stage table (empty rows: no section)
   * @param batchDrops the batch-size drops (empty rows: no section)
   * @param landscape the E4 distances (empty rows: no section)
   * @param metrics the per-metric tables
   * @param significance the comparison tables
   * @param cost the cost and telemetry table
   * @param settings the method-settings table
   * @param paper the paper's numbers beside ours
   * @param work the work section: accuracy at equal work, acceptance and radius (empty: no section)
   * @param tuning the tuning table
   */
  public record Experiment(
      String id,
      String title,
      String kind,
      String scale,
      String workload,
      String description,
      Trials trials,
      Figures figures,
      Fits fits,
      Stages stages,
      BatchDrops batchDrops,
      Landscape landscape,
      Metrics metrics,
      Significance significance,
      Cost cost,
      Settings settings,
      PaperNumbers paper,
      Work work,
      Tuning tuning) {

    static Experiment of(HtmlReport.Rendered rendered) {
      ExperimentSummary s = rendered.summary();
      return new Experiment(
          s.experiment(),
          s.title(),
          s.kind(),
          s.scale(),
          s.workload(),
          s.description(),
          Trials.of(s),
          new Figures(
              rendered.charts().stream()
                  .filter(c -> !c.id().startsWith(WorkCharts.PREFIX))
                  .toList()),
          new Fits(s.fits()),
          new Stages(s.stages()),
          BatchDrops.of(s),
          new Landscape(s.landscape()),
          Metrics.of(s),
          Significance.of(s),
          new Cost(s.cost()),
          Settings.of(s),
          PaperNumbers.of(s),
          Work.of(
              s,
              rendered.charts().stream()
                  .filter(c -> c.id().startsWith(WorkCharts.PREFIX))
                  .toList()),
          new Tuning(s.tuning() == null ? List.of() : s.tuning()));
    }
  }

  /**
   * The tuning section ({@code tuning.jte}): per tuned method and scope, the grid's validation
   * metric, the chosen point, the grid-edge note and the cost of tuning.
   *
   * @param rows the rows, empty when nothing was tuned
   */
  public record Tuning(List<TuningRow> rows) {}

  /**
   * The trials section ({@code trials.jte}).
   *
   * @param planned planned trials
   * @param completed completed trials
   * @param diverged diverged trials
   * @param failed failed trials
   * @param missing planned trials without a file
   * @param problems every trial not counted, by id
   */
  public record Trials(
      int planned,
      int completed,
      int diverged,
      int failed,
      int missing,
      List<ProblemRow> problems) {

    static Trials of(ExperimentSummary s) {
      return new Trials(
          s.planned(),
          s.completed(),
          s.diverged(),
          s.failed(),
          s.missing(),
          s.problems().stream().map(ProblemRow::of).toList());
    }
  }

  /**
   * A trial that is not in the numbers.
   *
   * @param trialId its id (or file name)
   * @param status its status, MISSING, BAD FILE or UNPLANNED
   * @param parameters its parameters in words
   * @param message why
   */
  public record ProblemRow(String trialId, String status, String parameters, String message) {

    static ProblemRow of(TrialProblem p) {
      return new ProblemRow(
          p.trialId(),
          p.status(),
          p.parameters() == null ? "" : TrialKeys.settingLabel(new TreeMap<>(p.parameters())),
          p.message());
    }
  }

  /**
   * The figures section ({@code figures.jte}).
   *
   * @param charts the figures, each an inline SVG with a caption
   */
  public record Figures(List<NamedChart> charts) {}

  /**
   * The E1 fits of T(λ) ({@code fits.jte}).
   *
   * @param rows one per method and setting
   */
  public record Fits(List<FitRow> rows) {}

  /**
   * The E5 stage table ({@code stages.jte}).
   *
   * @param rows one per track and stage
   */
  public record Stages(List<StageRow> rows) {}

  /**
   * The batch-size drops ({@code batch-drops.jte}).
   *
   * @param tested the rows with a Welch p-value (the Holm family's size)
   * @param rows one per metric, method and setting
   */
  public record BatchDrops(long tested, List<BatchDropRow> rows) {

    static BatchDrops of(ExperimentSummary s) {
      return new BatchDrops(
          s.batchDrops().stream()
              .filter(r -> !Double.isNaN(r.comparison().welch().pTwoSided()))
              .count(),
          s.batchDrops());
    }
  }

  /**
   * The E4 distances ({@code landscape.jte}).
   *
   * @param rows one per pair and setting
   */
  public record Landscape(List<LandscapeRow> rows) {}

  /**
   * The results per method and setting ({@code metrics.jte}).
   *
   * @param tables one per metric
   */
  public record Metrics(List<MetricTable> tables) {

    static Metrics of(ExperimentSummary s) {
      return new Metrics(
          s.groups().stream()
              .map(GroupStat::metric)
              .distinct()
              .map(
                  m ->
                      new MetricTable(
                          m,
                          Formats.label(m),
                          Formats.isAccuracy(m),
                          s.groups().stream().filter(g -> g.metric().equals(m)).toList()))
              .toList());
    }
  }

  /**
   * One metric's table.
   *
   * @param metric the metric's name
   * @param label the metric in words
   * @param percent whether values are shown as percentages
   * @param rows one per method and setting
   */
  public record MetricTable(String metric, String label, boolean percent, List<GroupStat> rows) {

    /** Returns the trials of a row that are not counted: excluded, then lacking the metric. */
    public static String notCounted(GroupStat g) {
      return String.join(", ", Stream.concat(g.excluded().stream(), g.lacking().stream()).toList());
    }
  }

  /**
   * The significance section ({@code significance.jte}).
   *
   * @param count the number of comparisons (the Holm family's size)
   * @param tables one per metric
   */
  public record Significance(int count, List<ComparisonTable> tables) {

    static Significance of(ExperimentSummary s) {
      return new Significance(
          s.comparisons().size(),
          s.comparisons().stream()
              .map(ComparisonRow::metric)
              .distinct()
              .map(
                  m ->
                      new ComparisonTable(
                          m,
                          Formats.label(m),
                          s.comparisons().stream().filter(r -> r.metric().equals(m)).toList()))
              .toList());
    }
  }

  /**
   * One metric's comparisons.
   *
   * @param metric the metric's name
   * @param label the metric in words
   * @param rows one per setting and pair of methods
   */
  public record ComparisonTable(String metric, String label, List<ComparisonRow> rows) {}

  /**
   * The cost and telemetry section ({@code cost.jte}).
   *
   * @param rows one per method and setting
   */
  public record Cost(List<CostRow> rows) {}

  /**
   * The method-settings section ({@code settings.jte}).
   *
   * @param flagged the rows whose difference is not declared
   * @param rows one per setting
   */
  public record Settings(long flagged, List<SettingRow> rows) {

    static Settings of(ExperimentSummary s) {
      return new Settings(
          s.settings().stream().filter(SettingDifference::flagged).count(),
          s.settings().stream().map(SettingRow::of).toList());
    }
  }

  /**
   * One setting's values.
   *
   * @param name the setting's name
   * @param values the values per method in words ({@code method: v1 | v2; …})
   * @param status same, method-specific, differs (declared) or differs (NOT declared)
   * @param flagged whether the difference is not declared
   */
  public record SettingRow(String name, String values, String status, boolean flagged) {

    static SettingRow of(SettingDifference d) {
      StringBuilder values = new StringBuilder();
      d.valuesByMethod()
          .forEach(
              (m, v) ->
                  values
                      .append(values.length() == 0 ? "" : "; ")
                      .append(m)
                      .append(": ")
                      .append(String.join(" | ", v)));
      return new SettingRow(d.name(), values.toString(), d.status(), d.flagged());
    }
  }

  /**
   * The paper's numbers beside ours ({@code paper-values.jte}).
   *
   * @param rows one per declared paper value
   */
  public record PaperNumbers(List<PaperRow> rows) {

    static PaperNumbers of(ExperimentSummary s) {
      return new PaperNumbers(s.paperValues().stream().map(PaperRow::of).toList());
    }
  }

  /**
   * One paper value beside ours.
   *
   * @param setting the setting in words
   * @param metric the metric
   * @param paperValue the paper's value
   * @param source the paper's source, with its setting after " — " when given
   * @param n our trials at that setting
   * @param mean our mean
   * @param sd our sd
   * @param percent whether values are shown as percentages
   */
  public record PaperRow(
      String setting,
      String metric,
      double paperValue,
      String source,
      int n,
      double mean,
      double sd,
      boolean percent) {

    static PaperRow of(PaperComparison p) {
      return new PaperRow(
          TrialKeys.settingLabel(new TreeMap<>(p.setting())),
          p.metric(),
          p.paperValue(),
          p.source()
              + (p.paperSetting() == null || p.paperSetting().isBlank()
                  ? ""
                  : " — " + p.paperSetting()),
          p.n(),
          p.oursMean(),
          p.oursSd(),
          Formats.isAccuracy(p.metric()));
    }
  }

  /**
   * The work section ({@code work.jte}): what each method bought with its work, for experiments
   * whose trials record gradient-equivalents ({@link WorkCharts}).
   *
   * @param rows one per method and setting (empty when there are no charts)
   * @param charts test accuracy against epochs and against gradient-equivalents, the acceptance
   *     rate and the radius per epoch
   */
  public record Work(List<WorkRow> rows, List<NamedChart> charts) {

    static Work of(ExperimentSummary s, List<NamedChart> charts) {
      if (charts.isEmpty()) {
        return new Work(List.of(), List.of());
      }
      java.util.Map<String, Double> sgd = new java.util.HashMap<>();
      s.cost().stream()
          .filter(c -> c.method().equalsIgnoreCase("SGD"))
          .forEach(c -> sgd.put(c.setting(), c.gradientEquivalents() / c.epochs()));
      List<WorkRow> rows = new java.util.ArrayList<>();
      for (CostRow c : s.cost()) {
        GroupStat accuracy =
            s.groups().stream()
                .filter(
                    g ->
                        g.method().equals(c.method())
                            && g.setting().equals(c.setting())
                            && g.metric().equals(MetricKeys.FINAL_TEST_ACCURACY))
                .findFirst()
                .orElse(null);
        double perEpoch = c.gradientEquivalents() / c.epochs();
        rows.add(
            new WorkRow(
                c.setting(),
                c.method(),
                c.n(),
                c.epochs(),
                perEpoch,
                perEpoch / sgd.getOrDefault(c.setting(), Double.NaN),
                c.gradientEquivalents(),
                accuracy == null ? Double.NaN : accuracy.mean(),
                accuracy == null ? Double.NaN : accuracy.sd(),
                c.trSteps(),
                c.ratioTests(),
                1 - c.rejectionRate(),
                c.finalRadius()));
      }
      return new Work(rows, charts);
    }
  }

  /**
   * One method's work and what it bought.
   *
   * @param setting the setting in words
   * @param method the method label
   * @param n completed trials
   * @param epochs mean epochs
   * @param gradientEquivalentsPerEpoch mean work per epoch in gradient-equivalents
   * @param vsSgd that divided by SGD's at the same setting (NaN without SGD)
   * @param gradientEquivalents mean work of a trial
   * @param finalTestAccuracy mean final test accuracy
   * @param finalTestAccuracySd its standard deviation
   * @param trSteps trust-region steps over all repeats (0 for first-order methods)
   * @param ratioTests those with a ratio test (0 for TR-code, which accepts every step)
   * @param acceptanceRate accepted share of the ratio-tested steps (NaN without any)
   * @param finalRadius mean radius at the end of the last trust-region epoch (NaN without one)
   */
  public record WorkRow(
      String setting,
      String method,
      int n,
      double epochs,
      double gradientEquivalentsPerEpoch,
      double vsSgd,
      double gradientEquivalents,
      double finalTestAccuracy,
      double finalTestAccuracySd,
      long trSteps,
      long ratioTests,
      double acceptanceRate,
      double finalRadius) {}
}
