package io.github.trustregion.ci.run;

import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ResultFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run for the gate by the rule reports use too ({@link ExperimentDirectory}): only the
 * trials each manifest plans take part, and any file that cannot be used refuses the run.
 */
public final class RunReader {

  private RunReader() {}

  /**
   * Reads every experiment of the run by its plan, keyed by id in id order.
   *
   * @throws io.github.trustregion.framework.result.ResultFileException naming every file of the run
   *     that cannot be used, each with its fix, at once
   */
  public static Map<String, ExperimentDirectory> read(ResultFiles run) {
    List<ExperimentDirectory> directories = ExperimentDirectory.readAll(run.root());
    ExperimentDirectory.requireNoBadFiles(directories);
    Map<String, ExperimentDirectory> byId = new LinkedHashMap<>();
    directories.forEach(d -> byId.put(d.manifest().experiment(), d));
    return byId;
  }
}
