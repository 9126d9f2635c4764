package io.github.trustregion.framework.workload;

import org.nd4j.linalg.dataset.DataSet;

/**
 * The training and test data of a workload, in memory.
 *
 * <p>Labels are one-hot rows (classification); accuracy is the fraction of examples whose largest
 * output is at the label's index.
 *
 * @param train the training set, in its fixed order
 * @param test the test set
 */
public record WorkloadData(DataSet train, DataSet test) {

  /** Checks that both sets are present and non-empty. */
  public WorkloadData {
    if (train == null || test == null) {
      throw new IllegalArgumentException("Workload data needs both a training and a test set.");
    }
    if (train.numExamples() == 0 || test.numExamples() == 0) {
      throw new IllegalArgumentException(
          "Workload data must not be empty: "
              + train.numExamples()
              + " training and "
              + test.numExamples()
              + " test examples.");
    }
  }
}
