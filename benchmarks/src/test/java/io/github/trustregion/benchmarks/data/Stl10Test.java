package io.github.trustregion.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10Test {

  private static final int SIDE = 96;
  private static final int IMAGE = 3 * SIDE * SIDE;

  @TempDir Path directory;

  /** A pixel value that differs under a transposition of x and y. */
  private static int value(int image, int channel, int y, int x) {
    return (image * 101 + channel * 67 + y * 3 + x * 7) % 256;
  }

  /** Writes images in STL-10's layout: per channel column-major, offset c·9216 + x·96 + y. */
  private static void writeImages(Path file, int count, int salt) throws IOException {
    byte[] bytes = new byte[count * IMAGE];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < 3; c++) {
        for (int x = 0; x < SIDE; x++) {
          for (int y = 0; y < SIDE; y++) {
            bytes[i * IMAGE + c * SIDE * SIDE + x * SIDE + y] = (byte) value(i + salt, c, y, x);
          }
        }
      }
    }
    Files.write(file, bytes);
  }

  @Test
  void readsColumnMajorImagesItWroteIntoRowMajorPixelsAndLabelsFromZero() throws IOException {
    writeImages(directory.resolve("train_X.bin"), 3, 0);
    Files.write(directory.resolve("train_y.bin"), new byte[] {1, 10, 4});
    writeImages(directory.resolve("test_X.bin"), 2, 5);
    Files.write(directory.resolve("test_y.bin"), new byte[] {2, 3});

    DatasetSplit split = Stl10.load(directory);

    assertThat(split.train().size()).isEqualTo(3);
    assertThat(split.test().size()).isEqualTo(2);
    assertThat(split.train().labels()).containsExactly(0, 9, 3);
    assertThat(split.test().labels()).containsExactly(1, 2);
    assertThat(split.train().height()).isEqualTo(96);
    assertPixels(split.train(), 0);
    assertPixels(split.test(), 5);
  }

  private static void assertPixels(ImageSet set, int salt) {
    for (int i = 0; i < set.size(); i++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            if (set.pixel(i, c, y, x) != value(i + salt, c, y, x)) {
              throw new AssertionError(
                  "Pixel ("
                      + i
                      + ", "
                      + c
                      + ", "
                      + y
                      + ", "
                      + x
                      + ") is "
                      + set.pixel(i, c, y, x)
                      + ", written "
                      + value(i + salt, c, y, x));
            }
          }
        }
      }
    }
  }

  @Test
  void findsTheFilesInsideTheUnpackedArchiveDirectory() throws IOException {
    Path inner = Files.createDirectory(directory.resolve("stl10_binary"));
    writeImages(inner.resolve("train_X.bin"), 1, 0);
    Files.write(inner.resolve("train_y.bin"), new byte[] {1});
    writeImages(inner.resolve("test_X.bin"), 1, 0);
    Files.write(inner.resolve("test_y.bin"), new byte[] {1});

    assertThat(Stl10.load(directory).train().size()).isEqualTo(1);
  }

  @Test
  void rejectsLabelFilesThatDoNotMatchTheImageCount() throws IOException {
    writeImages(directory.resolve("train_X.bin"), 2, 0);
    Files.write(directory.resolve("train_y.bin"), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> Stl10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining(directory.resolve("train_y.bin").toString())
        .hasMessageContaining("holds 3 labels")
        .hasMessageContaining("2 images");
  }

  @Test
  void rejectsALabelOfZeroBecauseStlClassesCountFromOne() throws IOException {
    writeImages(directory.resolve("train_X.bin"), 2, 0);
    Files.write(directory.resolve("train_y.bin"), new byte[] {1, 0});

    assertThatThrownBy(() -> Stl10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining("train_y.bin")
        .hasMessageContaining("label 0 of image 1");
  }

  @Test
  void rejectsAnImageFileOfTheWrongSize() throws IOException {
    Files.write(directory.resolve("train_X.bin"), new byte[IMAGE - 1]);
    Files.write(directory.resolve("train_y.bin"), new byte[] {1});

    assertThatThrownBy(() -> Stl10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining("train_X.bin")
        .hasMessageContaining("27,648 bytes");
  }

  @Test
  void namesTheMissingFileAndHowToGetTheDataset() {
    assertThatThrownBy(() -> Stl10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining(directory.resolve("train_X.bin").toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("-Dstl10.dir");
  }
}
