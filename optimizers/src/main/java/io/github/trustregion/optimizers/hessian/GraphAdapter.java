package io.github.trustregion.optimizers.hessian;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** {@link NetworkAdapter} for a {@link ComputationGraph}. */
final class GraphAdapter implements NetworkAdapter {

  private final ComputationGraph graph;

  GraphAdapter(ComputationGraph graph) {
    this.graph = graph;
  }

  @Override
  public INDArray parameters() {
    return graph.params();
  }

  @Override
  public Layer[] layers() {
    return graph.getLayers();
  }

  @Override
  public String describe(int index) {
    org.deeplearning4j.nn.conf.layers.Layer conf = graph.getLayers()[index].conf().getLayer();
    return "vertex '" + conf.getLayerName() + "' (" + conf.getClass().getSimpleName() + ")";
  }

  @Override
  public String kind() {
    return "ComputationGraph";
  }

  Batch bind(MultiDataSet data) {
    return new Batch() {
      @Override
      public long size() {
        return data.getFeatures(0).size(0);
      }

      @Override
      public double gradientPass() {
        graph.setInputs(data.getFeatures());
        graph.setLabels(data.getLabels());
        graph.setLayerMaskArrays(data.getFeaturesMaskArrays(), data.getLabelsMaskArrays());
        graph.computeGradientAndScore();
        return graph.score();
      }

      @Override
      public INDArray gradientView() {
        return graph.getFlattenedGradients();
      }

      @Override
      public double valuePass() {
        return graph.score(data, true);
      }

      @Override
      public Batch subset(int[] rows) {
        return bind(
            new org.nd4j.linalg.dataset.MultiDataSet(
                ExampleRows.gather(data.getFeatures(), rows),
                ExampleRows.gather(data.getLabels(), rows),
                ExampleRows.gather(data.getFeaturesMaskArrays(), rows),
                ExampleRows.gather(data.getLabelsMaskArrays(), rows)));
      }
    };
  }
}
