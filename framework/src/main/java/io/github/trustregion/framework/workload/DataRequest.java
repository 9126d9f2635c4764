package io.github.trustregion.framework.workload;

import io.github.trustregion.framework.annotation.Scale;

/**
 * What data an experiment asks a {@link Workload} for.
 *
 * @param scale the scale that runs; workloads choose their default sizes by it
 * @param trainExamples the number of training examples, or 0 for the workload's default at the
 *     scale
 * @param testExamples the number of test examples, or 0 for the workload's default at the scale
 * @param seed the seed that fixes the subset and its order (the experiment's base seed)
 * @param testSetNeeded whether the test set is needed; false while tuning, when a workload must not
 *     read its test data and returns {@link WorkloadData#trainingOnly} (the same training set, in
 *     the same order, as when the test set is needed)
 */
public record DataRequest(
    Scale scale, int trainExamples, int testExamples, long seed, boolean testSetNeeded) {

  /** Creates a request that needs the test set. */
  public DataRequest(Scale scale, int trainExamples, int testExamples, long seed) {
    this(scale, trainExamples, testExamples, seed, true);
  }

  /** Checks that the sizes are not negative. */
  public DataRequest {
    if (scale == null) {
      throw new IllegalArgumentException("A data request needs a scale.");
    }
    if (trainExamples < 0 || testExamples < 0) {
      throw new IllegalArgumentException(
          "Example counts must be 0 (the workload's default) or positive, got trainExamples="
              + trainExamples
              + ", testExamples="
              + testExamples
              + ".");
    }
  }

  /** Returns {@code trainExamples}, or {@code defaultValue} when it is 0. */
  public int trainExamplesOr(int defaultValue) {
    return trainExamples == 0 ? defaultValue : trainExamples;
  }

  /** Returns {@code testExamples}, or {@code defaultValue} when it is 0. */
  public int testExamplesOr(int defaultValue) {
    return testExamples == 0 ? defaultValue : testExamples;
  }

  /** Returns this request without the test set, as tuning asks for it. */
  public DataRequest withoutTestSet() {
    return new DataRequest(scale, trainExamples, testExamples, seed, false);
  }
}
