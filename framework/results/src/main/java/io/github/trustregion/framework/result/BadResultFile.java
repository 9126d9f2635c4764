package io.github.trustregion.framework.result;

import java.nio.file.Path;

/**
 * A file in a results directory that cannot be used, with what is wrong and what fixes it.
 *
 * @param file the file
 * @param problem what is wrong with it, in words (no parser internals)
 * @param fix what to do about it
 */
public record BadResultFile(Path file, String problem, String fix) {

  /** The fix for a planned trial's file that cannot be read: the runner recomputes it alone. */
  public static final String RERUN_TRIAL =
      "delete it and run the experiment again: the runner recomputes only "
          + "this trial and keeps the finished ones";

  /** The fix for a file in {@code trials/} that is not a trial of the experiment. */
  public static final String MOVE_OR_DELETE =
      "it is not a trial of this experiment, so neither the runner nor "
          + "the reports use it: move it out of the trials directory, or delete it";

  /** The fix for a manifest that cannot be read. */
  public static final String REWRITE_MANIFEST =
      "delete it and run the experiment again: the runner writes the "
          + "plan anew and keeps the finished trials that still match it";

  @Override
  public String toString() {
    return file + ": " + problem + "; " + fix + ".";
  }
}
