package io.github.trustregion.reports.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Carries Allure's history (trends, retries, flaky marks) from a previous report into a results
 * directory before the next report is generated: Allure reads {@code <results>/history/*.json} and
 * writes the updated history into {@code <report>/history/}.
 */
public final class AllureHistory {

  private AllureHistory() {}

  /**
   * Copies {@code <previousReport>/history/} into {@code <results>/history/}, replacing files of
   * the same name.
   *
   * @return the number of files copied (0 when the previous report has no history, as on the first
   *     night)
   */
  public static int carry(Path previousReport, Path results) {
    Path from = previousReport.resolve("history");
    if (!Files.isDirectory(from)) {
      return 0;
    }
    Path to = results.resolve("history");
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      int copied = 0;
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        copied++;
      }
      return copied;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot copy the Allure history from " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
