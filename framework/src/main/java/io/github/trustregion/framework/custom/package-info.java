/**
 * The extension point for experiments that are not (only) training runs: an experiment class that
 * implements {@link io.github.trustregion.framework.custom.CustomTrials} plans and runs its own
 * trials (E1's subproblem dynamics), after its training trials and with access to their saved
 * models (E4's loss landscape).
 */
package io.github.trustregion.framework.custom;
