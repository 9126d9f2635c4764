package io.github.trustregion.reports.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.reports.analysis.ExperimentSummary;
import io.github.trustregion.reports.analysis.claims.ClaimRow;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.util.List;

/**
 * Renders the self-contained HTML report: one page, inline CSS and SVG, no script, no network.
 *
 * <p>The page is laid out by the templates in {@code src/main/jte} (one per section, each given its
 * {@link Sections} record), which the build compiles to Java classes; every value they print is
 * escaped for its HTML context, except the figures' SVG, which {@link
 * io.github.trustregion.reports.svg.SvgChart} escapes itself.
 *
 * <p>Every number in a table cell also carries its full-precision value in a {@code data-value}
 * attribute, and tables carry {@code class} and {@code data-metric} attributes, so the page is
 * machine-checkable. Sections per experiment: trials (with every diverged, failed, missing and
 * unplanned trial by id), figures, the kind's table (E1 fits, E4 distances, E5 stages), metrics per
 * method and setting (final- and best-epoch accuracy in separate tables), significance, cost and
 * telemetry, method settings (undeclared asymmetries flagged), and the paper's numbers.
 */
public final class HtmlReport {

  /**
   * The package the jte-maven-plugin generates the template classes in (the pom's {@code
   * packageName}).
   */
  private static final String TEMPLATE_PACKAGE = "io.github.trustregion.reports.html.templates";

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, HtmlReport.class.getClassLoader(), TEMPLATE_PACKAGE);

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
      String title,
      String resultsDirectory,
      ComparisonSettings settings,
      List<Rendered> experiments) {
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
  public static String render(
      String title,
      String resultsDirectory,
      ComparisonSettings settings,
      List<Rendered> experiments,
      List<BadResultFile> badFiles) {
    return render(title, resultsDirectory, settings, experiments, badFiles, List.of());
  }

  /**
   * Renders the page with the claims table of the run (shown only when some experiment declares
   * claims) and the result files left out.
   *
   * @param title the page's title
   * @param resultsDirectory the directory the results were read from, shown on the page
   * @param settings how comparisons were made
   * @param experiments each experiment's summary with its charts
   * @param badFiles the files left out of every number, with what is wrong and the fix
   * @param claims the evaluated claims of the run
   */
  public static String render(
      String title,
      String resultsDirectory,
      ComparisonSettings settings,
      List<Rendered> experiments,
      List<BadResultFile> badFiles,
      List<ClaimRow> claims) {
    StringOutput out = new StringOutput(1 << 16);
    TEMPLATES.render(
        "page.jte",
        Sections.Page.of(title, resultsDirectory, settings, experiments, badFiles, claims),
        out);
    return out.toString();
  }

  /**
   * One experiment to render.
   *
   * @param summary its summary
   * @param charts its figures
   */
  public record Rendered(ExperimentSummary summary, List<NamedChart> charts) {}
}
