package io.github.trustregion.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ChannelNormalizationTest {

  private static ImageSet randomImages(int count, int channels, int side, long seed) {
    Random random = new Random(seed);
    byte[] pixels = new byte[count * channels * side * side];
    // Channel-dependent ranges so that the channels' statistics differ.
    for (int k = 0; k < pixels.length; k++) {
      int channel = (k / (side * side)) % channels;
      pixels[k] = (byte) (channel * 60 + random.nextInt(100 + 50 * channel));
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 3;
    }
    return new ImageSet("random", pixels, labels, channels, side, side, 3);
  }

  @Test
  void fitsEachChannelsMeanAndPopulationStandardDeviationOfTheTrainingSet() {
    ImageSet train = randomImages(7, 3, 4, 1);

    ChannelNormalization normalization = ChannelNormalization.fit(train);

    for (int c = 0; c < 3; c++) {
      double sum = 0;
      int n = 0;
      for (int i = 0; i < train.size(); i++) {
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 4; x++) {
            sum += train.pixel(i, c, y, x) / 255.0;
            n++;
          }
        }
      }
      double mean = sum / n;
      double squares = 0;
      for (int i = 0; i < train.size(); i++) {
        for (int y = 0; y < 4; y++) {
          for (int x = 0; x < 4; x++) {
            double d = train.pixel(i, c, y, x) / 255.0 - mean;
            squares += d * d;
          }
        }
      }
      assertThat(normalization.mean()[c]).isCloseTo(mean, within(1e-12));
      assertThat(normalization.std()[c]).isCloseTo(Math.sqrt(squares / n), within(1e-12));
    }
  }

  @Test
  void givesTrainingFeaturesOfZeroMeanAndUnitVariancePerChannelInNchwOrder() {
    ImageSet train = randomImages(9, 3, 5, 2);
    ChannelNormalization normalization = ChannelNormalization.fit(train);

    INDArray features = normalization.features(train, false, DataType.DOUBLE);

    assertThat(features.shape()).containsExactly(9, 3, 5, 5);
    for (int c = 0; c < 3; c++) {
      INDArray channel =
          features.get(
              org.nd4j.linalg.indexing.NDArrayIndex.all(),
              org.nd4j.linalg.indexing.NDArrayIndex.point(c),
              org.nd4j.linalg.indexing.NDArrayIndex.all(),
              org.nd4j.linalg.indexing.NDArrayIndex.all());
      assertThat(channel.meanNumber().doubleValue()).isCloseTo(0.0, within(1e-12));
      assertThat(channel.stdNumber(false).doubleValue()).isCloseTo(1.0, within(1e-12));
    }
    assertThat(features.getDouble(4, 2, 3, 1))
        .isCloseTo(
            (train.pixel(4, 2, 3, 1) / 255.0 - normalization.mean()[2]) / normalization.std()[2],
            within(1e-12));
  }

  @Test
  void normalizesTheTestSetWithTheTrainingStatistics() {
    ImageSet train = randomImages(6, 1, 3, 3);
    ImageSet test = randomImages(2, 1, 3, 4);
    ChannelNormalization normalization = ChannelNormalization.fit(train);

    INDArray features = normalization.features(test, true, DataType.FLOAT);

    assertThat(features.shape()).containsExactly(2, 9);
    assertThat(features.dataType()).isEqualTo(DataType.FLOAT);
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 9; k++) {
        double expected =
            (test.pixel(i, 0, k / 3, k % 3) / 255.0 - normalization.mean()[0])
                / normalization.std()[0];
        assertThat(features.getDouble(i, k)).isCloseTo(expected, within(1e-5));
      }
    }
  }

  @Test
  void onlyCentresAChannelThatIsConstant() {
    ImageSet constant =
        new ImageSet("flat", new byte[] {51, 51, 51, 51}, new int[] {0, 1}, 1, 1, 2, 2);

    ChannelNormalization normalization = ChannelNormalization.fit(constant);

    assertThat(normalization.std()[0]).isEqualTo(1.0);
    assertThat(normalization.features(constant, true, DataType.DOUBLE).getDouble(0, 0))
        .isCloseTo(0.0, within(1e-15));
  }

  @Test
  void encodesLabelsAsOneHotRows() {
    ImageSet set = new ImageSet("l", new byte[3], new int[] {2, 0, 1}, 1, 1, 1, 3);

    INDArray labels = ChannelNormalization.oneHotLabels(set, DataType.FLOAT);

    assertThat(labels.toDoubleMatrix())
        .isDeepEqualTo(new double[][] {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
  }
}
