/**
 * The nightly regression gate: {@link io.github.trustregion.ci.GateCli} compares a run's accuracy
 * gaps with the baselines kept in {@code ci/baselines} and re-blesses them from a run.
 */
package io.github.trustregion.ci;
