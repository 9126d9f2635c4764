package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.data.DatasetSplit;
import io.github.trustregion.benchmarks.data.ImageSet;
import io.github.trustregion.benchmarks.data.Stl10;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.benchmarks.models.Vgg16;
import io.github.trustregion.framework.annotation.Scale;
import java.util.List;

/**
 * STL-10 with VGG16: the 96×96 images are shrunk to 32×32 by averaging 3×3 blocks (the paper's code
 * resizes them to 32×32 too) and fed to the CIFAR-sized VGG16. Default subset sizes: 256/128
 * (smoke), all 5,000 training and 2,000 test images (ci), all 5,000/8,000 (paper).
 */
public final class Stl10Vgg16 extends ImageWorkload {

  /** Creates the workload; touches neither ND4J nor the data. */
  public Stl10Vgg16() {}

  @Override
  public String name() {
    return "stl10-vgg16";
  }

  @Override
  public String description() {
    return "STL-10 labelled images (96×96 colour shrunk to 32×32 by 3×3 block means, 10 classes,"
        + " per-channel standardized), VGG16 with SReLU and average pooling";
  }

  @Override
  protected DatasetSplit readDataset() {
    return Stl10.load();
  }

  @Override
  protected ImageSet readTrainingSet() {
    return Stl10.loadTraining(Stl10.directory());
  }

  @Override
  protected ImageSet adapt(ImageSet images) {
    return images.downsample(Stl10.SIDE / 32, images.name() + " (32×32)");
  }

  @Override
  protected NetworkArchitecture architecture() {
    return Vgg16.cifar();
  }

  @Override
  public List<String> requirements(Scale scale) {
    return BinaryDatasetRequirements.check(
        "STL-10",
        Stl10.DIRECTORY_PROPERTY,
        "stl10_binary",
        List.of("train_X.bin", "train_y.bin", "test_X.bin", "test_y.bin"),
        Stl10.REMEDY);
  }

  @Override
  protected int defaultTrainExamples(Scale scale) {
    return scale == Scale.SMOKE ? 256 : Integer.MAX_VALUE;
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
