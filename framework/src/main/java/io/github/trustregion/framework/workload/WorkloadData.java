package io.github.trustregion.framework.workload;

import org.nd4j.linalg.dataset.DataSet;

/**
 * The training and test data of a workload, in memory.
 *
 * <p>Labels are one-hot rows (classification); accuracy is the fraction of examples whose largest
 * output is at the label's index. Data loaded for tuning ({@link DataRequest#testSetNeeded()}
 * false) has no test set: {@link #trainingOnly} makes it, and {@link #test()} refuses it.
 *
 * @param train the training set, in its fixed order
 * @param test the test set (null only in {@link #trainingOnly} data)
 */
public record WorkloadData(DataSet train, DataSet test) {

  /** Checks that both sets are present and non-empty (the test set may be absent only as below). */
  public WorkloadData {
    if (train == null) {
      throw new IllegalArgumentException("Workload data needs a training set.");
    }
    if (train.numExamples() == 0 || (test != null && test.numExamples() == 0)) {
      throw new IllegalArgumentException(
          "Workload data must not be empty: "
              + train.numExamples()
              + " training and "
              + (test == null ? 0 : test.numExamples())
              + " test examples.");
    }
  }

  /** Returns data without a test set, for a request whose {@code testSetNeeded()} is false. */
  public static WorkloadData trainingOnly(DataSet train) {
    return new WorkloadData(train, null);
  }

  /** Returns whether the test set was loaded. */
  public boolean hasTest() {
    return test != null;
  }

  /**
   * Returns the test set.
   *
   * @throws IllegalStateException when the data was loaded without it (for tuning)
   */
  @Override
  public DataSet test() {
    if (test == null) {
      throw new IllegalStateException(
          "This workload data was loaded for tuning, without its test set; tuning trials are"
              + " evaluated on the validation split, never on the test set.");
    }
    return test;
  }
}
