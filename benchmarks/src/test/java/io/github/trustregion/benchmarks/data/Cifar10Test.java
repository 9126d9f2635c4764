package io.github.trustregion.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Cifar10Test {

  private static final int RECORD = 3073;

  @TempDir Path directory;

  @Test
  void readsBinaryBatchesItWroteExactly() throws IOException {
    Random random = new Random(11);
    byte[][] files = new byte[6][];
    for (int b = 0; b < 6; b++) {
      int records = 3;
      files[b] = new byte[records * RECORD];
      random.nextBytes(files[b]);
      for (int r = 0; r < records; r++) {
        files[b][r * RECORD] = (byte) random.nextInt(10);
      }
      Path file =
          b < 5
              ? directory.resolve("data_batch_" + (b + 1) + ".bin")
              : directory.resolve("test_batch.bin");
      Files.write(file, files[b]);
    }

    DatasetSplit split = Cifar10.load(directory);

    assertThat(split.train().size()).isEqualTo(5 * 3);
    assertThat(split.test().size()).isEqualTo(3);
    assertThat(split.train().channels()).isEqualTo(3);
    assertThat(split.train().height()).isEqualTo(32);
    assertThat(split.train().width()).isEqualTo(32);
    int image = 0;
    for (int b = 0; b < 5; b++) {
      image = assertRecords(files[b], split.train(), image);
    }
    assertRecords(files[5], split.test(), 0);
  }

  /** Checks every record of {@code file} against the images from {@code first} on. */
  private static int assertRecords(byte[] file, ImageSet set, int first) {
    int image = first;
    for (int r = 0; r < file.length / RECORD; r++, image++) {
      int base = r * RECORD;
      assertThat(set.label(image)).isEqualTo((int) file[base]);
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            int expected = file[base + 1 + c * 1024 + y * 32 + x] & 0xFF;
            if (set.pixel(image, c, y, x) != expected) {
              throw new AssertionError(
                  "Pixel ("
                      + image
                      + ", "
                      + c
                      + ", "
                      + y
                      + ", "
                      + x
                      + ") is "
                      + set.pixel(image, c, y, x)
                      + ", written "
                      + expected);
            }
          }
        }
      }
    }
    return image;
  }

  @Test
  void findsTheFilesInsideTheUnpackedArchiveDirectory() throws IOException {
    Path inner = Files.createDirectory(directory.resolve("cifar-10-batches-bin"));
    for (String name :
        new String[] {
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin",
          "test_batch.bin"
        }) {
      Files.write(inner.resolve(name), new byte[RECORD]);
    }

    assertThat(Cifar10.load(directory).train().size()).isEqualTo(5);
  }

  @Test
  void rejectsAFileWhoseSizeIsNotAMultipleOfTheRecord() throws IOException {
    writeValidBatches();
    Files.write(directory.resolve("data_batch_3.bin"), new byte[RECORD + 7]);

    assertThatThrownBy(() -> Cifar10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining(directory.resolve("data_batch_3.bin").toString())
        .hasMessageContaining("3080 bytes")
        .hasMessageContaining("3073-byte")
        .hasMessageContaining("-Dcifar10.dir");
  }

  @Test
  void rejectsALabelOutsideTheTenClasses() throws IOException {
    writeValidBatches();
    byte[] test = new byte[2 * RECORD];
    test[RECORD] = 42;
    Files.write(directory.resolve("test_batch.bin"), test);

    assertThatThrownBy(() -> Cifar10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining("test_batch.bin")
        .hasMessageContaining("record 1 has label byte 42");
  }

  @Test
  void namesTheTrainingBatchAndTheRecordInsideItThatHasABadLabel() throws IOException {
    writeValidBatches(3);
    byte[] batch = new byte[3 * RECORD];
    batch[2 * RECORD] = 10;
    Path file = directory.resolve("data_batch_3.bin");
    Files.write(file, batch);

    assertThatThrownBy(() -> Cifar10.load(directory))
        .isInstanceOfSatisfying(
            DatasetFileException.class, e -> assertThat(e.file()).isEqualTo(file).exists())
        .hasMessageContaining("Dataset file " + file + ": record 2 has label byte 10")
        .hasMessageContaining("download cifar-10-binary.tar.gz again and re-extract it")
        .hasMessageContaining("-Dcifar10.dir");
  }

  @ParameterizedTest
  @ValueSource(strings = {"data_batch_1.bin", "data_batch_4.bin", "test_batch.bin"})
  void namesAFileThatIsOneRecordShorterThanTheOthers(String name) throws IOException {
    writeValidBatches(3);
    Path file = directory.resolve(name);
    Files.write(file, new byte[2 * RECORD]);

    assertThatThrownBy(() -> Cifar10.load(directory))
        .isInstanceOfSatisfying(
            DatasetFileException.class, e -> assertThat(e.file()).isEqualTo(file))
        .hasMessageContaining("Dataset file " + file + ": holds 2 records (6146 bytes)")
        .hasMessageContaining("hold 3 each")
        .hasMessageContaining("truncated")
        .hasMessageContaining("download cifar-10-binary.tar.gz again and re-extract it");
  }

  @Test
  void namesTheMissingFileAndHowToGetTheDataset() throws IOException {
    writeValidBatches();
    Files.delete(directory.resolve("test_batch.bin"));

    assertThatThrownBy(() -> Cifar10.load(directory))
        .isInstanceOf(DatasetFileException.class)
        .hasMessageContaining(directory.resolve("test_batch.bin").toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("binary version")
        .hasMessageContaining("-Dcifar10.dir");
  }

  private void writeValidBatches() throws IOException {
    writeValidBatches(1);
  }

  /** Writes the six files with {@code records} records each, all of label 0 and black. */
  private void writeValidBatches(int records) throws IOException {
    for (int b = 1; b <= 5; b++) {
      Files.write(directory.resolve("data_batch_" + b + ".bin"), new byte[records * RECORD]);
    }
    Files.write(directory.resolve("test_batch.bin"), new byte[records * RECORD]);
  }
}
