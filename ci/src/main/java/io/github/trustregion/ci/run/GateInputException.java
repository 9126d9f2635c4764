package io.github.trustregion.ci.run;

/**
 * The gate's input is unusable (a bad argument, an unreadable baseline, results at another scale,
 * too few repeats); the message names the file or argument, what was wrong, and how to fix it.
 */
public class GateInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the input and the fix. */
  public GateInputException(String message) {
    super(message);
  }

  /** Creates the exception with a message that names the input and the fix, and its cause. */
  public GateInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
