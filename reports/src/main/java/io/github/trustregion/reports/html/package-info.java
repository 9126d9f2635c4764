/**
 * The self-contained HTML report (inline SVG charts, no network), its machine-readable {@code
 * summary.json}, {@code summary.csv} and {@code comparisons.csv}, and the command-line entry point
 * {@link io.github.trustregion.reports.html.ReportCli} that re-renders any results directory. The
 * page is laid out by the build-time compiled templates of {@code src/main/jte}, one per section,
 * each given its record from {@link io.github.trustregion.reports.html.Sections}; the figures are
 * drawn by {@link io.github.trustregion.reports.html.ExperimentCharts} (with those of the work
 * section by {@link io.github.trustregion.reports.html.WorkCharts}) and, per trial for Allure,
 * {@link io.github.trustregion.reports.html.TrialCharts}.
 *
 * <p>Public API: the command line of {@link io.github.trustregion.reports.html.ReportCli} (its
 * options, exit codes and the files it writes); the other types are internal and may change without
 * notice.
 */
package io.github.trustregion.reports.html;
