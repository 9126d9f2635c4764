package io.github.trustregion.framework.custom;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.workload.WorkloadData;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a running custom trial may use: the experiment's data and evaluation, and the results and
 * saved models of its training trials. Not thread-safe.
 */
public interface CustomRunContext {

  /** Returns the experiment's id. */
  String experimentId();

  /** Returns the scale that runs. */
  Scale scale();

  /**
   * Returns the experiment's data (loaded on first use, shared by its trials).
   *
   * @throws IllegalStateException when the experiment declares no workload
   */
  WorkloadData data();

  /**
   * Evaluates a network in evaluation mode on a data set, exactly as training trials are evaluated:
   * the mean loss of the network's output layer (no weight decay) and the accuracy.
   */
  Evaluation evaluate(Model network, DataSet data);

  /**
   * Returns the result of a finished training trial of this experiment.
   *
   * @throws IllegalStateException naming the trial when it has no result file
   */
  TrialResult trainingResult(String trialId);

  /**
   * Loads the network a training or track trial of this experiment ended with (saved because the
   * experiment implements {@link CustomTrials}).
   *
   * @throws IllegalStateException naming the file when the trial saved no model
   */
  Model loadFinalModel(String trialId);

  /**
   * Loads the network a track trial had at the end of stage {@code stage} (1-based).
   *
   * @throws IllegalStateException naming the file when the trial saved no such model
   */
  Model loadStageModel(String trialId, int stage);

  /** A loss and an accuracy on one data set. */
  record Evaluation(double loss, double accuracy) {}
}
