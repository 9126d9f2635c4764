package io.github.trustregion.optimizers.hessian;

import io.github.trustregion.optimizers.Checks;
import java.util.Objects;

/**
 * How a {@link NetworkObjective} builds F from a network: weight decay, the Hessian-vector product
 * approximation and the handling of random layers.
 *
 * <p>F(x) = (1/B)Σᵢ ℓᵢ(x) + (λ/2)‖x‖², the sum over trainable parameters (BatchNorm running
 * statistics excluded). The decay is added here, explicitly, so that every method of a comparison
 * sees the same regularization; the network itself must be built without DL4J's l1/l2/weightDecay.
 * Immutable and thread-safe.
 *
 * @param weightDecay λ ≥ 0 (the gradient gains λx and Hv gains λv)
 * @param hessianMode forward or central differences
 * @param dropout what to do with dropout and weight noise
 */
public record ObjectiveOptions(
    double weightDecay, HessianMode hessianMode, DropoutHandling dropout) {

  /** Validates the options. */
  public ObjectiveOptions {
    Checks.requireNonNegative(weightDecay, "weightDecay", "ObjectiveOptions");
    Objects.requireNonNull(hessianMode, "ObjectiveOptions: hessianMode must not be null");
    Objects.requireNonNull(dropout, "ObjectiveOptions: dropout must not be null");
  }

  /** Returns no weight decay, forward differences (the paper's choice) and dropout refused. */
  public static ObjectiveOptions defaults() {
    return new ObjectiveOptions(0, HessianMode.FORWARD_DIFFERENCE, DropoutHandling.REFUSE);
  }

  /** Returns a copy with weight decay λ. */
  public ObjectiveOptions withWeightDecay(double lambda) {
    return new ObjectiveOptions(lambda, hessianMode, dropout);
  }

  /** Returns a copy with the given Hessian-vector product approximation. */
  public ObjectiveOptions withHessianMode(HessianMode mode) {
    return new ObjectiveOptions(weightDecay, mode, dropout);
  }

  /** Returns a copy with the given handling of random layers. */
  public ObjectiveOptions withDropout(DropoutHandling handling) {
    return new ObjectiveOptions(weightDecay, hessianMode, handling);
  }
}
