package io.github.trustregion.benchmarks.data;

import java.util.Objects;

/**
 * A dataset's training and test sets.
 *
 * @param train the training images
 * @param test the test images, of the same shape and classes
 */
public record DatasetSplit(ImageSet train, ImageSet test) {

  /** Checks that both sets have the same image shape and number of classes. */
  public DatasetSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (train.channels() != test.channels()
        || train.height() != test.height()
        || train.width() != test.width()
        || train.numClasses() != test.numClasses()) {
      throw new IllegalArgumentException(
          "The training set "
              + train
              + " and the test set "
              + test
              + " must have the same image shape and classes.");
    }
  }
}
