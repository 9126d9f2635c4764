package io.github.trustregion.framework.run;

import io.github.trustregion.framework.result.ResultFiles;
import java.nio.file.Path;

/**
 * Where trials save their networks, inside {@link ResultFiles#modelDirectory}: {@code
 * <trialId>.zip} for the network a trial ended with and {@code <trialId>__stage<k>.zip} for the
 * network at the end of stage k (1-based) of a track.
 */
public final class ModelFiles {

  private ModelFiles() {}

  /** Returns the file of the network a trial ended with. */
  public static Path finalModel(ResultFiles files, String experiment, String trialId) {
    return files.modelDirectory(experiment).resolve(trialId + ".zip");
  }

  /** Returns the file of the network at the end of stage {@code stage} (1-based) of a track. */
  public static Path stageModel(ResultFiles files, String experiment, String trialId, int stage) {
    return files.modelDirectory(experiment).resolve(trialId + "__stage" + stage + ".zip");
  }
}
