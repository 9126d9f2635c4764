package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.data.ChannelNormalization;
import io.github.trustregion.benchmarks.data.DatasetSplit;
import io.github.trustregion.benchmarks.data.ImageSet;
import io.github.trustregion.benchmarks.data.Subsets;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.Workload;
import io.github.trustregion.framework.workload.WorkloadData;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A workload made of an image dataset and a network architecture.
 *
 * <p>{@link #load} reads the dataset, takes a seeded stratified subset of the training set and of
 * the test set of the requested sizes (the scale's default sizes when the request says 0; {@link
 * Subsets#stratified}: class proportions kept, seeded order), fits the per-channel normalization on
 * the training subset and applies it to both, and returns the images flattened for fully connected
 * networks or as [N, C, H, W] for convolutional ones, with one-hot labels, in the network's data
 * type. Subclasses name the dataset, the architecture and the default sizes.
 */
public abstract class ImageWorkload implements Workload {

  /** Creates the workload; touches neither ND4J nor the data. */
  protected ImageWorkload() {}

  /** Reads the whole dataset (training and test sets, raw pixels). */
  protected abstract DatasetSplit readDataset();

  /**
   * Reads only the full training set, without opening the test files (for a request whose {@code
   * testSetNeeded()} is false); by default the training set of {@link #readDataset()}.
   */
  protected ImageSet readTrainingSet() {
    return readDataset().train();
  }

  /** Returns the network architecture this workload trains. */
  protected abstract NetworkArchitecture architecture();

  /**
   * Returns the default number of training examples at {@code scale}; {@link Integer#MAX_VALUE}
   * means the whole training set.
   */
  protected abstract int defaultTrainExamples(Scale scale);

  /** Returns the default number of test examples at {@code scale}, as above. */
  protected abstract int defaultTestExamples(Scale scale);

  /** Adapts the dataset's images to the architecture's input (STL-10's downsampling); identity. */
  protected ImageSet adapt(ImageSet images) {
    return images;
  }

  @Override
  public WorkloadData load(DataRequest request) {
    int trainCount = request.trainExamplesOr(defaultTrainExamples(request.scale()));
    if (!request.testSetNeeded()) {
      ImageSet full = readTrainingSet();
      ImageSet train = adapt(Subsets.stratified(full, trainCount, request.seed(), full.name()));
      ChannelNormalization normalization = ChannelNormalization.fit(train);
      DataType type = dataType();
      return WorkloadData.trainingOnly(
          new DataSet(
              normalization.features(train, architecture().flatInput(), type),
              ChannelNormalization.oneHotLabels(train, type)));
    }
    DatasetSplit split = readDataset();
    int testCount = request.testExamplesOr(defaultTestExamples(request.scale()));
    ImageSet train =
        adapt(Subsets.stratified(split.train(), trainCount, request.seed(), split.train().name()));
    // The test subset gets a seed of its own so that it is not correlated with the training one.
    ImageSet test =
        adapt(Subsets.stratified(split.test(), testCount, ~request.seed(), split.test().name()));
    ChannelNormalization normalization = ChannelNormalization.fit(train);
    NetworkArchitecture architecture = architecture();
    DataType type = dataType();
    boolean flat = architecture.flatInput();
    return new WorkloadData(
        new DataSet(
            normalization.features(train, flat, type),
            ChannelNormalization.oneHotLabels(train, type)),
        new DataSet(
            normalization.features(test, flat, type),
            ChannelNormalization.oneHotLabels(test, type)));
  }

  /** Returns the data type of the inputs: the network's (float32 by default). */
  protected DataType dataType() {
    return DataType.FLOAT;
  }

  @Override
  public Model buildNetwork(long seed) {
    return architecture().build(seed);
  }
}
