package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.models.MobileNetV1;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;

/** CIFAR-10 with MobileNet v1 (SReLU, no batch normalization): the paper's appendix B.1. */
public final class Cifar10MobileNet extends Cifar10Workload {

  /** Creates the workload; touches neither ND4J nor the data. */
  public Cifar10MobileNet() {}

  @Override
  public String name() {
    return "cifar10-mobilenet";
  }

  @Override
  public String description() {
    return "CIFAR-10 (32×32 colour, 10 classes, per-channel standardized), MobileNet v1 with SReLU,"
        + " no batch normalization";
  }

  @Override
  protected NetworkArchitecture architecture() {
    return MobileNetV1.cifar();
  }
}
