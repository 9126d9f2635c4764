package io.github.trustregion.optimizers.hessian;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** {@link NetworkAdapter} for a {@link MultiLayerNetwork}. */
final class MultiLayerAdapter implements NetworkAdapter {

  private final MultiLayerNetwork network;

  MultiLayerAdapter(MultiLayerNetwork network) {
    this.network = network;
  }

  @Override
  public INDArray parameters() {
    return network.params();
  }

  @Override
  public Layer[] layers() {
    return network.getLayers();
  }

  @Override
  public String describe(int index) {
    org.deeplearning4j.nn.conf.layers.Layer conf = network.getLayer(index).conf().getLayer();
    return "layer "
        + index
        + " ("
        + conf.getClass().getSimpleName()
        + (conf.getLayerName() == null ? "" : " '" + conf.getLayerName() + "'")
        + ")";
  }

  @Override
  public String kind() {
    return "MultiLayerNetwork";
  }

  Batch bind(DataSet data) {
    return new Batch() {
      @Override
      public long size() {
        return data.getFeatures().size(0);
      }

      @Override
      public double gradientPass() {
        network.setInput(data.getFeatures());
        network.setLabels(data.getLabels());
        network.setLayerMaskArrays(data.getFeaturesMaskArray(), data.getLabelsMaskArray());
        network.computeGradientAndScore();
        return network.score();
      }

      @Override
      public INDArray gradientView() {
        return network.getFlattenedGradients();
      }

      @Override
      public double valuePass() {
        return network.score(data, true);
      }

      @Override
      public Batch subset(int[] rows) {
        return bind(
            new DataSet(
                ExampleRows.gather(data.getFeatures(), rows),
                ExampleRows.gather(data.getLabels(), rows),
                ExampleRows.gather(data.getFeaturesMaskArray(), rows),
                ExampleRows.gather(data.getLabelsMaskArray(), rows)));
      }
    };
  }
}
