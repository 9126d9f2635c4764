/**
 * The result files: the only contract between running experiments and analysing them (reports,
 * the nightly gate). Plain records serialised as JSON; loading them needs no ND4J backend.
 *
 * <p>Layout of a results directory: {@code <root>/<experimentId>/manifest.json} (the plan: every
 * trial that should exist), {@code <root>/<experimentId>/trials/<trialId>.json} (one per trial that
 * ran, whatever its status, written atomically) and {@code <root>/<experimentId>/models/} (saved networks).
 *
 * <p>Readers of results (reports, the gate) read an experiment by its plan with
 * {@link io.github.trustregion.framework.result.ExperimentDirectory}: only the trials the manifest
 * plans count, and every file that cannot be used is named with its fix.
 */
package io.github.trustregion.framework.result;
