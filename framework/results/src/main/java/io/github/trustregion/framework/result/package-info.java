/**
 * The result files: the only contract between running experiments and analysing them (reports, the
 * nightly gate). Plain records serialised as JSON; loading them needs no ND4J backend (this package
 * lives in module {@code results}, which depends on Jackson only).
 *
 * <p>Layout of a results directory: {@code <root>/<experimentId>/manifest.json} (the plan: every
 * trial that should exist), {@code <root>/<experimentId>/trials/<trialId>.json} (one per trial that
 * ran, whatever its status, written atomically) and {@code <root>/<experimentId>/models/} (saved
 * networks).
 *
 * <p>Readers of results (reports, the gate) read an experiment by its plan with {@link
 * io.github.trustregion.framework.result.ExperimentDirectory}: only the trials the manifest plans
 * count, and every file that cannot be used is named with its fix.
 *
 * <p>The vocabulary both sides share, as constants and rules rather than strings spelled out by
 * hand: the kinds of results ({@link io.github.trustregion.framework.result.ResultKind}), metric
 * and parameter keys ({@link io.github.trustregion.framework.result.MetricKeys}, {@link
 * io.github.trustregion.framework.result.ParameterKeys}), what a setting is ({@link
 * io.github.trustregion.framework.result.TrialSettings}), the names under which method settings are
 * compared ({@link io.github.trustregion.framework.result.MethodSettingNames}), the system
 * properties that tell a run its scale and where to write ({@link
 * io.github.trustregion.framework.result.RunProperties}), and the one CSV format ({@link
 * io.github.trustregion.framework.result.Csv}).
 */
package io.github.trustregion.framework.result;
