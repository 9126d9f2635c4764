/**
 * Reading a results directory for the gate: the per-repeat accuracy gaps between a method and the
 * reference method at each setting, the audit of missing, diverged and failed trials, and the
 * selection of some repeats of a run ({@link io.github.trustregion.ci.run.RepeatSet}).
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.ci.run;
