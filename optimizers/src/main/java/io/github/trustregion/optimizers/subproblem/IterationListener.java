package io.github.trustregion.optimizers.subproblem;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Receives every iterate of the paper's solver; used for traces, never needed for solving. */
@FunctionalInterface
public interface IterationListener {

  /**
   * Called once per iterate, z₀ included.
   *
   * @param record the iterate's index, phase, model value and norm
   * @param iterate z_t itself: a live work array, valid only during the call; do not modify it
   *     (copy it with {@code dup()} to keep it)
   */
  void onIterate(IterationRecord record, INDArray iterate);
}
