package io.github.trustregion.benchmarks.workloads;

import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.benchmarks.models.Vgg16;

/** CIFAR-10 with VGG16 (SReLU, average pooling, 512 → 10 classifier): the paper's main setting. */
public final class Cifar10Vgg16 extends Cifar10Workload {

  /** Creates the workload; touches neither ND4J nor the data. */
  public Cifar10Vgg16() {}

  @Override
  public String name() {
    return "cifar10-vgg16";
  }

  @Override
  public String description() {
    return "CIFAR-10 (32×32 colour, 10 classes, per-channel standardized), VGG16 with SReLU and"
        + " average pooling, no batch normalization";
  }

  @Override
  protected NetworkArchitecture architecture() {
    return Vgg16.cifar();
  }
}
