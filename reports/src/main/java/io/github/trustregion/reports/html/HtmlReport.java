package io.github.trustregion.reports.html;

import static io.github.trustregion.reports.svg.SvgChart.escape;

import io.github.trustregion.framework.result.BadResultFile;
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
import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Renders the self-contained HTML report: one page, inline CSS and SVG, no script, no network.
 *
 * <p>Every number in a table cell also carries its full-precision value in a {@code data-value}
 * attribute, and tables carry {@code class} and {@code data-metric} attributes, so the page is
 * machine-checkable. Sections per experiment: trials (with every diverged, failed, missing and
 * unplanned trial by id), figures, the kind's table (E1 fits, E4 distances, E5 stages), metrics
 * per method and setting (final- and best-epoch accuracy in separate tables), significance,
 * cost and telemetry, method settings (undeclared asymmetries flagged), and the paper's numbers.
 */
public final class HtmlReport {

  private static final String STYLE = """
      body{font-family:sans-serif;margin:2em;color:#222;max-width:1200px}
      table{border-collapse:collapse;margin:0.5em 0 1.2em 0;font-size:13px}
      th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}
      th{background:#f2f2f2} td.text,th.text{text-align:left}
      tr.flagged td{background:#ffe0e0} tr.significant td{background:#e6f5e6}
      .paper{color:#8a4b00;font-style:italic} .note{color:#555;font-size:13px}
      figure{margin:0.5em 0 1.5em 0} figcaption{font-size:13px;color:#444}
      section.experiment{border-top:3px solid #0072B2;margin-top:2em}
      .problem{color:#b00020}
      """;

  private final StringBuilder html = new StringBuilder(1 << 16);

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param title the page title
   * @param resultsDirectory the directory the results were read from, shown on the page
   * @param settings how comparisons were made
   * @param experiments each experiment's summary with its charts
   */
  public static String render(
      String title, String resultsDirectory, ComparisonSettings settings, List<Rendered> experiments) {
    return render(title, resultsDirectory, settings, experiments, List.of());
  }

  /**
   * Renders the page with a section that lists the result files left out because they cannot be
   * used (shown only when there are any).
   *
   * @param title the page's title
   * @param resultsDirectory the directory the results were read from, shown on the page
   * @param settings how comparisons were made
   * @param experiments each experiment's summary with its charts
   * @param badFiles the files left out of every number, with what is wrong and the fix
   */
  public static String render(String title, String resultsDirectory, ComparisonSettings settings,
      List<Rendered> experiments, List<BadResultFile> badFiles) {
    HtmlReport r = new HtmlReport();
    r.page(title, resultsDirectory, settings, experiments, badFiles);
    return r.html.toString();
  }

  /**
   * One experiment to render.
   *
   * @param summary its summary
   * @param charts its figures
   */
  public record Rendered(ExperimentSummary summary, List<NamedChart> charts) {}

