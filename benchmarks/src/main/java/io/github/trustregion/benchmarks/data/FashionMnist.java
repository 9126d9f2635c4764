package io.github.trustregion.benchmarks.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017) from its four gzipped IDX files: 60,000
 * training and 10,000 test images of 28×28 grey pixels in 10 classes.
 *
 * <p>The IDX format: a big-endian header (magic number {@code 0x00000803} for images followed by
 * the count, rows and columns; {@code 0x00000801} for labels followed by the count), then one
 * unsigned byte per pixel in row-major order, or one per label. The directory is the system
 * property {@value #DIRECTORY_PROPERTY}, by default {@code /usr/share/datasets/fashion-mnist} where
 * the Debian package {@code dataset-fashion-mnist} installs the files.
 */
public final class FashionMnist {

  /** The system property that names the directory holding the four files. */
  public static final String DIRECTORY_PROPERTY = "fashionmnist.dir";

  /** Where the Debian package {@code dataset-fashion-mnist} installs the files. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  /** How to get the files, appended to every error message. */
  public static final String REMEDY =
      "Install them with 'apt-get install dataset-fashion-mnist' (they go to "
          + DEFAULT_DIRECTORY
          + ") or pass -D"
          + DIRECTORY_PROPERTY
          + "=DIR naming a directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
          + " t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz.";

  static final int IMAGE_MAGIC = 0x00000803;
  static final int LABEL_MAGIC = 0x00000801;
  private static final int CLASSES = 10;
  private static final String[] FILES = {
    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
  };

  private FashionMnist() {}

  /** Returns the directory to read from: the system property, else the Debian package's. */
  public static Path directory() {
    return DatasetFiles.directory(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY, REMEDY);
  }

  /** Returns whether all four files exist in {@code directory}. */
  public static boolean isAvailable(Path directory) {
    for (String file : FILES) {
      if (!Files.isRegularFile(directory.resolve(file))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns every problem that would stop the four files in {@code directory} from loading, found
   * cheaply: a missing file, or a gzip file that does not end where its content says (a truncated
   * download or copy). Each problem is a sentence naming the file and the fix. Reads the first
   * bytes (the IDX header) and the last four (the gzip trailer's uncompressed size, modulo
   * 2<sup>32</sup>) of each file, without decompressing it.
   */
  public static List<String> problems(Path directory) {
    List<String> problems = new ArrayList<>();
    for (String name : FILES) {
      Path file = directory.resolve(name);
      if (!Files.isRegularFile(file)) {
        problems.add(
            "The Fashion-MNIST file "
                + file
                + " is missing; install it with"
                + " 'apt-get install -y dataset-fashion-mnist' or pass -D"
                + DIRECTORY_PROPERTY
                + "=DIR naming a directory that holds it.");
        continue;
      }
      boolean images = name.contains("images");
      DatasetFiles.gzipSizeProblem(
              file,
              images ? 16 : 8,
              header ->
                  images
                      ? 16L
                          + (long) DatasetFiles.bigEndianInt(header, 4)
                              * DatasetFiles.bigEndianInt(header, 8)
                              * DatasetFiles.bigEndianInt(header, 12)
                      : 8L + DatasetFiles.bigEndianInt(header, 4))
          .ifPresent(
              problem ->
                  problems.add(
                      "The Fashion-MNIST file "
                          + file
                          + " "
                          + problem
                          + "; reinstall it with 'apt-get install --reinstall dataset-fashion-mnist' or pass -D"
                          + DIRECTORY_PROPERTY
                          + "=DIR naming a directory with a complete copy."));
    }
    return problems;
  }

  /** Reads the training and test sets from {@link #directory()}. */
  public static DatasetSplit load() {
    return load(directory());
  }

  /**
   * Reads the training and test sets from {@code directory}.
   *
   * @throws DatasetFileException naming the file when one is missing or malformed
   */
  public static DatasetSplit load(Path directory) {
    ImageSet train =
        read(directory.resolve(FILES[0]), directory.resolve(FILES[1]), "Fashion-MNIST train");
    ImageSet test =
        read(directory.resolve(FILES[2]), directory.resolve(FILES[3]), "Fashion-MNIST test");
    return new DatasetSplit(train, test);
  }

  /**
   * Reads only the training set from {@code directory}, without opening the test files (for tuning,
   * which must not read the test set).
   *
   * @throws DatasetFileException naming the file when it is missing or malformed
   */
  public static ImageSet loadTraining(Path directory) {
    return read(directory.resolve(FILES[0]), directory.resolve(FILES[1]), "Fashion-MNIST train");
  }

  /**
   * Reads one pair of gzipped IDX files (images and labels) as a set of one-channel images.
   *
   * @throws DatasetFileException naming the file when it is missing or malformed
   */
  static ImageSet read(Path imagesFile, Path labelsFile, String name) {
    byte[] images =
        DatasetFiles.readGzip(
            imagesFile, "a gzipped IDX image file (magic number 0x00000803)", REMEDY);
    byte[] labels =
        DatasetFiles.readGzip(
            labelsFile, "a gzipped IDX label file (magic number 0x00000801)", REMEDY);
    checkHeader(imagesFile, images, IMAGE_MAGIC, 16);
    checkHeader(labelsFile, labels, LABEL_MAGIC, 8);
    int count = DatasetFiles.bigEndianInt(images, 4);
    int rows = DatasetFiles.bigEndianInt(images, 8);
    int columns = DatasetFiles.bigEndianInt(images, 12);
    int labelCount = DatasetFiles.bigEndianInt(labels, 4);
    if (count < 0 || rows <= 0 || columns <= 0) {
      throw new DatasetFileException(
          imagesFile,
          "the IDX header declares "
              + count
              + " images of "
              + rows
              + "×"
              + columns
              + " pixels, which is impossible.",
          REMEDY,
          null);
    }
    long expectedImageBytes = 16L + (long) count * rows * columns;
    if (images.length != expectedImageBytes) {
      throw new DatasetFileException(
          imagesFile,
          "holds "
              + images.length
              + " bytes after decompression but its header ("
              + count
              + " images of "
              + rows
              + "×"
              + columns
              + ") needs "
              + expectedImageBytes
              + "; the file is truncated or corrupt.",
          REMEDY,
          null);
    }
    if (labelCount != count || labels.length != 8L + count) {
      throw new DatasetFileException(
          labelsFile,
          "holds "
              + labelCount
              + " labels in its header and "
              + (labels.length - 8)
              + " in its body, but the image file "
              + imagesFile.getFileName()
              + " holds "
              + count
              + " images; the two files must match.",
          REMEDY,
          null);
    }
    int[] classes = new int[count];
    for (int i = 0; i < count; i++) {
      classes[i] = labels[8 + i] & 0xFF;
      if (classes[i] >= CLASSES) {
        throw new DatasetFileException(
            labelsFile,
            "label " + classes[i] + " of image " + i + " is not a class index 0…9.",
            REMEDY,
            null);
      }
    }
    byte[] pixels = new byte[images.length - 16];
    System.arraycopy(images, 16, pixels, 0, pixels.length);
    return ImageSet.wrap(name, pixels, classes, 1, rows, columns, CLASSES);
  }

  private static void checkHeader(Path file, byte[] bytes, int magic, int headerBytes) {
    if (bytes.length < headerBytes) {
      throw new DatasetFileException(
          file,
          "holds only "
              + bytes.length
              + " bytes after decompression, less than the "
              + headerBytes
              + "-byte IDX header.",
          REMEDY,
          null);
    }
    int actual = DatasetFiles.bigEndianInt(bytes, 0);
    if (actual != magic) {
      throw new DatasetFileException(
          file,
          String.format(
              "has magic number 0x%08X but an IDX %s file must start with 0x%08X.",
              actual, magic == IMAGE_MAGIC ? "image" : "label", magic),
          REMEDY,
          null);
    }
  }
}
