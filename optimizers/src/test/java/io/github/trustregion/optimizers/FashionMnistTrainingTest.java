package io.github.trustregion.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import io.github.trustregion.optimizers.method.Adam;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** The methods on real data: an MLP on the first 500 Fashion-MNIST training images. */
class FashionMnistTrainingTest {

  private static final int EXAMPLES = 500;
  private static final int BATCH = 50;

  @Test
  void stochasticTrustRegionLowersTheTrainingLossOverTwoEpochs() {
    DataSet data = FashionMnistSlice.firstTrainingImages(EXAMPLES, DataType.FLOAT);
    MultiLayerNetwork network = SeededNetworks.fashionMlp(11);
    NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
    INDArray x = objective.parameters();
    MinibatchObjective full = objective.on(data);
    double before = full.value(x);
    MethodState state = TrustRegion.paper().newState(objective.dimension());

    int accepted = 0;
    for (int epoch = 0; epoch < 2; epoch++) {
      for (DataSet batch : data.batchBy(BATCH)) {
        StepReport report = state.step(x, objective.on(batch));
        accepted += report.trustRegion().orElseThrow().accepted() ? 1 : 0;
      }
    }
    double after = full.value(x);

    assertThat(accepted).isPositive();
    assertThat(after).isLessThan(before);
  }

  @Test
  void methodsGivenTheSameSeedStartFromBitIdenticalParameters() {
    DataSet batch = FashionMnistSlice.firstTrainingImages(BATCH, DataType.FLOAT);
    List<TrainingMethod> methods =
        List.of(TrustRegion.paper(), new Sgd(0.1), Adam.withLearningRate(1e-3));

    List<float[]> starts = new ArrayList<>();
    List<Double> firstLosses = new ArrayList<>();
    for (TrainingMethod method : methods) {
      MultiLayerNetwork network = SeededNetworks.fashionMlp(2024);
      NetworkObjective objective = NetworkObjective.of(network, ObjectiveOptions.defaults());
      starts.add(objective.parameters().toFloatVector());
      StepReport first =
          method.newState(objective.dimension()).step(objective.parameters(), objective.on(batch));
      firstLosses.add(first.lossBefore());
    }
    float[] otherSeed = SeededNetworks.fashionMlp(2025).params().toFloatVector();

    assertThat(starts.get(1)).containsExactly(starts.get(0));
    assertThat(starts.get(2)).containsExactly(starts.get(0));
    assertThat(firstLosses).containsOnly(firstLosses.get(0));
    assertThat(otherSeed).isNotEqualTo(starts.get(0));
  }
}
