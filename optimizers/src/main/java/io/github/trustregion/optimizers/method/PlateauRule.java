package io.github.trustregion.optimizers.method;

/**
 * When training accuracy has stopped improving: after {@code patience} consecutive epochs whose
 * accuracy does not exceed the best so far by more than {@code minImprovement}.
 *
 * <p>Used by {@link Hybrid} to switch from the trust-region method to SGD once "the accuracy no
 * longer increases", in the paper's words (see docs/method.md, "Hybrid"). Immutable and
 * thread-safe.
 *
 * @param patience the number of non-improving epochs that make a plateau, ≥ 1
 * @param minImprovement the smallest gain in training accuracy (a fraction, e.g. 0.001 = 0.1
 *     points) that counts as an improvement, ≥ 0
 */
public record PlateauRule(int patience, double minImprovement) {

  /** Validates the rule. */
  public PlateauRule {
    if (patience < 1) {
      throw new IllegalArgumentException(
          "PlateauRule: patience must be >= 1 epoch but was " + patience);
    }
    if (!(minImprovement >= 0) || Double.isInfinite(minImprovement)) {
      throw new IllegalArgumentException(
          "PlateauRule: minImprovement must be finite and >= 0 but was " + minImprovement);
    }
  }
}
