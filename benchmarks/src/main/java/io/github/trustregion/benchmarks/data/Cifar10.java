package io.github.trustregion.benchmarks.data;

import java.nio.file.Path;

/**
 * Reads CIFAR-10 (Krizhevsky, 2009) from its binary version: {@code data_batch_1.bin} …
 * {@code data_batch_5.bin} (training, 50,000 images) and {@code test_batch.bin} (10,000 images),
 * 32×32 colour images in 10 classes.
 *
 * <p>Each file is a sequence of 3,073-byte records: one label byte (0 … 9), then 1,024 red, 1,024
 * green and 1,024 blue pixel bytes, each plane in row-major order, which is already NCHW. The
 * directory is the system property {@value #DIRECTORY_PROPERTY}; it may name the directory that
 * holds the files or its parent, into which the archive unpacks {@code cifar-10-batches-bin}.
 */
public final class Cifar10 {

  /** The system property that names the directory with the binary files. */
  public static final String DIRECTORY_PROPERTY = "cifar10.dir";

  /** How to get the files, appended to every error message. */
  public static final String REMEDY =
      "CIFAR-10 cannot be downloaded at run time: on a machine with network, download the"
          + " 'CIFAR-10 binary version' (cifar-10-binary.tar.gz) from the dataset's home page,"
          + " unpack it and pass -D" + DIRECTORY_PROPERTY
          + "=DIR naming cifar-10-batches-bin (or its parent).";

  /** Bytes per record: one label byte and 3 × 32 × 32 pixel bytes. */
  public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

  private static final int CLASSES = 10;
  private static final int SIDE = 32;
  private static final String UNPACKED = "cifar-10-batches-bin";

  private Cifar10() {}

  /** Returns the directory named by {@value #DIRECTORY_PROPERTY}, or throws saying how to set it. */
  public static Path directory() {
    return DatasetFiles.directory(DIRECTORY_PROPERTY, null, REMEDY);
  }

  /** Reads the training and test sets from {@link #directory()}. */
  public static DatasetSplit load() {
    return load(directory());
  }

  /**
   * Reads the five training batches and the test batch from {@code directory}.
   *
   * @throws DatasetFileException naming the file when one is missing or malformed
   */
  public static DatasetSplit load(Path directory) {
    Path root = DatasetFiles.descend(directory, UNPACKED);
    byte[][] batches = new byte[5][];
    int total = 0;
    for (int b = 0; b < 5; b++) {
      Path file = root.resolve("data_batch_" + (b + 1) + ".bin");
      batches[b] = readRecords(file);
      total += batches[b].length / RECORD_BYTES;
    }
    byte[] all = new byte[total * RECORD_BYTES];
    int offset = 0;
    for (byte[] batch : batches) {
      System.arraycopy(batch, 0, all, offset, batch.length);
      offset += batch.length;
    }
    ImageSet train = decode(root.resolve("data_batch_1.bin … data_batch_5.bin"), all,
        "CIFAR-10 train");
    Path testFile = root.resolve("test_batch.bin");
    ImageSet test = decode(testFile, readRecords(testFile), "CIFAR-10 test");
    return new DatasetSplit(train, test);
  }

  private static byte[] readRecords(Path file) {
    byte[] bytes = DatasetFiles.readAll(file,
        "a CIFAR-10 binary batch of 3073-byte records (10,000 records, 30,730,000 bytes)", REMEDY);
    if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
      throw new DatasetFileException(file, "holds " + bytes.length
          + " bytes, which is not a positive multiple of the 3073-byte CIFAR-10 record (1 label"
          + " byte + 3×32×32 pixel bytes; a full batch is 30,730,000 bytes).", REMEDY, null);
    }
    return bytes;
  }

  private static ImageSet decode(Path file, byte[] records, String name) {
    int count = records.length / RECORD_BYTES;
    int perImage = RECORD_BYTES - 1;
    byte[] pixels = new byte[count * perImage];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = records[i * RECORD_BYTES] & 0xFF;
      if (label >= CLASSES) {
        throw new DatasetFileException(file, "record " + i + " has label byte " + label
            + " but CIFAR-10 labels are 0…9; is this the CIFAR-100 binary version?", REMEDY, null);
      }
      labels[i] = label;
      System.arraycopy(records, i * RECORD_BYTES + 1, pixels, i * perImage, perImage);
    }
    return ImageSet.wrap(name, pixels, labels, 3, SIDE, SIDE, CLASSES);
  }
}
