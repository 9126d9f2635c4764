/**
 * Reading a results directory for the gate: the per-repeat accuracy gaps between a method and the
 * reference method at each setting, and the audit of missing, diverged and failed trials.
 */
package io.github.trustregion.ci.run;
