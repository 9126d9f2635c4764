package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.data.Cifar10;
import io.github.trustregion.benchmarks.data.DatasetSplit;
import io.github.trustregion.benchmarks.data.ImageSet;
import io.github.trustregion.framework.annotation.Scale;
import java.util.List;

/**
 * A CIFAR-10 workload: the binary files from {@code -Dcifar10.dir}, with default subset sizes of
 * 256/128 (smoke), 10,000/2,000 (ci) and all 50,000/10,000 (paper) training/test images.
 */
public abstract class Cifar10Workload extends ImageWorkload {

  /** Creates the workload; touches neither ND4J nor the data. */
  protected Cifar10Workload() {}

  @Override
  protected DatasetSplit readDataset() {
    return Cifar10.load();
  }

  @Override
  protected ImageSet readTrainingSet() {
    return Cifar10.loadTraining(Cifar10.directory());
  }

  @Override
  public List<String> requirements(Scale scale) {
    return BinaryDatasetRequirements.check(
        "CIFAR-10",
        Cifar10.DIRECTORY_PROPERTY,
        "cifar-10-batches-bin",
        List.of(
            "data_batch_1.bin",
            "data_batch_2.bin",
            "data_batch_3.bin",
            "data_batch_4.bin",
            "data_batch_5.bin",
            "test_batch.bin"),
        Cifar10.REMEDY);
  }

  @Override
  protected int defaultTrainExamples(Scale scale) {
    return switch (scale) {
      case SMOKE -> 256;
      case CI -> 10_000;
      case STUDY, PAPER -> Integer.MAX_VALUE;
    };
  }

  @Override
  protected int defaultTestExamples(Scale scale) {
    return switch (scale) {
      case SMOKE -> 128;
      case CI -> 2_000;
      case STUDY, PAPER -> Integer.MAX_VALUE;
    };
  }
}
