package io.github.trustregion.benchmarks.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads whole dataset files, turning every failure into a {@link DatasetFileException}. */
final class DatasetFiles {

  private DatasetFiles() {}

  /**
   * Returns the directory named by a system property, or {@code fallback} when it is not set.
   *
   * @param property the system property, e.g. {@code cifar10.dir}
   * @param fallback the default directory, or null when there is none
   * @param remedy how to get the dataset, for the message when neither is given
   */
  static Path directory(String property, Path fallback, String remedy) {
    String value = System.getProperty(property);
    if (value != null && !value.isBlank()) {
      return Path.of(value.trim());
    }
    if (fallback == null) {
      throw new DatasetFileException(
          Path.of("${" + property + "}"),
          "the system property " + property + " that names the dataset directory is not set.",
          remedy,
          null);
    }
    return fallback;
  }

  /** Returns {@code directory/child} when that is a directory (an unpacked archive), else it. */
  static Path descend(Path directory, String child) {
    Path inner = directory.resolve(child);
    return Files.isDirectory(inner) ? inner : directory;
  }

  /** Reads a file whole; a missing or unreadable file gets a message with {@code remedy}. */
  static byte[] readAll(Path file, String expected, String remedy) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetFileException(
          file, "the file does not exist; expected " + expected + ".", remedy, null);
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DatasetFileException(file, "cannot be read (" + e.getMessage() + ").", remedy, e);
    }
  }

  /** Reads and decompresses a gzip file whole, with the same messages as {@link #readAll}. */
  static byte[] readGzip(Path file, String expected, String remedy) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetFileException(
          file, "the file does not exist; expected " + expected + ".", remedy, null);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      return in.readAllBytes();
    } catch (ZipException e) {
      throw new DatasetFileException(
          file,
          "is not a valid gzip file (" + e.getMessage() + "); expected " + expected + ".",
          remedy,
          e);
    } catch (IOException e) {
      throw new DatasetFileException(
          file,
          "cannot be read or is truncated (" + e.getMessage() + "); expected " + expected + ".",
          remedy,
          e);
    }
  }

  /**
   * Checks cheaply that a gzip file is whole: decompresses only its first {@code headerBytes}
   * bytes, computes the expected uncompressed size from them, and compares it with the size in the
   * gzip trailer (the file's last four bytes, little-endian, modulo 2<sup>32</sup>). A truncated
   * file ends inside the compressed data, so its last four bytes almost never match. Checks the
   * last member only (the dataset files have one).
   *
   * @return the problem as a phrase ("is truncated: ..."), or empty when the file looks whole
   */
  static Optional<String> gzipSizeProblem(
      Path file, int headerBytes, ToLongFunction<byte[]> expectedSize) {
    byte[] header;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      header = in.readNBytes(headerBytes);
    } catch (IOException e) {
      return Optional.of("is not a readable gzip file (" + e.getMessage() + ")");
    }
    if (header.length < headerBytes) {
      return Optional.of(
          "is truncated: it decompresses to "
              + header.length
              + " bytes, less than"
              + " its "
              + headerBytes
              + "-byte header");
    }
    long expected = expectedSize.applyAsLong(header);
    long trailer;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      if (channel.size() < 18) {
        return Optional.of("is truncated: " + channel.size() + " bytes cannot hold a gzip stream");
      }
      ByteBuffer last = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.position(channel.size() - 4);
      while (last.hasRemaining() && channel.read(last) >= 0) {
        // read the four bytes
      }
      trailer = Integer.toUnsignedLong(last.getInt(0));
    } catch (IOException e) {
      return Optional.of("cannot be read (" + e.getMessage() + ")");
    }
    if (trailer != (expected & 0xFFFF_FFFFL)) {
      return Optional.of(
          "is truncated or corrupt: its header needs "
              + expected
              + " bytes after decompression, but its gzip trailer says "
              + trailer
              + " (the stream does not end where it should)");
    }
    return Optional.empty();
  }

  /** Reads a big-endian 32-bit integer at {@code offset}. */
  static int bigEndianInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 24)
        | ((bytes[offset + 1] & 0xFF) << 16)
        | ((bytes[offset + 2] & 0xFF) << 8)
        | (bytes[offset + 3] & 0xFF);
  }
}
