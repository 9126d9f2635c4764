package io.github.trustregion.reports.html;

import java.nio.file.Path;

/** Opens the report fixtures to the tests of other packages. */
public final class ReportFixturesAccess {

  private ReportFixturesAccess() {}

  /** Writes the fixture results directory (see {@code ReportFixtures}). */
  public static void writeAll(Path root) {
    ReportFixtures.writeAll(root);
  }
}
