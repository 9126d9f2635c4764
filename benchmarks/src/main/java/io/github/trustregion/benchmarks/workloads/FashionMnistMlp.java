package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.models.Mlp;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;

/** Fashion-MNIST with the MLP 784-256-256-10 (SReLU): the workload of the ci scale. */
public final class FashionMnistMlp extends FashionMnistWorkload {

  /** Creates the workload; touches neither ND4J nor the data. */
  public FashionMnistMlp() {}

  @Override
  public String name() {
    return "fashion-mnist-mlp";
  }

  @Override
  public String description() {
    return "Fashion-MNIST (28×28 grey, 10 classes, per-pixel-channel standardized), MLP"
        + " 784-256-256-10 with SReLU";
  }

  @Override
  protected NetworkArchitecture architecture() {
    return Mlp.fashionMnist();
  }
}
