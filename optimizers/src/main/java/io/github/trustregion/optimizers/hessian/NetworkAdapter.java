package io.github.trustregion.optimizers.hessian;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The few operations {@link NetworkObjective} needs from a DL4J network, for {@code
 * MultiLayerNetwork} and {@code ComputationGraph} alike.
 */
interface NetworkAdapter {

  /** Returns the live flat parameter view (not a copy). */
  INDArray parameters();

  /** Returns the network's layers in the order of their parameters. */
  Layer[] layers();

  /** Describes layer {@code index} for error messages: position, type and name. */
  String describe(int index);

  /** Returns "MultiLayerNetwork" or "ComputationGraph", for messages. */
  String kind();

  /** One minibatch bound to the network. */
  interface Batch {

    /** Returns the number of examples B (the first dimension of the first input). */
    long size();

    /** Runs forward and backward in training mode; returns the score (the mean loss). */
    double gradientPass();

    /** Returns the network's flat gradient view after {@link #gradientPass()} (a batch sum). */
    INDArray gradientView();

    /** Runs forward in training mode and returns the score (the mean loss), no gradient. */
    double valuePass();

    /** Returns the batch of the examples {@code rows} (indices along the first dimension). */
    Batch subset(int[] rows);
  }
}