  private void page(String title, String resultsDirectory, ComparisonSettings settings, List<Rendered> experiments,
      List<BadResultFile> badFiles) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>").append(escape(title)).append("</h1>\n");
    html.append("<p class=\"note\">Rendered from the result files in <code>").append(escape(resultsDirectory))
        .append("</code>. Comparisons: difference of means with its ").append(Formats.fmt(100 * settings.confidenceLevel()))
        .append("% Welch t-interval (Welch–Satterthwaite df; — when a group has fewer than 2 repeats or neither ")
        .append("varies), Welch's t-test, the Mann–Whitney U test (exact for pooled n ≤ 80, ")
        .append("ties included), Hedges' g and Cliff's δ; p-values Holm-adjusted over each experiment's comparisons; ")
        .append("α = ").append(num(settings.alpha())).append(". A difference is called significant only when the ")
        .append("adjusted Welch p-value is below α and the interval excludes 0. Values labelled <span class=\"paper\">")
        .append("paper</span> are the paper's own numbers, from its (larger) setting.</p>\n");
    html.append("<nav><ul>");
    for (Rendered e : experiments) {
      ExperimentSummary s = e.summary();
      html.append("<li><a href=\"#exp-").append(escape(s.experiment())).append("\">").append(escape(s.experiment()))
          .append("</a>: ").append(escape(s.title())).append(" (").append(s.completed()).append(" of ")
          .append(s.planned()).append(" trials completed").append(s.completed() == s.planned() ? "" : ", "
              + (s.planned() - s.completed()) + " not").append(")</li>");
    }
    html.append("</ul></nav>\n");
    if (!badFiles.isEmpty()) {
      html.append("<section class=\"bad-files\"><h2>Result files left out</h2><p class=\"problem\">")
          .append(badFiles.size()).append(" file(s) cannot be used and are in none of the numbers below:</p>")
          .append("<table class=\"problems\"><tr><th class=\"text\">file</th><th class=\"text\">problem</th>")
          .append("<th class=\"text\">fix</th></tr>");
      for (BadResultFile bad : badFiles) {
        html.append("<tr>").append(text(bad.file().toString())).append(text(bad.problem())).append(text(bad.fix()))
            .append("</tr>");
      }
      html.append("</table></section>\n");
    }
    if (experiments.isEmpty()) {
      html.append("<p class=\"problem\">No experiment with a manifest.json was found in this directory.</p>");
    }
    for (Rendered e : experiments) {
      experiment(e);
    }
    html.append("</body></html>\n");
  }

  private void experiment(Rendered rendered) {
    ExperimentSummary s = rendered.summary();
    String id = escape(s.experiment());
    html.append("<section class=\"experiment\" id=\"exp-").append(id).append("\" data-experiment=\"").append(id)
        .append("\" data-kind=\"").append(escape(s.kind())).append("\">\n");
    html.append("<h2>").append(id).append(": ").append(escape(s.title())).append("</h2>\n");
    html.append("<p class=\"note\">kind ").append(escape(s.kind())).append(", scale ").append(escape(s.scale()))
        .append(", workload ").append(escape(s.workload())).append("</p><p>").append(escape(s.description())).append("</p>\n");
    trials(s);
    figures(s, rendered.charts());
    kindTables(s);
    metrics(s);
    significance(s);
    cost(s);
    settings(s);
    paper(s);
    html.append("</section>\n");
  }

  private void trials(ExperimentSummary s) {
    html.append("<section class=\"trials\"><h3>Trials</h3>");
    html.append("<table class=\"trial-counts\"><tr><th>planned</th><th>completed</th><th>diverged</th><th>failed</th>")
        .append("<th>missing</th></tr><tr>").append(cell(s.planned())).append(cell(s.completed()))
        .append(cell(s.diverged())).append(cell(s.failed())).append(cell(s.missing())).append("</tr></table>");
    if (s.problems().isEmpty()) {
      html.append("<p class=\"note\">Every planned trial completed.</p>");
    } else {
      html.append("<p class=\"problem\">Not in the numbers below (listed so that nothing is dropped silently):</p>");
      html.append("<table class=\"problems\"><tr><th class=\"text\">trial</th><th class=\"text\">status</th>")
          .append("<th class=\"text\">parameters</th><th class=\"text\">message</th></tr>");
      for (TrialProblem p : s.problems()) {
        html.append("<tr data-trial=\"").append(escape(p.trialId())).append("\" data-status=\"").append(p.status())
            .append("\">").append(text(p.trialId())).append(text(p.status()))
            .append(text(p.parameters() == null ? "" : TrialKeys.settingLabel(new TreeMap<>(p.parameters()))))
            .append(text(p.message())).append("</tr>");
      }
      html.append("</table>");
    }
    html.append("</section>\n");
  }

  private void figures(ExperimentSummary s, List<NamedChart> charts) {
    html.append("<section class=\"figures\"><h3>Figures</h3>");
    if (charts.isEmpty()) {
      html.append("<p class=\"note\">No curves to draw (no completed trial carries epochs or series).</p>");
    }
    for (NamedChart c : charts) {
      html.append("<figure data-chart=\"").append(escape(c.id())).append("\">").append(c.svg())
          .append("<figcaption>").append(escape(c.title())).append("</figcaption></figure>\n");
    }
    html.append("</section>\n");
  }

  private void kindTables(ExperimentSummary s) {
    if (!s.fits().isEmpty()) {
      html.append("<section class=\"fits\"><h3>Iterations to reach the sphere: T(λ) = log(1 + c₁λ)/log(1 + c₂λ)</h3>");
      html.append("<table class=\"fits\"><tr><th class=\"text\">method</th><th class=\"text\">setting</th>")
          .append("<th>points</th><th>c₁</th><th>c₂</th><th>RMSE (iterations)</th><th class=\"text\">note</th></tr>");
      for (FitRow f : s.fits()) {
        html.append("<tr data-method=\"").append(escape(f.method())).append("\">").append(text(f.method()))
            .append(text(f.setting())).append(cell(f.points().size())).append(cell(f.c1())).append(cell(f.c2()))
            .append(cell(f.rmse())).append(text(f.note())).append("</tr>");
      }
      html.append("</table></section>\n");
    }
    if (!s.stages().isEmpty()) {
      html.append("<section class=\"stages\"><h3>Test accuracy at the end of each stage (like the paper's Table 1)</h3>");
      html.append("<table class=\"stages\"><tr><th class=\"text\">setting</th><th class=\"text\">track</th><th>stage</th>")
          .append("<th class=\"text\">method</th><th>epochs</th><th>n</th><th>mean</th><th>sd</th>")
          .append("<th class=\"paper\">paper</th></tr>");
      for (StageRow r : s.stages()) {
        html.append("<tr data-track=\"").append(escape(r.track())).append("\" data-stage=\"").append(r.stage())
            .append("\">").append(text(r.setting())).append(text(r.track())).append(cell(r.stage()))
            .append(text(r.activeMethod())).append(cell(r.epochs())).append(cell(r.n())).append(pctCell(r.mean()))
            .append(pctCell(r.sd())).append(paperCell(r.paper(), r.paperSource())).append("</tr>");
      }
      html.append("</table></section>\n");
    }
    if (!s.batchDrops().isEmpty()) {
      long tested = s.batchDrops().stream().filter(r -> !Double.isNaN(r.comparison().welch().pTwoSided())).count();
      html.append("<section class=\"batch-drops\"><h3>Loss from the smallest to the largest batch size</h3>")
          .append("<p class=\"note\">Drop = mean at the smallest batch − mean at the largest, with its Welch ")
          .append("interval and Welch p-value. The ").append(tested).append(" tested rows of this table are their own ")
          .append("Holm family (separate from the method comparisons below); the verdict uses the Holm-adjusted ")
          .append("p-value. The paper's drop is shown where the experiment declares the paper's values at both batch ")
          .append("sizes.</p>");
      html.append("<table class=\"batch-drops\"><tr><th class=\"text\">metric</th><th class=\"text\">method</th>")
          .append("<th class=\"text\">setting</th><th>small B</th><th>large B</th><th>n small</th><th>n large</th>")
          .append("<th>mean small</th><th>mean large</th><th>drop</th><th>CI low</th><th>CI high</th><th>Welch p</th>")
          .append("<th>Holm p</th><th class=\"paper\">paper's drop</th><th class=\"text\">verdict</th></tr>");
      for (BatchDropRow r : s.batchDrops()) {
        Comparison c = r.comparison();
        html.append("<tr data-metric=\"").append(escape(r.metric())).append("\" data-method=\"")
            .append(escape(r.method())).append("\">").append(text(r.metric())).append(text(r.method()))
            .append(text(r.setting())).append(cell(r.smallBatch())).append(cell(r.largeBatch()))
            .append(cell(c.a().n())).append(cell(c.b().n())).append(cell(c.a().mean())).append(cell(c.b().mean()))
            .append(cell(c.difference())).append(cell(c.interval().lower())).append(cell(c.interval().upper()))
            .append(cell(c.welch().pTwoSided())).append(cell(c.adjustedP()))
            .append(paperDropCell(r.paperDrop(), r.paperSource())).append("<td class=\"text verdict\">")
            .append(escape(c.verdict())).append("</td></tr>");
      }
      html.append("</table></section>\n");
    }
    if (!s.landscape().isEmpty()) {
      html.append("<section class=\"landscape\"><h3>Distances between solutions ‖w_A − w_B‖</h3>");
      html.append("<table class=\"landscape\"><tr><th class=\"text\">setting</th><th class=\"text\">pair</th><th>n</th>")
          .append("<th>mean distance</th><th>sd</th></tr>");
      for (LandscapeRow r : s.landscape()) {
        html.append("<tr data-pair=\"").append(escape(r.pair())).append("\">").append(text(r.setting()))
            .append(text(r.pair())).append(cell(r.n())).append(cell(r.distanceMean())).append(cell(r.distanceSd()))
            .append("</tr>");
      }
      html.append("</table></section>\n");
    }
  }

  private void metrics(ExperimentSummary s) {
    html.append("<section class=\"metrics\"><h3>Results per method and setting</h3>");
    List<String> metrics = s.groups().stream().map(GroupStat::metric).distinct().toList();
    for (String metric : metrics) {
      html.append("<h4>").append(escape(Formats.label(metric))).append(" (").append(escape(metric)).append(")</h4>");
      html.append("<table class=\"metric\" data-metric=\"").append(escape(metric)).append("\"><tr>")
          .append("<th class=\"text\">setting</th><th class=\"text\">method</th><th>n</th><th>mean</th><th>sd</th>")
          .append("<th>min</th><th>max</th><th class=\"paper\">paper</th><th class=\"text\">not counted</th></tr>");
      for (GroupStat g : s.groups()) {
        if (!g.metric().equals(metric)) {
          continue;
        }
        boolean percent = isAccuracy(metric);
        String notCounted = String.join(", ", concat(g.excluded(), g.lacking()));
        html.append("<tr data-method=\"").append(escape(g.method())).append("\" data-setting=\"")
            .append(escape(g.setting())).append("\">").append(text(g.setting())).append(text(g.method()))
            .append(cell(g.n())).append(percent ? pctCell(g.mean()) : cell(g.mean()))
            .append(percent ? pctCell(g.sd()) : cell(g.sd())).append(percent ? pctCell(g.min()) : cell(g.min()))
            .append(percent ? pctCell(g.max()) : cell(g.max())).append(paperCell(g.paper(), g.paperSource()))
            .append(text(notCounted)).append("</tr>");
      }
      html.append("</table>");
    }
    html.append("</section>\n");
  }

  private void significance(ExperimentSummary s) {
    html.append("<section class=\"significance\"><h3>Significance</h3>");
    if (s.comparisons().isEmpty()) {
      html.append("<p class=\"note\">No pair of methods shares a setting with values on a compared metric.</p>");
    } else {
      html.append("<p class=\"note\">").append(s.comparisons().size()).append(" comparisons; Holm's correction over all ")
          .append("of them. Difference = A − B.</p>");
    }
    for (String metric : s.comparisons().stream().map(ComparisonRow::metric).distinct().toList()) {
      html.append("<h4>").append(escape(Formats.label(metric))).append("</h4>");
      html.append("<table class=\"comparisons\" data-metric=\"").append(escape(metric)).append("\"><tr>")
          .append("<th class=\"text\">setting</th><th class=\"text\">A</th><th class=\"text\">B</th>")
          .append("<th>n A</th><th>n B</th><th>mean A</th><th>sd A</th><th>mean B</th><th>sd B</th>")
          .append("<th>difference</th><th>CI low</th><th>CI high</th><th>Welch t</th><th>df</th><th>Welch p</th>")
          .append("<th>MWU U</th><th>MWU p</th><th>Hedges g</th><th>Cliff δ</th><th>Holm p</th><th>Holm MWU p</th>")
          .append("<th class=\"text\">verdict</th></tr>");
      for (ComparisonRow row : s.comparisons()) {
        if (!row.metric().equals(metric)) {
          continue;
        }
        Comparison c = row.comparison();
        html.append("<tr class=\"").append(c.significant() ? "significant" : "").append("\" data-setting=\"")
            .append(escape(row.setting())).append("\" data-a=\"").append(escape(c.labelA())).append("\" data-b=\"")
            .append(escape(c.labelB())).append("\">").append(text(row.setting())).append(text(c.labelA()))
            .append(text(c.labelB())).append(cell(c.a().n())).append(cell(c.b().n())).append(cell(c.a().mean()))
            .append(cell(c.a().sd())).append(cell(c.b().mean())).append(cell(c.b().sd())).append(cell(c.difference()))
            .append(cell(c.interval().lower())).append(cell(c.interval().upper())).append(cell(c.welch().t()))
            .append(cell(c.welch().degreesOfFreedom())).append(cell(c.welch().pTwoSided()))
            .append(cell(c.mannWhitney().u()))
            .append(cell(c.mannWhitney().pTwoSided(), c.mannWhitney().exact() ? "" : " (normal approx.)"))
            .append(cell(c.hedgesG())).append(cell(c.cliffsDelta())).append(cell(c.adjustedP()))
            .append(cell(c.adjustedMannWhitneyP())).append("<td class=\"text verdict\">").append(escape(c.verdict()))
            .append("</td></tr>");
      }
      html.append("</table>");
    }
    html.append("</section>\n");
  }

  private void cost(ExperimentSummary s) {
    html.append("<section class=\"cost\"><h3>Cost and trust-region telemetry</h3>");
    if (s.cost().isEmpty()) {
      html.append("<p class=\"note\">No completed trial with epochs.</p></section>\n");
      return;
    }
    html.append("<table class=\"cost\"><tr><th class=\"text\">setting</th><th class=\"text\">method</th><th>n</th>")
        .append("<th>wall s (mean)</th><th>wall s (sd)</th><th>epochs</th><th>train s/epoch</th><th>s/epoch ÷ SGD's</th><th>gradients</th>")
        .append("<th>Hv products</th><th>function evals</th><th>TR steps</th><th>rejected</th><th>rejection rate</th>")
        .append("<th>boundary (phase II) fraction</th><th>hard cases</th><th>mean ρ</th><th>final radius</th>")
        .append("<th class=\"text\">method switches</th></tr>");
    for (CostRow c : s.cost()) {
      html.append("<tr data-method=\"").append(escape(c.method())).append("\" data-setting=\"")
          .append(escape(c.setting())).append("\">").append(text(c.setting())).append(text(c.method()))
          .append(cell(c.n())).append(cell(c.wallSeconds())).append(cell(c.wallSecondsSd())).append(cell(c.epochs()))
          .append(cell(c.trainingSecondsPerEpoch())).append(cell(c.secondsPerEpochVsSgd()))
          .append(cell(c.gradientEvaluations()))
          .append(cell(c.hessianVectorProducts())).append(cell(c.functionEvaluations())).append(cell(c.trSteps()))
          .append(cell(c.trRejections())).append(cell(c.rejectionRate())).append(cell(c.boundaryFraction()))
          .append(cell(c.hardCases())).append(cell(c.meanRho())).append(cell(c.finalRadius()))
          .append(text(String.join("; ", c.methodSwitches()))).append("</tr>");
    }
    html.append("</table></section>\n");
  }

  private void settings(ExperimentSummary s) {
    html.append("<section class=\"settings\"><h3>Method settings</h3>");
    long flagged = s.settings().stream().filter(SettingDifference::flagged).count();
    if (flagged > 0) {
      html.append("<p class=\"problem\">").append(flagged).append(" setting(s) differ between methods without being ")
          .append("declared in @AllowedDifferences: the comparison may be unfair.</p>");
    }
    if (s.settings().isEmpty()) {
      html.append("<p class=\"note\">The trials record no method settings.</p></section>\n");
      return;
    }
    html.append("<table class=\"settings\"><tr><th class=\"text\">setting</th><th class=\"text\">values per method</th>")
        .append("<th class=\"text\">status</th></tr>");
    for (SettingDifference d : s.settings()) {
      StringBuilder values = new StringBuilder();
      d.valuesByMethod().forEach((m, v) -> values.append(values.length() == 0 ? "" : "; ").append(m).append(": ")
          .append(String.join(" | ", v)));
      html.append("<tr class=\"").append(d.flagged() ? "flagged" : "").append("\" data-setting=\"")
          .append(escape(d.name())).append("\">").append(text(d.name())).append(text(values.toString()))
          .append(text(d.status())).append("</tr>");
    }
    html.append("</table></section>\n");
  }

  private void paper(ExperimentSummary s) {
    html.append("<section class=\"paper-values\"><h3>The paper's numbers beside ours</h3>");
    if (s.paperValues().isEmpty()) {
      html.append("<p class=\"note\">The manifest lists no paper values for this experiment.</p></section>\n");
      return;
    }
    html.append("<table class=\"paper-values\"><tr><th class=\"text\">setting</th><th class=\"text\">metric</th>")
        .append("<th class=\"paper\">paper</th><th class=\"text paper\">paper's source and setting</th><th>ours n</th>")
        .append("<th>ours mean</th><th>ours sd</th></tr>");
    for (PaperComparison p : s.paperValues()) {
      boolean percent = isAccuracy(p.metric());
      html.append("<tr data-metric=\"").append(escape(p.metric())).append("\">")
          .append(text(TrialKeys.settingLabel(new TreeMap<>(p.setting())))).append(text(p.metric()))
          .append(paperCell(p.paperValue(), null))
          .append("<td class=\"text paper\">").append(escape(p.source() + (p.paperSetting() == null
              || p.paperSetting().isBlank() ? "" : " — " + p.paperSetting()))).append("</td>")
          .append(cell(p.n())).append(percent ? pctCell(p.oursMean()) : cell(p.oursMean()))
          .append(percent ? pctCell(p.oursSd()) : cell(p.oursSd())).append("</tr>");
    }
    html.append("</table></section>\n");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static boolean isAccuracy(String metric) {
    return metric.toLowerCase(Locale.ROOT).contains("accuracy");
  }

  private static String text(String s) {
    return "<td class=\"text\">" + escape(s == null ? "" : s) + "</td>";
  }

  private static String cell(long v) {
    return "<td data-value=\"" + v + "\">" + v + "</td>";
  }

  private static String cell(double v) {
    return cell(v, "");
  }

  private static String cell(double v, String suffix) {
    return "<td data-value=\"" + raw(v) + "\">" + escape(Formats.fmt(v)) + escape(suffix) + "</td>";
  }

  private static String pctCell(double v) {
    return "<td data-value=\"" + raw(v) + "\">" + (Double.isFinite(v) ? pct(v) : "—") + "</td>";
  }

  private static String paperCell(Double v, String source) {
    if (v == null) {
      return "<td class=\"paper\"></td>";
    }
    return "<td class=\"paper\" data-value=\"" + raw(v) + "\" title=\"the paper's value"
        + (source == null ? "" : ", " + escape(source)) + "\">" + (v <= 1 ? pct(v) : Formats.fmt(v)) + " (paper)</td>";
  }

  /** A paper's value in the units of the neighbouring cells (not as a percentage), labelled as the paper's. */
  private static String paperDropCell(Double v, String source) {
    if (v == null) {
      return "<td class=\"paper\"></td>";
    }
    return "<td class=\"paper\" data-value=\"" + raw(v) + "\" title=\"the paper's value, " + escape(source) + "\">"
        + escape(Formats.fmt(v)) + " (paper)</td>";
  }

  private static String raw(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "NaN";
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }

  private static String num(double v) {
    return Formats.fmt(v);
  }
}
