/**
 * A small dependency-free SVG chart writer (line, scatter and error-bar charts with linear or
 * logarithmic axes, ticks, labels and a legend), for charts inlined in the HTML report and attached
 * to Allure results.
 */
package io.github.trustregion.reports.svg;
