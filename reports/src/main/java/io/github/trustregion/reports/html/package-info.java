/**
 * The self-contained HTML report (inline SVG charts, no network), its machine-readable
 * {@code summary.json}, {@code summary.csv} and {@code comparisons.csv}, and the command-line
 * entry point {@link io.github.trustregion.reports.html.ReportCli} that re-renders any results
 * directory.
 */
package io.github.trustregion.reports.html;
