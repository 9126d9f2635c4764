package io.github.trustregion.benchmarks.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of labelled images held in memory as their raw unsigned 8-bit pixel values.
 *
 * <p>Pixels are stored image by image in channel, row, column order (NCHW): the value of channel
 * {@code c} at row {@code y}, column {@code x} of image {@code i} is at index {@code ((i·C + c)·H +
 * y)·W + x}. Labels are class indices 0 … {@code numClasses − 1}. Keeping the raw bytes (a quarter
 * of float32's memory) lets readers be tested for exact round trips; {@link ChannelNormalization}
 * turns them into network inputs.
 *
 * <p>Immutable: the arrays are copied on the way in and never handed out. Thread-safe.
 */
public final class ImageSet {

  private final String name;
  private final byte[] pixels;
  private final int[] labels;
  private final int channels;
  private final int height;
  private final int width;
  private final int numClasses;

  /**
   * Creates an image set, checking that the sizes agree and every label is a class index.
   *
   * @param name what it is, for messages ("Fashion-MNIST train")
   * @param pixels the unsigned pixel values in NCHW order (copied)
   * @param labels one class index per image (copied)
   * @param channels C
   * @param height H
   * @param width W
   * @param numClasses the number of classes
   * @throws IllegalArgumentException when the pixel count is not labels × C × H × W or a label is
   *     out of range
   */
  public ImageSet(
      String name,
      byte[] pixels,
      int[] labels,
      int channels,
      int height,
      int width,
      int numClasses) {
    this(name, pixels.clone(), labels.clone(), channels, height, width, numClasses, true);
  }

  /**
   * Creates a set that takes ownership of the arrays (no copy), for readers; labels are checked.
   */
  static ImageSet wrap(
      String name,
      byte[] pixels,
      int[] labels,
      int channels,
      int height,
      int width,
      int numClasses) {
    return new ImageSet(name, pixels, labels, channels, height, width, numClasses, true);
  }

  private ImageSet(
      String name,
      byte[] pixels,
      int[] labels,
      int channels,
      int height,
      int width,
      int numClasses,
      boolean check) {
    this.name = Objects.requireNonNull(name, "name");
    if (channels < 1 || height < 1 || width < 1 || numClasses < 2) {
      throw new IllegalArgumentException(
          "ImageSet '"
              + name
              + "' needs channels, height and width ≥ 1 and at least 2 classes, got "
              + channels
              + "×"
              + height
              + "×"
              + width
              + " with "
              + numClasses
              + " classes.");
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "ImageSet '"
              + name
              + "' has "
              + pixels.length
              + " pixel values but "
              + labels.length
              + " labels of "
              + channels
              + "×"
              + height
              + "×"
              + width
              + " images need "
              + expected
              + ".");
    }
    if (check) {
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] < 0 || labels[i] >= numClasses) {
          throw new IllegalArgumentException(
              "ImageSet '"
                  + name
                  + "': label "
                  + labels[i]
                  + " of image "
                  + i
                  + " is not a class index in [0, "
                  + numClasses
                  + ").");
        }
      }
    }
    this.pixels = pixels;
    this.labels = labels;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.numClasses = numClasses;
  }

  /** Returns the set's name, for messages and manifests. */
  public String name() {
    return name;
  }

  /** Returns the number of images. */
  public int size() {
    return labels.length;
  }

  /** Returns the number of channels C. */
  public int channels() {
    return channels;
  }

  /** Returns the image height H. */
  public int height() {
    return height;
  }

  /** Returns the image width W. */
  public int width() {
    return width;
  }

  /** Returns the number of classes. */
  public int numClasses() {
    return numClasses;
  }

  /** Returns the number of values per image, C × H × W. */
  public int featuresPerImage() {
    return channels * height * width;
  }

  /** Returns the class index of image {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** Returns the unsigned value (0 … 255) of one pixel of image {@code i}. */
  public int pixel(int i, int channel, int y, int x) {
    return pixels[((i * channels + channel) * height + y) * width + x] & 0xFF;
  }

  /** Returns the unsigned value (0 … 255) at flat index {@code index} of the NCHW pixel array. */
  int rawPixel(long index) {
    return pixels[(int) index] & 0xFF;
  }

  /** Returns how many images each class has, indexed by class. */
  public int[] labelCounts() {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** Returns a copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Returns the images at {@code indices}, in that order, as a new set.
   *
   * @throws IndexOutOfBoundsException when an index is not an image of this set
   */
  public ImageSet select(int[] indices, String newName) {
    int perImage = featuresPerImage();
    byte[] selectedPixels = new byte[indices.length * perImage];
    int[] selectedLabels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = Objects.checkIndex(indices[k], labels.length);
      System.arraycopy(pixels, i * perImage, selectedPixels, k * perImage, perImage);
      selectedLabels[k] = labels[i];
    }
    return new ImageSet(
        newName, selectedPixels, selectedLabels, channels, height, width, numClasses, false);
  }

  /**
   * Returns the first {@code count} images (all of them when there are fewer).
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  public ImageSet first(int count, String newName) {
    if (count < 0) {
      throw new IllegalArgumentException("ImageSet.first needs count ≥ 0, got " + count + ".");
    }
    int n = Math.min(count, size());
    int[] indices = new int[n];
    Arrays.setAll(indices, i -> i);
    return select(indices, newName);
  }

  /**
   * Returns the images shrunk by averaging {@code factor × factor} pixel blocks (rounded to the
   * nearest integer, halves up), as the paper's code resizes STL-10 from 96×96 to 32×32.
   *
   * @throws IllegalArgumentException when the factor does not divide the height and the width
   */
  public ImageSet downsample(int factor, String newName) {
    if (factor < 1 || height % factor != 0 || width % factor != 0) {
      throw new IllegalArgumentException(
          "ImageSet '"
              + name
              + "' of "
              + height
              + "×"
              + width
              + " images cannot be downsampled by "
              + factor
              + ": the factor must be ≥ 1 and divide both sides.");
    }
    int h = height / factor;
    int w = width / factor;
    int area = factor * factor;
    byte[] out = new byte[labels.length * channels * h * w];
    int o = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int sum = 0;
            for (int dy = 0; dy < factor; dy++) {
              for (int dx = 0; dx < factor; dx++) {
                sum += pixel(i, c, y * factor + dy, x * factor + dx);
              }
            }
            out[o++] = (byte) ((2 * sum + area) / (2 * area));
          }
        }
      }
    }
    return new ImageSet(newName, out, labels, channels, h, w, numClasses, false);
  }

  @Override
  public String toString() {
    return name
        + " ("
        + size()
        + " images of "
        + channels
        + "×"
        + height
        + "×"
        + width
        + ", "
        + numClasses
        + " classes)";
  }
}
