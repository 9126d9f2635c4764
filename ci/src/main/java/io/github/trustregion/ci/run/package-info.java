/**
 * Reading a results directory for the gate: the per-repeat accuracy gaps between a method and the
 * reference method at each setting, and the audit of missing, diverged and failed trials.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.ci.run;
