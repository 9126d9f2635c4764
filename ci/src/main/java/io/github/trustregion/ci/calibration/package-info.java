/**
 * The gate's calibration: how often the gate raises a false alarm, and how often it catches a known
 * regression, at a nightly's number of repeats, measured on many real repeats of one run.
 *
 * <p>Internal: not part of the public API; may change without notice.
 */
package io.github.trustregion.ci.calibration;
