package io.github.trustregion.benchmarks.models;

import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A multilayer perceptron: fully connected SReLU layers of the given widths, then a softmax layer.
 *
 * @param inputs the input width (784 for 28×28 images)
 * @param hidden the hidden layers' widths, in order
 * @param classes the number of classes
 * @param dataType the parameters' and activations' data type
 */
public record Mlp(int inputs, List<Integer> hidden, int classes, DataType dataType)
    implements NetworkArchitecture {

  /** Checks the sizes and copies the list. */
  public Mlp {
    hidden = List.copyOf(hidden);
    if (inputs < 1 || classes < 2 || hidden.stream().anyMatch(h -> h < 1)) {
      throw new IllegalArgumentException(
          "An MLP needs inputs ≥ 1, hidden widths ≥ 1 and at least 2 classes, got inputs="
              + inputs
              + ", hidden="
              + hidden
              + ", classes="
              + classes
              + ".");
    }
  }

  /** The MLP 784-256-256-10 of the CPU scales, float32. */
  public static Mlp fashionMnist() {
    return new Mlp(784, List.of(256, 256), 10, DataType.FLOAT);
  }

  @Override
  public String name() {
    return "mlp-"
        + inputs
        + "-"
        + hidden.stream().map(String::valueOf).collect(Collectors.joining("-"))
        + "-"
        + classes;
  }

  @Override
  public boolean flatInput() {
    return true;
  }

  @Override
  public MultiLayerConfiguration configuration(long seed) {
    NeuralNetConfiguration.ListBuilder list =
        Layers.base(seed, dataType, ConvolutionMode.Truncate).list();
    for (int width : hidden) {
      list.layer(Layers.dense(width));
    }
    return list.layer(Layers.softmaxOutput(classes))
        .setInputType(InputType.feedForward(inputs))
        .build();
  }
}
