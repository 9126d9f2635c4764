/**
 * The outer trust-region loop (the paper's Algorithm 1): the ratio test, deterministic and
 * stochastic acceptance rules, radius updates and per-step telemetry.
 */
package io.github.trustregion.optimizers.trustregion;
