package io.github.trustregion.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

  @TempDir Path directory;

  @Test
  void readsTheRealFilesWithTheirShapesAndSixThousandImagesPerTrainingClass() {
    Path real = FashionMnist.directory();
    assumeTrue(
        FashionMnist.isAvailable(real),
        "Fashion-MNIST is not installed in " + real + ": apt-get install dataset-fashion-mnist");

    DatasetSplit split = FashionMnist.load(real);

    assertThat(split.train().size()).isEqualTo(60_000);
    assertThat(split.test().size()).isEqualTo(10_000);
    assertThat(split.train().channels()).isEqualTo(1);
    assertThat(split.train().height()).isEqualTo(28);
    assertThat(split.train().width()).isEqualTo(28);
    assertThat(split.train().featuresPerImage()).isEqualTo(784);
    assertThat(split.train().labelCounts()).containsOnly(6_000);
    assertThat(split.test().labelCounts()).containsOnly(1_000);
    // The IDX label file of the training set starts 9, 0, 0, 3 (ankle boot, T-shirt, T-shirt,
    // dress).
    assertThat(
            new int[] {
              split.train().label(0),
              split.train().label(1),
              split.train().label(2),
              split.train().label(3)
            })
        .containsExactly(9, 0, 0, 3);
  }

  @Test
  void readsGzippedIdxFilesItWroteExactly() throws IOException {
    int count = 3;
    byte[] pixels = new byte[count * 2 * 4];
    for (int k = 0; k < pixels.length; k++) {
      pixels[k] = (byte) (k * 37 + 5);
    }
    writeIdx(
        directory.resolve("img.gz"), FashionMnist.IMAGE_MAGIC, new int[] {count, 2, 4}, pixels);
    writeIdx(
        directory.resolve("lab.gz"),
        FashionMnist.LABEL_MAGIC,
        new int[] {count},
        new byte[] {7, 0, 9});

    ImageSet set = FashionMnist.read(directory.resolve("img.gz"), directory.resolve("lab.gz"), "t");

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.height()).isEqualTo(2);
    assertThat(set.width()).isEqualTo(4);
    assertThat(set.labels()).containsExactly(7, 0, 9);
    for (int i = 0; i < count; i++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 4; x++) {
          assertThat(set.pixel(i, 0, y, x)).isEqualTo(pixels[i * 8 + y * 4 + x] & 0xFF);
        }
      }
    }
  }

  @Test
  void rejectsAWrongMagicNumberNamingTheFileAndTheExpectedMagic() throws IOException {
    writeIdx(
        directory.resolve("img.gz"), FashionMnist.LABEL_MAGIC, new int[] {1, 1, 1}, new byte[] {1});
    writeIdx(directory.resolve("lab.gz"), FashionMnist.LABEL_MAGIC, new int[] {1}, new byte[] {1});

    assertThatThrownBy(
            () -> FashionMnist.read(directory.resolve("img.gz"), directory.resolve("lab.gz"), "t"))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining(directory.resolve("img.gz").toString())
        .hasMessageContaining("0x00000803")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
  }

  @Test
  void rejectsATruncatedImageFileNamingTheSizeItNeeds() throws IOException {
    writeIdx(
        directory.resolve("img.gz"),
        FashionMnist.IMAGE_MAGIC,
        new int[] {2, 2, 2},
        new byte[] {1, 2, 3});
    writeIdx(
        directory.resolve("lab.gz"), FashionMnist.LABEL_MAGIC, new int[] {2}, new byte[] {1, 2});

    assertThatThrownBy(
            () -> FashionMnist.read(directory.resolve("img.gz"), directory.resolve("lab.gz"), "t"))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining("img.gz")
        .hasMessageContaining("needs 24");
  }

  @Test
  void rejectsAFileThatIsNotGzipped() throws IOException {
    Files.write(directory.resolve("img.gz"), new byte[] {0, 0, 8, 3, 0, 0, 0, 0});
    writeIdx(directory.resolve("lab.gz"), FashionMnist.LABEL_MAGIC, new int[] {0}, new byte[0]);

    assertThatThrownBy(
            () -> FashionMnist.read(directory.resolve("img.gz"), directory.resolve("lab.gz"), "t"))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining("img.gz")
        .hasMessageContaining("gzip");
  }

  @Test
  void namesTheMissingFileAndHowToInstallTheDataset() {
    assertThatThrownBy(() -> FashionMnist.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining(directory.resolve("train-images-idx3-ubyte.gz").toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
  }

  private static void writeIdx(Path file, int magic, int[] dimensions, byte[] body)
      throws IOException {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * dimensions.length);
    header.putInt(magic);
    for (int d : dimensions) {
      header.putInt(d);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(header.array());
      out.write(body);
    }
  }

  /** Writes the four files of a tiny but complete Fashion-MNIST into the test directory. */
  private void writeCompleteDataset() throws IOException {
    java.util.Random random = new java.util.Random(7);
    byte[] pixels = new byte[50 * 28 * 28];
    random.nextBytes(pixels);
    byte[] labels = new byte[50];
    for (String set : new String[] {"train", "t10k"}) {
      writeIdx(
          directory.resolve(set + "-images-idx3-ubyte.gz"),
          FashionMnist.IMAGE_MAGIC,
          new int[] {50, 28, 28},
          pixels);
      writeIdx(
          directory.resolve(set + "-labels-idx1-ubyte.gz"),
          FashionMnist.LABEL_MAGIC,
          new int[] {50},
          labels);
    }
  }

  @Test
  void findsNoProblemInTheRealFiles() {
    Path real = FashionMnist.directory();
    assumeTrue(
        FashionMnist.isAvailable(real),
        "Fashion-MNIST is not installed in " + real + ": apt-get install dataset-fashion-mnist");

    assertThat(FashionMnist.problems(real)).isEmpty();
  }

  @Test
  void findsNoProblemInCompleteFiles() throws IOException {
    writeCompleteDataset();

    assertThat(FashionMnist.problems(directory)).isEmpty();
  }

  @Test
  void findsATruncatedGzipFileWithoutDecompressingItAndNamesItsReinstallCommand()
      throws IOException {
    writeCompleteDataset();
    Path images = directory.resolve("train-images-idx3-ubyte.gz");
    byte[] whole = Files.readAllBytes(images);
    Files.write(images, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThat(FashionMnist.problems(directory))
        .singleElement()
        .asString()
        .contains(images.toString())
        .contains("truncated")
        .contains("apt-get install --reinstall dataset-fashion-mnist");
  }

  @Test
  void namesEachMissingFileAsAProblem() throws IOException {
    writeCompleteDataset();
    Files.delete(directory.resolve("t10k-labels-idx1-ubyte.gz"));

    assertThat(FashionMnist.problems(directory))
        .singleElement()
        .asString()
        .contains(directory.resolve("t10k-labels-idx1-ubyte.gz").toString())
        .contains("apt-get install -y dataset-fashion-mnist");
  }
}
