package io.github.trustregion.benchmarks.models;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * VGG16 for CIFAR-sized images (Simonyan and Zisserman, 2014, in the CIFAR form the paper's code
 * uses): thirteen 3×3 convolutions with padding 1 and SReLU, in blocks 64-64 | 128-128 |
 * 256-256-256 | 512-512-512 | 512-512-512, each block followed by 2×2 average pooling, then a
 * single softmax layer 512·(side/32)² → classes (512 → 10 for 32×32 CIFAR-10 input).
 *
 * <p>The paper's code puts batch normalization after every convolution; finite-difference
 * Hessian-vector products need a deterministic loss, so this network has none (and its convolutions
 * keep their biases). STL-10 images are downsampled to 32×32 first, as the paper's code does.
 *
 * @param channels the input channels (3)
 * @param side the input height and width, a multiple of 32
 * @param classes the number of classes
 * @param dataType the parameters' and activations' data type
 */
public record Vgg16(int channels, int side, int classes, DataType dataType)
    implements NetworkArchitecture {

  /** The convolution widths of VGG16, 0 marking a pooling layer. */
  static final int[] CONFIGURATION = {
    64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0
  };

  /** Checks that five poolings divide the side. */
  public Vgg16 {
    if (channels < 1 || classes < 2 || side < 32 || side % 32 != 0) {
      throw new IllegalArgumentException(
          "Vgg16 needs channels ≥ 1, classes ≥ 2 and a side that is a multiple of 32 (five 2×2"
              + " poolings), got channels="
              + channels
              + ", side="
              + side
              + ", classes="
              + classes
              + ".");
    }
  }

  /** VGG16 for 32×32 colour images in 10 classes (CIFAR-10, or STL-10 downsampled), float32. */
  public static Vgg16 cifar() {
    return new Vgg16(3, 32, 10, DataType.FLOAT);
  }

  @Override
  public String name() {
    return "vgg16-" + channels + "x" + side + "x" + side;
  }

  @Override
  public boolean flatInput() {
    return false;
  }

  @Override
  public MultiLayerConfiguration configuration(long seed) {
    NeuralNetConfiguration.ListBuilder list =
        Layers.base(seed, dataType, ConvolutionMode.Same).list();
    for (int width : CONFIGURATION) {
      list.layer(width == 0 ? Layers.averagePool(2) : Layers.conv(3, 1, width));
    }
    return list.layer(Layers.softmaxOutput(classes))
        .setInputType(InputType.convolutional(side, side, channels))
        .build();
  }
}
