package io.github.trustregion.reports.html;

/**
 * A rendered chart and what it shows.
 *
 * @param id a short id unique within its experiment, usable as a file name
 * @param title the chart's title
 * @param svg the {@code <svg>} element
 */
public record NamedChart(String id, String title, String svg) {}
