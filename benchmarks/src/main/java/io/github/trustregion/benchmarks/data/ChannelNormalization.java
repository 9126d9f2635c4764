package io.github.trustregion.benchmarks.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-channel standardization x ↦ (p/255 − μ_c)/σ_c of raw pixel values p, with the mean μ_c and
 * the (population) standard deviation σ_c of channel c fitted on a training set and applied
 * unchanged to its test set.
 *
 * <p>A channel that is constant in the training set (σ_c = 0) is only centred (σ_c is taken as 1).
 * Immutable and thread-safe.
 */
public final class ChannelNormalization {

  private final double[] mean;
  private final double[] std;

  private ChannelNormalization(double[] mean, double[] std) {
    this.mean = mean;
    this.std = std;
  }

  /**
   * Fits the per-channel mean and standard deviation of {@code training}'s pixels scaled to [0, 1],
   * accumulated in double precision.
   *
   * @throws IllegalArgumentException when the set is empty
   */
  public static ChannelNormalization fit(ImageSet training) {
    if (training.size() == 0) {
      throw new IllegalArgumentException(
          "Cannot fit a channel normalization on the empty set " + training + ".");
    }
    int channels = training.channels();
    int plane = training.height() * training.width();
    double[] sum = new double[channels];
    double[] sumOfSquares = new double[channels];
    for (int i = 0; i < training.size(); i++) {
      for (int c = 0; c < channels; c++) {
        long base = ((long) i * channels + c) * plane;
        long s = 0;
        long s2 = 0;
        for (int k = 0; k < plane; k++) {
          int p = training.rawPixel(base + k);
          s += p;
          s2 += (long) p * p;
        }
        sum[c] += s;
        sumOfSquares[c] += s2;
      }
    }
    double count = (double) training.size() * plane;
    double[] mean = new double[channels];
    double[] std = new double[channels];
    for (int c = 0; c < channels; c++) {
      double m = sum[c] / count;
      double variance = Math.max(0.0, sumOfSquares[c] / count - m * m);
      mean[c] = m / 255.0;
      std[c] = variance > 0 ? Math.sqrt(variance) / 255.0 : 1.0;
    }
    return new ChannelNormalization(mean, std);
  }

  /** Returns the fitted channel means of the pixels scaled to [0, 1]. */
  public double[] mean() {
    return mean.clone();
  }

  /** Returns the fitted channel standard deviations of the pixels scaled to [0, 1]. */
  public double[] std() {
    return std.clone();
  }

  /** Returns the normalized value of one raw pixel value of channel {@code channel}. */
  public double apply(int channel, int rawPixel) {
    return (rawPixel / 255.0 - mean[channel]) / std[channel];
  }

  /**
   * Returns the normalized images as an array of shape [N, C, H, W], or [N, C·H·W] when {@code
   * flatten} is true (for fully connected networks), in the set's order.
   *
   * @param images the images; their channel count must match the fitted one
   * @param flatten whether to flatten each image to one row
   * @param dataType {@link DataType#FLOAT} or {@link DataType#DOUBLE}
   * @throws IllegalArgumentException on a channel-count mismatch or another data type
   */
  public INDArray features(ImageSet images, boolean flatten, DataType dataType) {
    if (images.channels() != mean.length) {
      throw new IllegalArgumentException(
          "This normalization was fitted on "
              + mean.length
              + " channels but "
              + images
              + " has "
              + images.channels()
              + ".");
    }
    int n = images.size();
    int perImage = images.featuresPerImage();
    int plane = images.height() * images.width();
    long[] shape =
        flatten
            ? new long[] {n, perImage}
            : new long[] {n, images.channels(), images.height(), images.width()};
    long total = (long) n * perImage;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          images + " has " + total + " values, too many for one array; take a subset first.");
    }
    // Lookup tables: 256 values per channel, so each pixel costs one load.
    double[][] table = new double[mean.length][256];
    for (int c = 0; c < mean.length; c++) {
      for (int p = 0; p < 256; p++) {
        table[c][p] = apply(c, p);
      }
    }
    if (dataType == DataType.FLOAT) {
      float[] values = new float[(int) total];
      for (int k = 0; k < values.length; k++) {
        values[k] = (float) table[(k / plane) % mean.length][images.rawPixel(k)];
      }
      return Nd4j.create(values, shape, 'c');
    }
    if (dataType == DataType.DOUBLE) {
      double[] values = new double[(int) total];
      for (int k = 0; k < values.length; k++) {
        values[k] = table[(k / plane) % mean.length][images.rawPixel(k)];
      }
      return Nd4j.create(values, shape, 'c');
    }
    throw new IllegalArgumentException("Features can be FLOAT or DOUBLE, not " + dataType + ".");
  }

  /**
   * Returns the labels of {@code images} as one-hot rows, shape [N, numClasses].
   *
   * @param dataType {@link DataType#FLOAT} or {@link DataType#DOUBLE}
   */
  public static INDArray oneHotLabels(ImageSet images, DataType dataType) {
    INDArray labels = Nd4j.zeros(dataType, images.size(), images.numClasses());
    for (int i = 0; i < images.size(); i++) {
      labels.putScalar(i, images.label(i), 1.0);
    }
    return labels;
  }

  @Override
  public String toString() {
    return "ChannelNormalization[mean="
        + Arrays.toString(mean)
        + ", std="
        + Arrays.toString(std)
        + "]";
  }
}
