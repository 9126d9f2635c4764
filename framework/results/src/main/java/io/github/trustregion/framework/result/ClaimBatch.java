package io.github.trustregion.framework.result;

/**
 * The batch sizes at which a declared claim holds, named so that one declaration means the same at
 * every scale (whose batch sizes differ).
 */
public enum ClaimBatch {
  /** Every batch size: one evaluation per batch size (or no batch size at all). */
  ALL,
  /** The smallest batch size of the experiment's trials. */
  SMALLEST,
  /** The largest batch size of the experiment's trials. */
  LARGEST
}
