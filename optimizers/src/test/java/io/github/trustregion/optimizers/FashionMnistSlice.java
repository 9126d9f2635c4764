package io.github.trustregion.optimizers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A minimal test-only reader of the first images of Fashion-MNIST's training set (gzipped IDX files
 * of the Debian package {@code dataset-fashion-mnist}); the benchmarks module has the real reader.
 * Tests that need it are skipped, with instructions, when the package is absent.
 */
public final class FashionMnistSlice {

  /** Where the Debian package installs the files. */
  public static final Path DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  private static final int IMAGE_MAGIC = 0x00000803;
  private static final int LABEL_MAGIC = 0x00000801;
  private static final int CLASSES = 10;

  private FashionMnistSlice() {}

  /**
   * Returns the first {@code count} training images (pixels scaled to [0, 1], 784 features) with
   * one-hot labels, or skips the calling test when the data set is not installed.
   */
  public static DataSet firstTrainingImages(int count, DataType type) {
    Path images = DIRECTORY.resolve("train-images-idx3-ubyte.gz");
    Path labels = DIRECTORY.resolve("train-labels-idx1-ubyte.gz");
    assumeTrue(
        Files.isReadable(images) && Files.isReadable(labels),
        "Fashion-MNIST is not installed at "
            + DIRECTORY
            + "; install it with `apt-get install -y dataset-fashion-mnist` to run this test");
    try (DataInputStream imageStream = open(images);
        DataInputStream labelStream = open(labels)) {
      requireHeader(imageStream, IMAGE_MAGIC, images);
      requireHeader(labelStream, LABEL_MAGIC, labels);
      int available = imageStream.readInt();
      int rows = imageStream.readInt();
      int columns = imageStream.readInt();
      labelStream.readInt();
      if (count > available) {
        throw new IllegalArgumentException(
            "asked for " + count + " images but " + images + " holds " + available);
      }
      int pixels = rows * columns;
      float[][] features = new float[count][pixels];
      float[][] oneHot = new float[count][CLASSES];
      byte[] image = new byte[pixels];
      for (int i = 0; i < count; i++) {
        imageStream.readFully(image);
        for (int p = 0; p < pixels; p++) {
          features[i][p] = (image[p] & 0xff) / 255f;
        }
        oneHot[i][labelStream.readUnsignedByte()] = 1f;
      }
      return new DataSet(
          Nd4j.createFromArray(features).castTo(type), Nd4j.createFromArray(oneHot).castTo(type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Fashion-MNIST from " + DIRECTORY, e);
    }
  }

  private static DataInputStream open(Path path) throws IOException {
    InputStream raw = Files.newInputStream(path);
    return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
  }

  private static void requireHeader(DataInputStream stream, int magic, Path path)
      throws IOException {
    int found = stream.readInt();
    if (found != magic) {
      throw new IllegalStateException(
          path
              + " is not an IDX file of the expected kind: magic "
              + found
              + ", expected "
              + magic);
    }
  }
}
