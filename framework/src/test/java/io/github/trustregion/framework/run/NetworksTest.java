package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.custom.CustomRunContext.Evaluation;
import io.github.trustregion.framework.support.BlobsWorkload;
import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.WorkloadData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class NetworksTest {

  @TempDir Path directory;

  @Test
  void gathersTheSameExamplesAsDataSetGetForMatricesAndImageTensors() {
    INDArray images = Nd4j.arange(6 * 3 * 4 * 5).castTo(DataType.FLOAT).reshape('c', 6, 3, 4, 5);
    INDArray labels = Nd4j.arange(6 * 2).castTo(DataType.FLOAT).reshape('c', 6, 2);
    DataSet data = new DataSet(images, labels);
    int[] rows = {4, 0, 5, 4};

    DataSet gathered = Networks.gather(data, rows);
    DataSet expected = data.get(rows);

    assertThat(gathered.getFeatures().shape()).containsExactly(4, 3, 4, 5);
    assertThat(gathered.getFeatures()).isEqualTo(expected.getFeatures());
    assertThat(gathered.getLabels()).isEqualTo(expected.getLabels());
  }

  @Test
  void evaluatesLossAndAccuracyAsDl4jDoesAcrossChunks() {
    WorkloadData data = new BlobsWorkload().load(new DataRequest(Scale.SMOKE, 3000, 10, 3));
    MultiLayerNetwork network = (MultiLayerNetwork) new BlobsWorkload().buildNetwork(5);

    Evaluation evaluation = Networks.evaluate(network, data.train());

    org.nd4j.evaluation.classification.Evaluation reference =
        network.evaluate(
            new org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator<>(
                data.train().asList(), 500));
    assertThat(evaluation.accuracy()).isEqualTo(reference.accuracy());
    assertThat(evaluation.loss())
        .isCloseTo(network.score(data.train(), false), org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void savesAndLoadsANetworkWithItsParametersAndChecksum() {
    Model network = new BlobsWorkload().buildNetwork(7);
    Path file = directory.resolve("models").resolve("n.zip");

    Networks.save(network, file);
    Model loaded = Networks.load(file);

    assertThat(loaded).isInstanceOf(MultiLayerNetwork.class);
    assertThat(loaded.params()).isEqualTo(network.params());
    assertThat(Networks.checksum(loaded.params()))
        .isEqualTo(Networks.checksum(network.params()))
        .isNotEqualTo(Networks.checksum(new BlobsWorkload().buildNetwork(8).params()));
  }

  @Test
  void replacesASavedNetworkLeavingNoTemporaryFile() throws IOException {
    Path models = directory.resolve("models");
    Path file = models.resolve("n.zip");
    Model second = new BlobsWorkload().buildNetwork(8);

    Networks.save(new BlobsWorkload().buildNetwork(7), file);
    Networks.save(second, file);

    assertThat(Networks.load(file).params()).isEqualTo(second.params());
    try (Stream<Path> files = Files.list(models)) {
      assertThat(files).containsExactly(file);
    }
  }
}
