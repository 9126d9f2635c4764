package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.data.DatasetSplit;
import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.benchmarks.data.ImageSet;
import io.github.trustregion.framework.annotation.Scale;
import java.nio.file.Path;
import java.util.List;

/**
 * A Fashion-MNIST workload: the dataset from {@link FashionMnist#directory()} with default subset
 * sizes of 512/256 (smoke), {@value #CI_TRAIN}/{@value #CI_TEST} (ci) and all 60,000/10,000 (study
 * and paper) training/test images.
 */
public abstract class FashionMnistWorkload extends ImageWorkload {

  /** The default number of training images at the ci scale. */
  public static final int CI_TRAIN = 12_000;

  /** The default number of test images at the ci scale. */
  public static final int CI_TEST = 2_000;

  /** Creates the workload; touches neither ND4J nor the data. */
  protected FashionMnistWorkload() {}

  @Override
  protected DatasetSplit readDataset() {
    return FashionMnist.load();
  }

  @Override
  protected ImageSet readTrainingSet() {
    return FashionMnist.loadTraining(FashionMnist.directory());
  }

  /**
   * Returns the missing files and those whose gzip stream does not end where it should (a truncated
   * copy), found without decompressing them ({@link FashionMnist#problems(Path)}).
   */
  @Override
  public List<String> requirements(Scale scale) {
    return FashionMnist.problems(FashionMnist.directory());
  }

  @Override
  protected int defaultTrainExamples(Scale scale) {
    return switch (scale) {
      case SMOKE -> 512;
      case CI -> CI_TRAIN;
      case STUDY, PAPER -> Integer.MAX_VALUE;
    };
  }

  @Override
  protected int defaultTestExamples(Scale scale) {
    return switch (scale) {
      case SMOKE -> 256;
      case CI -> CI_TEST;
      case STUDY, PAPER -> Integer.MAX_VALUE;
    };
  }
}
