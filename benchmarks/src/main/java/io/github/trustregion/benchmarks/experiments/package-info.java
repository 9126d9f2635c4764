/**
 * The paper's five experiments (SPEC §7) as annotated classes run by the harness: E1 subproblem
 * dynamics, E2 training curves, E3 large-batch generalization, E4 loss landscape, E5 tracks, each
 * at the smoke, ci and paper scales.
 */
package io.github.trustregion.benchmarks.experiments;
