package io.github.trustregion.benchmarks.workloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.trustregion.benchmarks.data.Cifar10;
import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.benchmarks.data.Stl10;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.WorkloadData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class WorkloadTest {

  @TempDir Path directory;

  @AfterEach
  void clearProperties() {
    System.clearProperty(Cifar10.DIRECTORY_PROPERTY);
    System.clearProperty(Stl10.DIRECTORY_PROPERTY);
  }

  @Test
  void fashionMnistMlpLoadsAStratifiedStandardizedSubsetOfTheSmokeSize() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist");
    FashionMnistMlp workload = new FashionMnistMlp();

    WorkloadData data = workload.load(new DataRequest(Scale.SMOKE, 0, 0, 5));

    assertThat(data.train().getFeatures().shape()).containsExactly(512, 784);
    assertThat(data.test().getFeatures().shape()).containsExactly(256, 784);
    assertThat(data.train().getFeatures().dataType()).isEqualTo(DataType.FLOAT);
    INDArray perClass = data.train().getLabels().sum(0);
    // 512 of 60,000 balanced images: 51 per class plus one for two classes.
    assertThat(perClass.minNumber().intValue()).isEqualTo(51);
    assertThat(perClass.maxNumber().intValue()).isEqualTo(52);
    assertThat(data.train().getFeatures().meanNumber().doubleValue()).isCloseTo(0, within(1e-4));
    assertThat(data.train().getFeatures().stdNumber(false).doubleValue())
        .isCloseTo(1, within(1e-3));
  }

  @Test
  void fashionMnistLoadsTheSameDataForTheSameSeed() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist");
    FashionMnistSmallCnn workload = new FashionMnistSmallCnn();

    WorkloadData first = workload.load(new DataRequest(Scale.SMOKE, 64, 32, 9));
    WorkloadData again = workload.load(new DataRequest(Scale.SMOKE, 64, 32, 9));

    assertThat(first.train().getFeatures().shape()).containsExactly(64, 1, 28, 28);
    assertThat(again.train().getFeatures().equals(first.train().getFeatures())).isTrue();
    assertThat(again.test().getLabels().equals(first.test().getLabels())).isTrue();
  }

  @Test
  void workloadNetworksTakeTheWorkloadsDataAndAreSeeded() {
    assumeTrue(
        FashionMnist.isAvailable(FashionMnist.directory()),
        "Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist");
    FashionMnistSmallCnn workload = new FashionMnistSmallCnn();
    WorkloadData data = workload.load(new DataRequest(Scale.SMOKE, 16, 16, 1));

    MultiLayerNetwork network = (MultiLayerNetwork) workload.buildNetwork(3);
    MultiLayerNetwork same = (MultiLayerNetwork) workload.buildNetwork(3);

    assertThat(network.output(data.test().getFeatures()).shape()).containsExactly(16, 10);
    assertThat(same.params().equals(network.params())).isTrue();
  }

  @Test
  void cifar10WorkloadReadsTheDirectoryOfItsSystemPropertyAsImages() throws IOException {
    Random random = new Random(3);
    for (String name :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      byte[] records = new byte[20 * Cifar10.RECORD_BYTES];
      random.nextBytes(records);
      for (int r = 0; r < 20; r++) {
        records[r * Cifar10.RECORD_BYTES] = (byte) (r % 10);
      }
      Files.write(directory.resolve(name), records);
    }
    System.setProperty(Cifar10.DIRECTORY_PROPERTY, directory.toString());
    Cifar10Vgg16 workload = new Cifar10Vgg16();

    assertThat(workload.requirements(Scale.SMOKE)).isEmpty();
    WorkloadData data = workload.load(new DataRequest(Scale.SMOKE, 50, 10, 1));

    assertThat(data.train().getFeatures().shape()).containsExactly(50, 3, 32, 32);
    assertThat(data.test().getFeatures().shape()).containsExactly(10, 3, 32, 32);
    assertThat(data.train().getLabels().sum(0).toDoubleVector()).containsOnly(5.0);
  }

  @Test
  void cifar10WorkloadLoadsTheSameTrainingSetWithoutOpeningTheTestBatchWhenTuning()
      throws IOException {
    Random random = new Random(4);
    for (String name :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      byte[] records = new byte[20 * Cifar10.RECORD_BYTES];
      random.nextBytes(records);
      for (int r = 0; r < 20; r++) {
        records[r * Cifar10.RECORD_BYTES] = (byte) (r % 10);
      }
      Files.write(directory.resolve(name), records);
    }
    System.setProperty(Cifar10.DIRECTORY_PROPERTY, directory.toString());
    Cifar10Vgg16 workload = new Cifar10Vgg16();
    WorkloadData full = workload.load(new DataRequest(Scale.SMOKE, 50, 10, 1));
    Files.delete(directory.resolve("test_batch.bin"));

    WorkloadData tuning = workload.load(new DataRequest(Scale.SMOKE, 50, 10, 1).withoutTestSet());

    assertThat(tuning.hasTest()).isFalse();
    assertThat(tuning.train().getFeatures()).isEqualTo(full.train().getFeatures());
    assertThat(tuning.train().getLabels()).isEqualTo(full.train().getLabels());
  }

  @Test
  void stl10WorkloadShrinksImagesToThirtyTwoPixels() throws IOException {
    int image = 3 * 96 * 96;
    byte[] pixels = new byte[4 * image];
    new Random(4).nextBytes(pixels);
    Files.write(directory.resolve("train_X.bin"), pixels);
    Files.write(directory.resolve("train_y.bin"), new byte[] {1, 2, 3, 4});
    Files.write(directory.resolve("test_X.bin"), pixels);
    Files.write(directory.resolve("test_y.bin"), new byte[] {5, 6, 7, 8});
    System.setProperty(Stl10.DIRECTORY_PROPERTY, directory.toString());

    WorkloadData data = new Stl10Vgg16().load(new DataRequest(Scale.SMOKE, 0, 0, 1));

    assertThat(data.train().getFeatures().shape()).containsExactly(4, 3, 32, 32);
  }

  @Test
  void requirementsNameTheUnsetPropertyAndTheMissingFilesWithoutReadingData() throws IOException {
    assertThat(new Cifar10MobileNet().requirements(Scale.PAPER))
        .singleElement()
        .asString()
        .contains("cifar10.dir")
        .contains("binary version");

    Files.write(directory.resolve("train_X.bin"), new byte[0]);
    System.setProperty(Stl10.DIRECTORY_PROPERTY, directory.toString());
    assertThat(new Stl10Vgg16().requirements(Scale.PAPER))
        .hasSize(3)
        .allSatisfy(problem -> assertThat(problem).contains(directory.toString()))
        .anySatisfy(problem -> assertThat(problem).contains("test_y.bin"));
  }
}
