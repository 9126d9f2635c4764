package io.github.trustregion.optimizers.backend;

import java.lang.reflect.Field;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs DL4J's oneDNN helpers into the 2-D convolution and pooling layers of a network, so that
 * they run on oneDNN's native kernels instead of DL4J's Java-orchestrated im2col + gemm.
 *
 * <p>DL4J 1.0.0-M2.1 never does this by itself on the CPU, for three reasons found by measuring it:
 * its helper factory is switched off unless the system property {@code
 * org.eclipse.deeplearning4j.helpers.disable} is {@code false}; its availability check looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN}, which ND4J 1.0.0-M2.1 moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment.isUseONEDNN}; so every
 * convolution runs as im2col + gemm + col2im. This class sets the layers' helper fields directly.
 * It acts only when the loaded native library was built with oneDNN (the {@code nd4j-native}
 * classifier {@code linux-x86_64-onednn}, the project's default): on other builds the helpers would
 * call ND4J's generic {@code conv2d}, which is no faster, so nothing is installed.
 *
 * <p>Only layers of exactly the classes {@link ConvolutionLayer} and {@link SubsamplingLayer} get
 * helpers; their subclasses (depthwise, separable, 1-D, 3-D, deconvolution) do not use these
 * helpers and keep DL4J's implementation. A helper computes the same function: the tests compare
 * gradients and outputs with and without helpers on a float64 network. Call it after {@code init()}
 * and again after a network is restored from a file or cloned (new layer objects). Not thread-safe
 * with respect to concurrent use of the same network.
 */
public final class OneDnnLayerHelpers {

  private static final Logger LOG = LoggerFactory.getLogger(OneDnnLayerHelpers.class);

  /**
   * The helpers' constructor argument, which DL4J 1.0.0-M2.1 ignores: the helpers work on the data
   * type of the arrays they are given (the convolution helper hands anything but float32 back to
   * DL4J's own implementation).
   */
  private static final DataType HELPER_DATA_TYPE = DataType.FLOAT;

  private static volatile Boolean nativeOneDnn;

  private OneDnnLayerHelpers() {}

  /**
   * Returns whether the loaded ND4J native library was built with oneDNN (its build information
   * lists {@code HAVE_ONEDNN}); loads the ND4J backend if it is not loaded yet.
   */
  public static boolean nativeBuildHasOneDnn() {
    Boolean known = nativeOneDnn;
    if (known == null) {
      Nd4j.getExecutioner();
      String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
      known = info != null && info.contains("HAVE_ONEDNN");
      nativeOneDnn = known;
      if (!known) {
        LOG.info(
            "The ND4J native library has no oneDNN: convolutions keep DL4J's im2col path"
                + " (use the nd4j-native classifier linux-x86_64-onednn for oneDNN).");
      }
    }
    return known;
  }

  /**
   * Gives every plain convolution and pooling layer of {@code network} a oneDNN helper, when the
   * native build has oneDNN.
   *
   * @return the number of layers that now have a helper (0 without oneDNN)
   */
  public static int install(MultiLayerNetwork network) {
    Objects.requireNonNull(network, "OneDnnLayerHelpers: network must not be null");
    return nativeBuildHasOneDnn() ? setHelpers(network.getLayers(), true) : 0;
  }

  /**
   * Gives every plain convolution and pooling layer of {@code graph} a oneDNN helper, when the
   * native build has oneDNN.
   *
   * @return the number of layers that now have a helper (0 without oneDNN)
   */
  public static int install(ComputationGraph graph) {
    Objects.requireNonNull(graph, "OneDnnLayerHelpers: graph must not be null");
    return nativeBuildHasOneDnn() ? setHelpers(graph.getLayers(), true) : 0;
  }

  /**
   * Removes the helpers of every plain convolution and pooling layer, so that DL4J's built-in
   * implementation runs (what DL4J 1.0.0-M2.1 uses on its own).
   *
   * @return the number of layers whose helper was cleared
   */
  public static int remove(MultiLayerNetwork network) {
    Objects.requireNonNull(network, "OneDnnLayerHelpers: network must not be null");
    return setHelpers(network.getLayers(), false);
  }

  /**
   * Removes the helpers of every plain convolution and pooling layer of {@code graph}.
   *
   * @return the number of layers whose helper was cleared
   */
  public static int remove(ComputationGraph graph) {
    Objects.requireNonNull(graph, "OneDnnLayerHelpers: graph must not be null");
    return setHelpers(graph.getLayers(), false);
  }

  /** Returns the number of layers of {@code network} that have any DL4J layer helper. */
  public static int countInstalled(MultiLayerNetwork network) {
    return count(network.getLayers());
  }

  /** Returns the number of layers of {@code graph} that have any DL4J layer helper. */
  public static int countInstalled(ComputationGraph graph) {
    return count(graph.getLayers());
  }

  private static int count(Layer[] layers) {
    int count = 0;
    for (Layer layer : layers) {
      if (layer.getHelper() != null) {
        count++;
      }
    }
    return count;
  }

  private static int setHelpers(Layer[] layers, boolean install) {
    int changed = 0;
    for (Layer layer : layers) {
      if (layer.getClass() == ConvolutionLayer.class) {
        setHelper(
            ConvolutionLayer.class, layer, install ? new MKLDNNConvHelper(HELPER_DATA_TYPE) : null);
        changed++;
      } else if (layer.getClass() == SubsamplingLayer.class) {
        setHelper(
            SubsamplingLayer.class,
            layer,
            install ? new MKLDNNSubsamplingHelper(HELPER_DATA_TYPE) : null);
        changed++;
      }
    }
    return changed;
  }

  private static void setHelper(Class<?> owner, Layer layer, Object helper) {
    try {
      Field field = owner.getDeclaredField("helper");
      field.setAccessible(true);
      field.set(layer, helper);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "OneDnnLayerHelpers: cannot set the field 'helper' of "
              + owner.getName()
              + " (this class is written for DL4J 1.0.0-M2.1; another version may"
              + " have renamed it)",
          e);
    }
  }
}
