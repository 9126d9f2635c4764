/**
 * The nightly regression gate: {@link io.github.trustregion.ci.GateCli} compares a run's accuracy
 * gaps with the baselines kept in {@code ci/baselines} and re-blesses them from a run.
 *
 * <p>Public API: the command line of {@link io.github.trustregion.ci.GateCli} (its subcommands,
 * options and exit codes) and the baseline file format; the Java types are internal and may change
 * without notice.
 */
package io.github.trustregion.ci;
