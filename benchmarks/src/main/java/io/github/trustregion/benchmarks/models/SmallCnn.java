package io.github.trustregion.benchmarks.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A small LeNet-like CNN: conv 5×5×16 → 2×2 average pool → conv 5×5×32 → 2×2 average pool → dense
 * 128 → softmax, SReLU throughout, convolutions without padding (28 → 24 → 12 → 8 → 4 for 28×28
 * input, so the dense layer sees 4·4·32 = 512 values).
 *
 * @param channels the input channels (1 for Fashion-MNIST)
 * @param side the input height and width (28 for Fashion-MNIST); (side − 4)/2 − 4 must be even and
 *     positive
 * @param classes the number of classes
 * @param dataType the parameters' and activations' data type
 */
public record SmallCnn(int channels, int side, int classes, DataType dataType)
    implements NetworkArchitecture {

  /** Checks that the sizes leave a positive, evenly poolable feature map. */
  public SmallCnn {
    if (channels < 1
        || classes < 2
        || side < 16
        || (side - 4) % 2 != 0
        || ((side - 4) / 2 - 4) % 2 != 0) {
      throw new IllegalArgumentException(
          "SmallCnn needs channels ≥ 1, classes ≥ 2 and a side ≥ 16 with (side − 4)/2 − 4 even"
              + " (e.g. 28 or 32), got channels="
              + channels
              + ", side="
              + side
              + ", classes="
              + classes
              + ".");
    }
  }

  /** The small CNN for 28×28 grey Fashion-MNIST images, float32. */
  public static SmallCnn fashionMnist() {
    return new SmallCnn(1, 28, 10, DataType.FLOAT);
  }

  @Override
  public String name() {
    return "small-cnn-" + channels + "x" + side + "x" + side;
  }

  @Override
  public boolean flatInput() {
    return false;
  }

  @Override
  public MultiLayerConfiguration configuration(long seed) {
    return Layers.base(seed, dataType, ConvolutionMode.Truncate)
        .list()
        .layer(Layers.conv(5, 1, 16))
        .layer(Layers.averagePool(2))
        .layer(Layers.conv(5, 1, 32))
        .layer(Layers.averagePool(2))
        .layer(Layers.dense(128))
        .layer(Layers.softmaxOutput(classes))
        .setInputType(InputType.convolutional(side, side, channels))
        .build();
  }
}
