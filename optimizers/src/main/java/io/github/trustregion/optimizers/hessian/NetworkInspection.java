package io.github.trustregion.optimizers.hessian;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.weightnoise.IWeightNoise;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * What {@link NetworkObjective} must know about a network before using it: DL4J regularization
 * (refused), random layers (refused or recorded to be switched off) and the positions of BatchNorm
 * running statistics in the flat parameter vector.
 */
final class NetworkInspection {

  private static final Set<String> RUNNING_STATISTICS =
      Set.of(
          BatchNormalizationParamInitializer.GLOBAL_MEAN,
          BatchNormalizationParamInitializer.GLOBAL_VAR,
          BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

  /** A layer configuration whose randomness is switched off during evaluations. */
  record RandomLayer(
      org.deeplearning4j.nn.conf.layers.Layer conf, IDropout dropout, IWeightNoise weightNoise) {}

  private final List<long[]> statisticsRanges = new ArrayList<>();
  private final List<RandomLayer> randomLayers = new ArrayList<>();

  NetworkInspection(NetworkAdapter adapter, DropoutHandling dropoutHandling) {
    INDArray flat = adapter.parameters();
    Layer[] layers = adapter.layers();
    for (int i = 0; i < layers.length; i++) {
      org.deeplearning4j.nn.conf.layers.Layer conf = layers[i].conf().getLayer();
      Map<String, INDArray> table = layers[i].paramTable(false);
      for (Map.Entry<String, INDArray> param : table.entrySet()) {
        List<Regularization> regularization = conf.getRegularizationByParam(param.getKey());
        if (regularization != null && !regularization.isEmpty()) {
          throw new IllegalArgumentException(
              "NetworkObjective: "
                  + adapter.describe(i)
                  + " of the "
                  + adapter.kind()
                  + " has DL4J regularization "
                  + regularization
                  + " on parameter '"
                  + param.getKey()
                  + "'. Build the network without l1/l2/weightDecay and pass"
                  + " ObjectiveOptions.withWeightDecay(lambda) instead, so that every method sees"
                  + " the same regularization");
        }
        if (conf instanceof BatchNormalization && RUNNING_STATISTICS.contains(param.getKey())) {
          statisticsRanges.add(locate(flat, param.getValue(), adapter.describe(i)));
        }
      }
      IDropout dropout = conf.getIDropout();
      IWeightNoise weightNoise = conf instanceof BaseLayer base ? base.getWeightNoise() : null;
      if (dropout != null || weightNoise != null) {
        if (dropoutHandling == DropoutHandling.REFUSE) {
          throw new IllegalArgumentException(
              "NetworkObjective: "
                  + adapter.describe(i)
                  + " of the "
                  + adapter.kind()
                  + " is random in training mode ("
                  + (dropout != null ? "dropout " + dropout : "weight noise " + weightNoise)
                  + "), which makes finite-difference Hessian-vector products and the trust-region"
                  + " ratio test meaningless. Remove it, or pass"
                  + " ObjectiveOptions.withDropout(DropoutHandling.DISABLE) to evaluate the"
                  + " network without it");
        }
        randomLayers.add(new RandomLayer(conf, dropout, weightNoise));
      }
    }
  }

  /** Returns [start, end) of a parameter view inside the flat vector. */
  private static long[] locate(INDArray flat, INDArray view, String layer) {
    long start = view.offset() - flat.offset();
    long end = start + view.length();
    if (start < 0 || end > flat.length()) {
      throw new IllegalStateException(
          "NetworkObjective: cannot locate the BatchNorm running statistics of "
              + layer
              + " in the flat parameter vector (offset "
              + start
              + "); this DL4J version lays parameters out differently than expected");
    }
    return new long[] {start, end};
  }

  /** Returns the [start, end) ranges of BatchNorm running statistics, in parameter order. */
  List<long[]> statisticsRanges() {
    return statisticsRanges;
  }

  /** Returns the layers whose randomness must be switched off (empty under REFUSE). */
  List<RandomLayer> randomLayers() {
    return randomLayers;
  }
}
