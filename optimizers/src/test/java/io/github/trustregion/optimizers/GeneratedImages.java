package io.github.trustregion.optimizers;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded Fashion-MNIST-shaped data for tests that must not depend on the installed data set: 784
 * pixel values in [0, 1] around one random prototype per class, ten classes, one-hot labels.
 */
public final class GeneratedImages {

  private GeneratedImages() {}

  /** Returns {@code count} examples drawn with {@code seed}; class i of example j is j mod 10. */
  public static DataSet fashionLike(int count, long seed, DataType type) {
    Random random = new Random(seed);
    double[][] prototypes = new double[10][784];
    for (double[] prototype : prototypes) {
      for (int p = 0; p < 784; p++) {
        prototype[p] = random.nextDouble();
      }
    }
    double[][] features = new double[count][784];
    double[][] labels = new double[count][10];
    for (int j = 0; j < count; j++) {
      int label = j % 10;
      labels[j][label] = 1;
      for (int p = 0; p < 784; p++) {
        double value = prototypes[label][p] + 0.6 * random.nextGaussian();
        features[j][p] = Math.min(1, Math.max(0, value));
      }
    }
    return new DataSet(
        Nd4j.createFromArray(features).castTo(type), Nd4j.createFromArray(labels).castTo(type));
  }
}
