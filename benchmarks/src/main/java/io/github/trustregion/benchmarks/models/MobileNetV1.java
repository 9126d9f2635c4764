package io.github.trustregion.benchmarks.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * MobileNet v1 for CIFAR-sized images (Howard et al., 2017, in the CIFAR form the paper's code
 * uses): a 3×3 convolution to 32 channels, then 13 depthwise-separable blocks (3×3 depthwise
 * convolution, then 1×1 pointwise convolution, each with SReLU) of widths 64, 128/2, 128, 256/2,
 * 256, 512/2, 512 ×5, 1024/2, 1024 (/2: the depthwise convolution has stride 2), a 2×2 average
 * pooling and a softmax layer 1024·(side/32)² → classes.
 *
 * <p>As in {@link Vgg16}, the batch normalization of the paper's code is left out and the
 * convolutions keep their biases; padding is "same".
 *
 * @param channels the input channels (3)
 * @param side the input height and width, a multiple of 32
 * @param classes the number of classes
 * @param dataType the parameters' and activations' data type
 */
public record MobileNetV1(int channels, int side, int classes, DataType dataType)
    implements NetworkArchitecture {

  /** The blocks' output widths; a negative width marks a block whose depthwise stride is 2. */
  static final int[] BLOCKS = {
    64, -128, 128, -256, 256, -512, 512, 512, 512, 512, 512, -1024, 1024
  };

  /** Checks that four strides of 2 and the final pooling divide the side. */
  public MobileNetV1 {
    if (channels < 1 || classes < 2 || side < 32 || side % 32 != 0) {
      throw new IllegalArgumentException(
          "MobileNetV1 needs channels ≥ 1, classes ≥ 2 and a side that is a multiple of 32, got"
              + " channels="
              + channels
              + ", side="
              + side
              + ", classes="
              + classes
              + ".");
    }
  }

  /** MobileNet for 32×32 colour images in 10 classes (CIFAR-10), float32. */
  public static MobileNetV1 cifar() {
    return new MobileNetV1(3, 32, 10, DataType.FLOAT);
  }

  @Override
  public String name() {
    return "mobilenet-v1-" + channels + "x" + side + "x" + side;
  }

  @Override
  public boolean flatInput() {
    return false;
  }

  @Override
  public MultiLayerConfiguration configuration(long seed) {
    NeuralNetConfiguration.ListBuilder list =
        Layers.base(seed, dataType, ConvolutionMode.Same).list();
    list.layer(Layers.conv(3, 1, 32));
    for (int block : BLOCKS) {
      int stride = block < 0 ? 2 : 1;
      list.layer(
          new DepthwiseConvolution2D.Builder(3, 3)
              .stride(stride, stride)
              .depthMultiplier(1)
              .hasBias(true)
              .activation(Layers.srelu())
              .build());
      list.layer(Layers.conv(1, 1, Math.abs(block)));
    }
    return list.layer(Layers.averagePool(2))
        .layer(Layers.softmaxOutput(classes))
        .setInputType(InputType.convolutional(side, side, channels))
        .build();
  }
}
