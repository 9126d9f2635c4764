package io.github.trustregion.framework.workload;

import io.github.trustregion.framework.annotation.Scale;
import java.util.List;
import org.deeplearning4j.nn.api.Model;

/**
 * A dataset and a model factory that an experiment trains on (Fashion-MNIST with an MLP, CIFAR-10
 * with VGG16, …), named by {@link io.github.trustregion.framework.annotation.TrainOn}.
 *
 * <p>Implementations have a public no-argument constructor, and the constructor, {@link #name()},
 * {@link #description()} and {@link #requirements(Scale)} must not touch ND4J or read data:
 * discovery and validation call them before anything runs (keep static initializers free of ND4J
 * too). Only {@link #load(DataRequest)} and {@link #buildNetwork(long)} may. Implementations are
 * stateless and thread-safe.
 */
public interface Workload {

  /** Returns a short name for reports and the manifest, such as {@code "fashion-mnist-mlp"}. */
  String name();

  /** Returns the dataset and model in words, for the manifest; by default the name. */
  default String description() {
    return name();
  }

  /**
   * Returns every problem that would stop this workload from loading at {@code scale}, found
   * without reading data: each a full sentence naming the file or directory and the fix, for
   * example "The Fashion-MNIST file /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz is
   * missing; install it with 'apt-get install -y dataset-fashion-mnist'.". Empty when it can load.
   */
  default List<String> requirements(Scale scale) {
    return List.of();
  }

  /**
   * Loads the training and test data, in a fixed order determined by {@code request.seed()}. Called
   * once per experiment run; the harness shuffles minibatches itself, per trial and epoch.
   *
   * @throws java.io.UncheckedIOException or {@link IllegalStateException} naming the file and the
   *     fix when the data cannot be read
   */
  WorkloadData load(DataRequest request);

  /**
   * Builds a new, initialized network (a {@code MultiLayerNetwork} or a {@code ComputationGraph},
   * with {@code init()} called) whose initial parameters depend only on {@code seed}: two calls
   * with the same seed give identical parameters. Its output layer's loss is the training loss. It
   * must not contain dropout or batch normalization (finite-difference Hessian-vector products need
   * a deterministic function of the parameters).
   */
  Model buildNetwork(long seed);
}
