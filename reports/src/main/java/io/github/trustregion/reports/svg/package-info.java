/**
 * A small dependency-free SVG chart writer (line, scatter and error-bar charts with linear or
 * logarithmic axes, ticks, labels and a legend), for charts inlined in the HTML report and attached
 * to Allure results.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.reports.svg;
