/**
 * The gate itself: a one-sided Yuen test (Welch's test of trimmed means) per baselined gap, Holm's
 * correction within each experiment and metric, the completeness audit, and the resulting table and
 * exit status.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.ci.gate;
