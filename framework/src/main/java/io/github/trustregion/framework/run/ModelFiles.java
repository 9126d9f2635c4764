package io.github.trustregion.framework.run;

import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.TrialType;
import io.github.trustregion.framework.result.ResultFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Returns the networks a training or track trial saves when it saves any (see {@link
   * TrainingTrialRunner}): its final network, and a track's network at the end of every stage.
   */
  static List<Path> savedBy(ResultFiles files, String experiment, TrialSpec trial) {
    List<Path> saved = new ArrayList<>();
    saved.add(finalModel(files, experiment, trial.trialId()));
    if (trial.type() == TrialType.TRACK) {
      for (int stage = 1; stage <= trial.stages().size(); stage++) {
        saved.add(stageModel(files, experiment, trial.trialId(), stage));
      }
    }
    return saved;
  }
}
