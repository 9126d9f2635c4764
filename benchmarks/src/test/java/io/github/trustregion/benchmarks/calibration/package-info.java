/**
 * The calibration of the nightly gate: the gated experiment's configuration on many seeds, and a
 * deliberately weakened trust-region method whose injected regression the gate must catch. Test
 * fixtures, run with the command line (see ci/README.md, "Calibration"), not by unit tests.
 */
package io.github.trustregion.benchmarks.calibration;
