package io.github.trustregion.benchmarks.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads CIFAR-10 (Krizhevsky, 2009) from its binary version: {@code data_batch_1.bin} … {@code
 * data_batch_5.bin} (training, 50,000 images) and {@code test_batch.bin} (10,000 images), 32×32
 * colour images in 10 classes.
 *
 * <p>Each file is a sequence of 3,073-byte records: one label byte (0 … 9), then 1,024 red, 1,024
 * green and 1,024 blue pixel bytes, each plane in row-major order, which is already NCHW. Every
 * file of the binary version holds the same number of records, {@value #RECORDS_PER_BATCH}; the
 * reader checks each file on its own (whole records, labels 0 … 9) and then that all six hold the
 * same number, so that a file cut short at a record boundary is reported. Smaller files in the same
 * format, six of equal size, are read as well (the tests write them). The directory is the system
 * property {@value #DIRECTORY_PROPERTY}; it may name the directory that holds the files or its
 * parent, into which the archive unpacks {@code cifar-10-batches-bin}.
 */
public final class Cifar10 {

  /** The system property that names the directory with the binary files. */
  public static final String DIRECTORY_PROPERTY = "cifar10.dir";

  /** How to get the files, appended to every error message. */
  public static final String REMEDY =
      "CIFAR-10 cannot be downloaded at run time: on a machine with network, download the"
          + " 'CIFAR-10 binary version' (cifar-10-binary.tar.gz) from the dataset's home page,"
          + " unpack it and pass -D"
          + DIRECTORY_PROPERTY
          + "=DIR naming cifar-10-batches-bin (or its parent).";

  /** Bytes per record: one label byte and 3 × 32 × 32 pixel bytes. */
  public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

  /** The number of records in each of the six files of the dataset. */
  public static final int RECORDS_PER_BATCH = 10_000;

  /** What to do about a file that exists but is malformed, put before {@link #REMEDY}. */
  private static final String DAMAGED =
      "The file is damaged or not part of the CIFAR-10 binary version: download"
          + " cifar-10-binary.tar.gz again and re-extract it.";

  private static final int CLASSES = 10;
  private static final int SIDE = 32;
  private static final int PIXELS_PER_IMAGE = RECORD_BYTES - 1;
  private static final String UNPACKED = "cifar-10-batches-bin";
  private static final List<String> TRAINING_FILES =
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin");
  private static final String TEST_FILE = "test_batch.bin";

  private Cifar10() {}

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
   * Reads the five training batches and the test batch from {@code directory}.
   *
   * @throws DatasetFileException naming the file when one is missing or malformed, or holds a
   *     different number of records from the others
   */
  public static DatasetSplit load(Path directory) {
    Path root = DatasetFiles.descend(directory, UNPACKED);
    List<Batch> batches = new ArrayList<>();
    for (String name : TRAINING_FILES) {
      batches.add(readBatch(root.resolve(name)));
    }
    Batch test = readBatch(root.resolve(TEST_FILE));
    batches.add(test);
    checkEqualCounts(batches);
    ImageSet train = concatenate(batches.subList(0, TRAINING_FILES.size()), "CIFAR-10 train");
    return new DatasetSplit(
        train,
        ImageSet.wrap("CIFAR-10 test", test.pixels(), test.labels(), 3, SIDE, SIDE, CLASSES));
  }

  /**
   * Reads only the five training batches from {@code directory}, without opening the test batch
   * (for tuning, which must not read the test set).
   *
   * @throws DatasetFileException naming the file when one is missing or malformed, or holds a
   *     different number of records from the others
   */
  public static ImageSet loadTraining(Path directory) {
    Path root = DatasetFiles.descend(directory, UNPACKED);
    List<Batch> batches = new ArrayList<>();
    for (String name : TRAINING_FILES) {
      batches.add(readBatch(root.resolve(name)));
    }
    checkEqualCounts(batches);
    return concatenate(batches, "CIFAR-10 train");
  }

  /** One file's decoded records. */
  private record Batch(Path file, byte[] pixels, int[] labels) {
    int count() {
      return labels.length;
    }
  }

  /** Reads and decodes one file, checking that it holds whole records with labels 0 … 9. */
  private static Batch readBatch(Path file) {
    byte[] bytes =
        DatasetFiles.readAll(
            file,
            "a CIFAR-10 binary batch of 3073-byte records ("
                + "10,000 records, 30,730,000 bytes, in the dataset)",
            REMEDY);
    if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
      throw new DatasetFileException(
          file,
          "holds "
              + bytes.length
              + " bytes, which is not a positive multiple of the 3073-byte CIFAR-10 record (1 label"
              + " byte + 3×32×32 pixel bytes; a full batch is 30,730,000 bytes). "
              + DAMAGED,
          REMEDY,
          null);
    }
    int count = bytes.length / RECORD_BYTES;
    byte[] pixels = new byte[count * PIXELS_PER_IMAGE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = bytes[i * RECORD_BYTES] & 0xFF;
      if (label >= CLASSES) {
        throw new DatasetFileException(
            file,
            "record "
                + i
                + " has label byte "
                + label
                + " (at byte offset "
                + (long) i * RECORD_BYTES
                + ") but CIFAR-10 labels are 0…9. "
                + DAMAGED,
            REMEDY,
            null);
      }
      labels[i] = label;
      System.arraycopy(bytes, i * RECORD_BYTES + 1, pixels, i * PIXELS_PER_IMAGE, PIXELS_PER_IMAGE);
    }
    return new Batch(file, pixels, labels);
  }

  /**
   * Checks that all files hold the same number of records, as the six files of the dataset do. The
   * number most files agree on (the larger one on a tie, since files are cut short rather than
   * lengthened) is taken as right, and the first file that differs from it is reported.
   */
  private static void checkEqualCounts(List<Batch> batches) {
    Map<Integer, Integer> filesByCount = new TreeMap<>();
    for (Batch batch : batches) {
      filesByCount.merge(batch.count(), 1, Integer::sum);
    }
    if (filesByCount.size() == 1) {
      return;
    }
    int expected = 0;
    int votes = 0;
    for (Map.Entry<Integer, Integer> entry : filesByCount.entrySet()) {
      if (entry.getValue() >= votes) {
        expected = entry.getKey();
        votes = entry.getValue();
      }
    }
    List<String> agreeing = new ArrayList<>();
    for (Batch batch : batches) {
      if (batch.count() == expected) {
        agreeing.add(batch.file().getFileName().toString());
      }
    }
    for (Batch batch : batches) {
      if (batch.count() != expected) {
        throw new DatasetFileException(
            batch.file(),
            "holds "
                + batch.count()
                + " records ("
                + (long) batch.count() * RECORD_BYTES
                + " bytes) but "
                + String.join(", ", agreeing)
                + " in the same directory hold "
                + expected
                + " each; every file of the CIFAR-10"
                + " binary version holds the same number of records ("
                + RECORDS_PER_BATCH
                + ", 30,730,000 bytes), so this one is "
                + (batch.count() < expected ? "truncated" : "too long")
                + ". "
                + DAMAGED,
            REMEDY,
            null);
      }
    }
  }

  /** Joins the training batches, in file order, into one set that takes over the arrays. */
  private static ImageSet concatenate(List<Batch> batches, String name) {
    int total = 0;
    for (Batch batch : batches) {
      total += batch.count();
    }
    byte[] pixels = new byte[total * PIXELS_PER_IMAGE];
    int[] labels = new int[total];
    int image = 0;
    for (Batch batch : batches) {
      System.arraycopy(batch.pixels(), 0, pixels, image * PIXELS_PER_IMAGE, batch.pixels().length);
      System.arraycopy(batch.labels(), 0, labels, image, batch.count());
      image += batch.count();
    }
    return ImageSet.wrap(name, pixels, labels, 3, SIDE, SIDE, CLASSES);
  }
}
