package io.github.trustregion.framework.result;

/** A result file is missing, unreadable or corrupt; the message names the file and the fix. */
public final class ResultFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file. */
  public ResultFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
