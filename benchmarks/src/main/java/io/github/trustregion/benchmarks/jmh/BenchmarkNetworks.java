package io.github.trustregion.benchmarks.jmh;

import io.github.trustregion.benchmarks.models.Mlp;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.benchmarks.models.SmallCnn;
import io.github.trustregion.benchmarks.workloads.FashionMnistMlp;
import io.github.trustregion.benchmarks.workloads.FashionMnistSmallCnn;
import io.github.trustregion.benchmarks.workloads.ImageWorkload;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.workload.DataRequest;
import org.nd4j.linalg.dataset.DataSet;

/** The CPU-scale networks the speed measurements use, by name, and their real minibatches. */
final class BenchmarkNetworks {

  private BenchmarkNetworks() {}

  /**
   * Returns the architecture named {@code model}: {@code mlp} (784-256-256-10) or {@code
   * small-cnn}.
   *
   * @param owner the class asking, named in the error for an unknown model
   */
  static NetworkArchitecture architecture(String model, String owner) {
    return switch (model) {
      case "mlp" -> Mlp.fashionMnist();
      case "small-cnn" -> SmallCnn.fashionMnist();
      default ->
          throw new IllegalArgumentException(
              owner + ": unknown model '" + model + "'; use mlp or small-cnn.");
    };
  }

  /**
   * Returns the first {@code batchSize} Fashion-MNIST training images in the network's input shape.
   */
  static DataSet fashionMnistMinibatch(NetworkArchitecture architecture, int batchSize) {
    ImageWorkload workload =
        architecture.flatInput() ? new FashionMnistMlp() : new FashionMnistSmallCnn();
    return workload.load(new DataRequest(Scale.SMOKE, batchSize, 10, 1)).train();
  }
}
