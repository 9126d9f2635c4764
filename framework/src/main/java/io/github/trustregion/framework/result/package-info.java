/**
 * The result files: the only contract between running experiments and analysing them (reports,
 * the nightly gate). Plain records serialised as JSON; loading them needs no ND4J backend.
 *
 * <p>Layout of a results directory: {@code <root>/<experimentId>/manifest.json} (the plan: every
 * trial that should exist), {@code <root>/<experimentId>/trials/<trialId>.json} (one per trial that
 * ran, whatever its status, written atomically) and {@code <root>/<experimentId>/models/} (saved networks).
 */
package io.github.trustregion.framework.result;
