package io.github.trustregion.reports.html;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.framework.result.Csv;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.reports.analysis.Analyzer;
import io.github.trustregion.reports.analysis.ComparisonRow;
import io.github.trustregion.reports.analysis.ExperimentSummary;
import io.github.trustregion.reports.analysis.GroupStat;
import io.github.trustregion.reports.analysis.claims.ClaimEvaluator;
import io.github.trustregion.reports.analysis.claims.ClaimRow;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.load.ResultsLoader;
import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a results directory into an output directory: {@value #HTML} (self-contained), {@value
 * #SUMMARY_JSON}, {@value #SUMMARY_CSV} (one row per method, setting and metric) and {@value
 * #COMPARISONS_CSV} (one row per comparison), {@value #CLAIMS_CSV} (one row per declared claim and
 * setting) and the same claims table in Markdown, {@value #CLAIMS_MARKDOWN}.
 */
public final class ReportWriter {

  /** The HTML report's file name. */
  public static final String HTML = "report.html";

  /** The JSON summary's file name. */
  public static final String SUMMARY_JSON = "summary.json";

  /** The per-group CSV's file name. */
  public static final String SUMMARY_CSV = "summary.csv";

  /** The claims CSV's file name: one row per declared claim and setting. */
  public static final String CLAIMS_CSV = "claims.csv";

  /** The claims table in Markdown, for a README: one row per declared claim and setting. */
  public static final String CLAIMS_MARKDOWN = "claims.md";

  /** The comparisons CSV's file name. */
  public static final String COMPARISONS_CSV = "comparisons.csv";

  private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

  private final ComparisonSettings settings;

  /** Creates a writer whose comparisons use {@code settings}. */
  public ReportWriter(ComparisonSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads every experiment under {@code results}, analyses it and writes the report files into
   * {@code out} (created if needed).
   *
   * <p>Result files that cannot be used are left out of every number and listed in the report and
   * in {@link ReportSummary#badFiles()}.
   *
   * @return the summary written to {@value #SUMMARY_JSON}
   * @throws io.github.trustregion.reports.load.ReportInputException naming {@code results} when it
   *     is not a directory or holds no experiment
   * @throws IllegalArgumentException naming {@code out} when it exists and is not a directory
   */
  public ReportSummary write(Path results, Path out) {
    ResultsLoader.LoadedResults loaded = ResultsLoader.loadAll(results);
    List<LoadedExperiment> experiments = loaded.experiments();
    loaded.bad().forEach(b -> LOG.warn("Left out {}", b));
    Analyzer analyzer = new Analyzer(settings);
    List<ExperimentSummary> summaries = new ArrayList<>();
    List<HtmlReport.Rendered> rendered = new ArrayList<>();
    for (LoadedExperiment e : experiments) {
      ExperimentSummary summary = analyzer.analyze(e);
      summaries.add(summary);
      rendered.add(new HtmlReport.Rendered(summary, ExperimentCharts.forExperiment(e, summary)));
      LOG.info(
          "Analysed experiment {}: {} of {} trials completed, {} comparisons",
          e.id(),
          summary.completed(),
          summary.planned(),
          summary.comparisons().size());
    }
    List<ClaimRow> claims = new ClaimEvaluator(settings.alpha()).evaluate(experiments);
    ReportSummary report =
        new ReportSummary(
            ReportSummary.SCHEMA_VERSION,
            results.toString(),
            settings,
            summaries,
            loaded.bad().stream().map(BadResultFile::toString).toList(),
            claims);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "The report directory "
              + out
              + " is an existing file, not a directory: "
              + "pass --out a directory (it is created if absent), or move the file away.");
    }
    try {
      Files.createDirectories(out);
      Files.writeString(
          out.resolve(HTML),
          HtmlReport.render(
              "Trust-region experiments",
              results.toString(),
              settings,
              rendered,
              loaded.bad(),
              claims),
          StandardCharsets.UTF_8);
      ResultFiles.mapper().writeValue(out.resolve(SUMMARY_JSON).toFile(), report);
      Files.writeString(out.resolve(SUMMARY_CSV), summaryCsv(summaries), StandardCharsets.UTF_8);
      Files.writeString(
          out.resolve(COMPARISONS_CSV), comparisonsCsv(summaries), StandardCharsets.UTF_8);
      Files.writeString(out.resolve(CLAIMS_CSV), claimsCsv(claims), StandardCharsets.UTF_8);
      Files.writeString(
          out.resolve(CLAIMS_MARKDOWN),
          claimsMarkdown(claims, settings.alpha()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the report into " + out + ": " + e.getMessage(), e);
    }
    LOG.info("Wrote {} for {} experiments", out.resolve(HTML), summaries.size());
    return report;
  }

  /** Returns the per-group CSV: one row per experiment, metric, setting and method. */
  static String summaryCsv(List<ExperimentSummary> summaries) {
    Csv csv =
        new Csv()
            .row(
                Arrays.asList(
                    "experiment",
                    "kind",
                    "metric",
                    "setting",
                    "method",
                    "n",
                    "mean",
                    "sd",
                    "min",
                    "max",
                    "paper",
                    "paperSource",
                    "trials",
                    "notCounted"));
    for (ExperimentSummary s : summaries) {
      for (GroupStat g : s.groups()) {
        List<String> notCounted = new ArrayList<>(g.excluded());
        notCounted.addAll(g.lacking());
        csv.row(
            Arrays.asList(
                s.experiment(),
                s.kind(),
                g.metric(),
                g.setting(),
                g.method(),
                g.n(),
                g.mean(),
                g.sd(),
                g.min(),
                g.max(),
                g.paper(),
                g.paperSource(),
                String.join(" ", g.trialIds()),
                String.join(" ", notCounted)));
      }
    }
    return csv.toString();
  }

  /** Returns the comparisons CSV: one row per comparison. */
  public static String comparisonsCsv(List<ExperimentSummary> summaries) {
    Csv csv =
        new Csv()
            .row(
                Arrays.asList(
                    "experiment",
                    "metric",
                    "setting",
                    "methodA",
                    "methodB",
                    "nA",
                    "meanA",
                    "sdA",
                    "nB",
                    "meanB",
                    "sdB",
                    "difference",
                    "ciLower",
                    "ciUpper",
                    "ciLevel",
                    "welchT",
                    "welchDf",
                    "welchP",
                    "mannWhitneyU",
                    "mannWhitneyP",
                    "mannWhitneyExact",
                    "hedgesG",
                    "cliffsDelta",
                    "holmP",
                    "holmMannWhitneyP",
                    "familySize",
                    "significant",
                    "verdict",
                    "pairs",
                    "pairedDifference",
                    "pairedCiLow",
                    "pairedCiHigh",
                    "pairedT",
                    "pairedP",
                    "wilcoxonV",
                    "wilcoxonP",
                    "wilcoxonExact",
                    "holmPairedP",
                    "holmWilcoxonP"));
    for (ExperimentSummary s : summaries) {
      for (ComparisonRow row : s.comparisons()) {
        Comparison c = row.comparison();
        csv.row(
            Arrays.asList(
                s.experiment(),
                row.metric(),
                row.setting(),
                c.labelA(),
                c.labelB(),
                c.a().n(),
                c.a().mean(),
                c.a().sd(),
                c.b().n(),
                c.b().mean(),
                c.b().sd(),
                c.difference(),
                c.interval().lower(),
                c.interval().upper(),
                c.interval().level(),
                c.welch().t(),
                c.welch().degreesOfFreedom(),
                c.welch().pTwoSided(),
                c.mannWhitney().u(),
                c.mannWhitney().pTwoSided(),
                c.mannWhitney().exact(),
                c.hedgesG(),
                c.cliffsDelta(),
                c.adjustedP(),
                c.adjustedMannWhitneyP(),
                c.familySize(),
                c.significant(),
                c.verdict(),
                row.paired().pairs(),
                row.paired().t().meanDifference(),
                row.paired().t().interval().lower(),
                row.paired().t().interval().upper(),
                row.paired().t().t(),
                row.paired().t().pTwoSided(),
                row.paired().wilcoxon().v(),
                row.paired().wilcoxon().pTwoSided(),
                row.paired().wilcoxon().exact(),
                row.paired().adjustedT(),
                row.paired().adjustedWilcoxon()));
      }
    }
    return csv.toString();
  }

  /**
   * Returns the claims table in Markdown: per claim and setting, the statement and its source, the
   * quantity, the setting, the test and n, the effect with its interval, the raw and Holm-adjusted
   * one-sided p-values, the smallest effect this n could detect, the verdict (with the note, when
   * there is one) and the same quantity from the paper's own numbers with their setting. Numbers to
   * 4 significant digits, in the metric's own units.
   *
   * @param alpha the level the claims were tested at (their intervals are at 1 − alpha), for the
   *     header
   */
  public static String claimsMarkdown(List<ClaimRow> claims, double alpha) {
    StringBuilder md = new StringBuilder();
    md.append("| claim | statement (source) | quantity | setting | test, n | effect [")
        .append(Formats.fmt(100 * (1 - alpha)))
        .append(
            " % interval] | p, Holm p | smallest detectable | verdict | the paper's (its setting) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (ClaimRow r : claims) {
      md.append("| ")
          .append(cell(r.experiment() + " " + r.id()))
          .append(" | ")
          .append(cell(r.statement() + " (" + r.source() + ")"))
          .append(" | ")
          .append(cell(r.quantity()))
          .append(" | ")
          .append(cell(r.setting()))
          .append(" | ")
          .append(cell(r.test() + ", " + r.n()))
          .append(" | ")
          .append(Formats.fmt(r.effect()))
          .append(
              Double.isFinite(r.lower())
                  ? " [" + Formats.fmt(r.lower()) + ", " + Formats.fmt(r.upper()) + "]"
                  : "")
          .append(" | ")
          .append(Formats.fmt(r.p()))
          .append(", ")
          .append(Formats.fmt(r.adjustedP()))
          .append(" | ")
          .append(Formats.fmt(r.detectable()))
          .append(" | **")
          .append(cell(r.verdict()))
          .append("**")
          .append(r.note().isBlank() ? "" : " (" + cell(r.note()) + ")")
          .append(" | ")
          .append(
              Double.isFinite(r.paperEffect())
                  ? Formats.fmt(r.paperEffect()) + " (" + cell(r.paperSetting()) + ")"
                  : "—")
          .append(" |\n");
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** Returns the claims CSV: one row per declared claim and setting. */
  public static String claimsCsv(List<ClaimRow> claims) {
    Csv csv =
        new Csv()
            .row(
                Arrays.asList(
                    "experiment",
                    "claim",
                    "statement",
                    "source",
                    "quantity",
                    "setting",
                    "test",
                    "n",
                    "effect",
                    "ciLower",
                    "ciUpper",
                    "p",
                    "holmP",
                    "holmPOpposite",
                    "smallestDetectable",
                    "verdict",
                    "note",
                    "paperEffect",
                    "paperSetting"));
    for (ClaimRow r : claims) {
      csv.row(
          Arrays.asList(
              r.experiment(),
              r.id(),
              r.statement(),
              r.source(),
              r.quantity(),
              r.setting(),
              r.test(),
              r.n(),
              r.effect(),
              r.lower(),
              r.upper(),
              r.p(),
              r.adjustedP(),
              r.adjustedOppositeP(),
              r.detectable(),
              r.verdict(),
              r.note(),
              r.paperEffect(),
              r.paperSetting()));
    }
    return csv.toString();
  }
}
