package io.github.trustregion.benchmarks.data;

import java.nio.file.Path;

/**
 * A dataset file is missing or malformed; the message names the file, what was expected and how to
 * obtain the dataset.
 */
public final class DatasetFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * Creates the exception.
   *
   * @param file the file that is missing or malformed
   * @param problem what is wrong and what was expected, as a sentence
   * @param remedy how to get a correct copy, as a sentence
   * @param cause the underlying error, or null
   */
  public DatasetFileException(Path file, String problem, String remedy, Throwable cause) {
    super("Dataset file " + file + ": " + problem + " " + remedy, cause);
    this.file = file;
  }

  /** Returns the file that is missing or malformed. */
  public Path file() {
    return file;
  }
}
