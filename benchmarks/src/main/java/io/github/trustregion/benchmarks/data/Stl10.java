package io.github.trustregion.benchmarks.data;

import java.nio.file.Path;

/**
 * Reads the labelled part of STL-10 (Coates, Lee and Ng, 2011) from its binary version: 5,000
 * training and 8,000 test colour images of 96×96 pixels in 10 classes.
 *
 * <p>{@code train_X.bin} and {@code test_X.bin} hold unsigned bytes, 3 × 96 × 96 per image, each
 * channel stored column-major (the value at row y, column x of channel c is at offset c·9216 + x·96
 * + y within the image); this reader transposes them to row-major NCHW. {@code train_y.bin} and
 * {@code test_y.bin} hold one byte per image, the class 1 … 10, returned as 0 … 9. The directory is
 * the system property {@value #DIRECTORY_PROPERTY}; it may name the directory with the files or its
 * parent, into which the archive unpacks {@code stl10_binary}.
 */
public final class Stl10 {

  /** The system property that names the directory with the binary files. */
  public static final String DIRECTORY_PROPERTY = "stl10.dir";

  /** How to get the files, appended to every error message. */
  public static final String REMEDY =
      "STL-10 cannot be downloaded at run time: on a machine with network, download the binary"
          + " version (stl10_binary.tar.gz) from the dataset's home page, unpack it and pass -D"
          + DIRECTORY_PROPERTY
          + "=DIR naming stl10_binary (or its parent).";

  /** The side of an STL-10 image in pixels. */
  public static final int SIDE = 96;

  /** Bytes per image: 3 × 96 × 96. */
  public static final int IMAGE_BYTES = 3 * SIDE * SIDE;

  private static final int CLASSES = 10;
  private static final String UNPACKED = "stl10_binary";

  private Stl10() {}

  /**
   * Returns the directory named by {@value #DIRECTORY_PROPERTY}, or throws saying how to set it.
   */
  public static Path directory() {
    return DatasetFiles.directory(DIRECTORY_PROPERTY, null, REMEDY);
  }

  /** Reads the training and test sets from {@link #directory()}. */
  public static DatasetSplit load() {
    return load(directory());
  }

  /**
   * Reads the labelled training and test sets from {@code directory}.
   *
   * @throws DatasetFileException naming the file when one is missing or malformed
   */
  public static DatasetSplit load(Path directory) {
    Path root = DatasetFiles.descend(directory, UNPACKED);
    ImageSet train = read(root.resolve("train_X.bin"), root.resolve("train_y.bin"), "STL-10 train");
    ImageSet test = read(root.resolve("test_X.bin"), root.resolve("test_y.bin"), "STL-10 test");
    return new DatasetSplit(train, test);
  }

  /**
   * Reads only the labelled training set from {@code directory}, without opening the test files
   * (for tuning, which must not read the test set).
   *
   * @throws DatasetFileException naming the file when one is missing or malformed
   */
  public static ImageSet loadTraining(Path directory) {
    Path root = DatasetFiles.descend(directory, UNPACKED);
    return read(root.resolve("train_X.bin"), root.resolve("train_y.bin"), "STL-10 train");
  }

  private static ImageSet read(Path imagesFile, Path labelsFile, String name) {
    byte[] images =
        DatasetFiles.readAll(
            imagesFile,
            "STL-10 images, 27,648 bytes (3×96×96, column-major per channel) per image",
            REMEDY);
    if (images.length == 0 || images.length % IMAGE_BYTES != 0) {
      throw new DatasetFileException(
          imagesFile,
          "holds "
              + images.length
              + " bytes, which is not a positive multiple of the 27,648 bytes (3×96×96) of one STL-10"
              + " image.",
          REMEDY,
          null);
    }
    int count = images.length / IMAGE_BYTES;
    byte[] labelBytes =
        DatasetFiles.readAll(labelsFile, "STL-10 labels, one byte (1…10) per image", REMEDY);
    if (labelBytes.length != count) {
      throw new DatasetFileException(
          labelsFile,
          "holds "
              + labelBytes.length
              + " labels but "
              + imagesFile.getFileName()
              + " holds "
              + count
              + " images; the files must match.",
          REMEDY,
          null);
    }
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = labelBytes[i] & 0xFF;
      if (label < 1 || label > CLASSES) {
        throw new DatasetFileException(
            labelsFile,
            "label " + label + " of image " + i + " is outside STL-10's classes 1…10.",
            REMEDY,
            null);
      }
      labels[i] = label - 1;
    }
    byte[] pixels = new byte[images.length];
    int plane = SIDE * SIDE;
    for (int p = 0; p < count * 3; p++) {
      int base = p * plane;
      for (int x = 0; x < SIDE; x++) {
        for (int y = 0; y < SIDE; y++) {
          pixels[base + y * SIDE + x] = images[base + x * SIDE + y];
        }
      }
    }
    return ImageSet.wrap(name, pixels, labels, 3, SIDE, SIDE, CLASSES);
  }
}
