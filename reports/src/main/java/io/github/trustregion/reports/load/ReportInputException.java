package io.github.trustregion.reports.load;

import java.nio.file.Path;

/** A result file cannot be reported on: the message names the file, what is wrong and the fix. */
public final class ReportInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The offending file. */
  private final transient Path file;

  /** Creates the exception for {@code file} with the problem {@code problem}. */
  public ReportInputException(Path file, String problem) {
    super(
        "The result file "
            + file
            + " is incomplete or inconsistent: "
            + problem
            + ". Delete it and run the experiment again to recompute it (finished trials are kept).");
    this.file = file;
  }

  /** Creates the exception wrapping a lower-level failure that already names the file. */
  public ReportInputException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** Returns the offending file. */
  public Path file() {
    return file;
  }
}
