package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.benchmarks.models.SmallCnn;

/** Fashion-MNIST with the small CNN (conv 5×5×16, avg-pool, conv 5×5×32, avg-pool, dense 128). */
public final class FashionMnistSmallCnn extends FashionMnistWorkload {

  /** Creates the workload; touches neither ND4J nor the data. */
  public FashionMnistSmallCnn() {}

  @Override
  public String name() {
    return "fashion-mnist-small-cnn";
  }

  @Override
  public String description() {
    return "Fashion-MNIST (28×28 grey, 10 classes, standardized), small CNN conv5×5×16 → avg-pool"
        + " → conv5×5×32 → avg-pool → dense 128 → 10 with SReLU";
  }

  @Override
  protected NetworkArchitecture architecture() {
    return SmallCnn.fashionMnist();
  }
}
