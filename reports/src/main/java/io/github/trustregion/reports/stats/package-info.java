/**
 * Two-sample statistics for comparing methods over repeated seeded trials: Welch's t-test and its
 * confidence interval for a difference of means, the exact Mann–Whitney U test, effect sizes and
 * Holm's correction, bundled as a {@link io.github.trustregion.reports.stats.Comparison}. This is
 * the stable API the HTML report and the nightly gate ({@code ci}) share.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.reports.stats;
