package io.github.trustregion.framework.run;

import io.github.trustregion.framework.result.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the hidden temporary files that atomic writes ({@link
 * io.github.trustregion.framework.result.AtomicFiles}) leave when their process is killed between
 * creating and moving them: files named {@code .<target name><digits>.tmp}. Only safe while the run
 * holds the results directory's {@link RunLock}, when no other write can be under way.
 */
final class StaleTemporaryFiles {

  private StaleTemporaryFiles() {}

  /**
   * Deletes every stale temporary file under {@code root}.
   *
   * @return how many were deleted
   * @throws UncheckedIOException naming the directory or file that cannot be listed or deleted
   */
  static int remove(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    List<Path> stale;
    try (Stream<Path> files = Files.walk(root)) {
      stale = files.filter(AtomicFiles::isTemporaryFile).filter(Files::isRegularFile).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException(
          "Cannot list the results directory "
              + root
              + " to remove temporary files of interrupted writes.",
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    }
    for (Path file : stale) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot delete the temporary file "
                + file
                + " of an "
                + "interrupted write; delete it by hand.",
            e);
      }
    }
    return stale.size();
  }
}
