package io.github.trustregion.optimizers.trustregion;

/**
 * The outcome of the ratio test for one trust-region step.
 *
 * @param accepted whether x + z becomes the next iterate
 * @param nextRadius the radius for the next step
 */
public record RadiusDecision(boolean accepted, double nextRadius) {}
