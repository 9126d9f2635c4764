/**
 * The gate itself: a one-sided Welch test per baselined gap, Holm's correction within each
 * experiment and metric, the completeness audit, and the resulting table and exit status.
 */
package io.github.trustregion.ci.gate;
