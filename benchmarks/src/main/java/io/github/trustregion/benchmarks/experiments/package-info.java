/**
 * The paper's five experiments (see docs/method.md, "The experiments") as annotated classes run by
 * the harness: E1 subproblem dynamics, E2 training curves, E3 large-batch generalization, E4 loss
 * landscape, E5 tracks, each at the smoke, ci and paper scales; plus the paper-only variants of E2
 * and E5 on other networks and datasets ({@link
 * io.github.trustregion.benchmarks.experiments.TrainingCurvesStl10}, {@link
 * io.github.trustregion.benchmarks.experiments.TrainingTracksMobileNet}, {@link
 * io.github.trustregion.benchmarks.experiments.TrainingTracksStl10}), declared with
 * {@code @Experiment(scales = Scale.PAPER)}, and the presets they share ({@link
 * io.github.trustregion.benchmarks.experiments.SgdVersusTr}, {@link
 * io.github.trustregion.benchmarks.experiments.SgdTrHybrid}, {@link
 * io.github.trustregion.benchmarks.experiments.ThreeStageTracks}).
 *
 * <p>Internal as Java types: not part of the public API; may change without notice. The
 * experiments' ids and what they record are documented in benchmarks/README.md.
 */
package io.github.trustregion.benchmarks.experiments;
