package io.github.trustregion.benchmarks.jmh;

import io.github.trustregion.benchmarks.models.Mlp;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.benchmarks.models.SmallCnn;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.backend.OneDnnLayerHelpers;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradient throughput in samples per second of the small CNN and the MLP 784-256-256-10 on the CPU
 * backend, for DL4J's own gradient and for the project's {@link NetworkObjective} around it.
 *
 * <p>One invocation computes the gradient of the loss summed over one fixed minibatch of B random
 * 28×28 inputs with cyclic one-hot labels: {@link #dl4jGradient} calls {@code
 * computeGradientAndScore()} and copies the flattened gradient into a preallocated vector (what a
 * caller has to do, since DL4J overwrites it on the next call); {@link #objectiveGradient} asks the
 * project's objective for F(x) and ∇F(x), the path every training method takes. The primary score
 * is gradients per second; the auxiliary counter {@code samples} is samples per second (B per
 * gradient), the figure the README compares with PyTorch (about 6,300/s for the small CNN and
 * 11,000/s for the MLP at B = 128 on a 2-core machine).
 *
 * <p>{@link #layerHelpers} chooses DL4J's convolution and pooling implementation: {@code onednn}
 * installs DL4J's oneDNN helpers with {@link OneDnnLayerHelpers} (what the project's models do; on
 * a native build without oneDNN nothing is installed), {@code builtin} removes them, which is what
 * DL4J 1.0.0-M2.1 runs by itself (im2col + gemm + col2im; see {@link OneDnnLayerHelpers} for why).
 * Before any timing the set-up checks that the helpers' gradient matches the built-in one (relative
 * L2 difference below 1e-4) and fails otherwise.
 *
 * <p>The fork inherits the environment: run it with {@code OMP_WAIT_POLICY=PASSIVE}. With the
 * default busy-waiting OpenMP threads the gradient rate dropped 7–20× whenever other processes
 * competed for the two cores. Thread safety: one benchmark thread per fork (the default).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Benchmark)
public class GradientThroughputBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(GradientThroughputBenchmark.class);

  /** The largest relative L2 difference accepted between helper and built-in gradients. */
  private static final double GRADIENT_TOLERANCE = 1e-4;

  /** The network: {@code smallCnn} or {@code mlp} (784-256-256-10), both SReLU, float32. */
  @Param({"smallCnn", "mlp"})
  public String model;

  /** The minibatch size B. */
  @Param({"128", "1024"})
  public int batch;

  /**
   * The convolution and pooling implementation: {@code onednn} (DL4J's oneDNN layer helpers,
   * installed by this benchmark) or {@code builtin} (what DL4J 1.0.0-M2.1 uses on its own).
   */
  @Param({"onednn"})
  public String layerHelpers;

  private MultiLayerNetwork network;
  private INDArray features;
  private INDArray labels;
  private INDArray gradientCopy;
  private MinibatchObjective objective;
  private INDArray point;

  /** Counts the samples whose gradient was computed; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Samples {
    /** Samples processed in the current iteration (B per gradient). */
    public long samples;

    /** Clears the counter before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      samples = 0;
    }
  }

  /**
   * Builds the network (seed 1) and a random minibatch (seed 7), installs the requested layer
   * helpers, and checks their gradient against the built-in layers' gradient.
   *
   * @throws IllegalArgumentException for an unknown {@link #model} or {@link #layerHelpers}
   * @throws IllegalStateException if the helpers' gradient differs from the built-in one
   */
  @Setup(Level.Trial)
  public void setUp() {
    NetworkArchitecture architecture = architecture(model);
    boolean oneDnn =
        switch (layerHelpers) {
          case "onednn" -> true;
          case "builtin" -> false;
          default ->
              throw new IllegalArgumentException(
                  "GradientThroughputBenchmark: unknown layerHelpers '"
                      + layerHelpers
                      + "'; use onednn or builtin (-p layerHelpers=builtin).");
        };
    Nd4j.getRandom().setSeed(7);
    features =
        architecture.flatInput()
            ? Nd4j.rand(DataType.FLOAT, batch, 784)
            : Nd4j.rand(DataType.FLOAT, batch, 1, 28, 28);
    labels = Nd4j.zeros(DataType.FLOAT, batch, 10);
    for (int i = 0; i < batch; i++) {
      labels.putScalar(i, i % 10, 1.0);
    }

    network = architecture.build(1);
    setLayerHelpers(network, oneDnn);
    gradientCopy = Nd4j.create(DataType.FLOAT, network.numParams());
    dl4jGradient(new Samples());
    checkAgainstBuiltin(architecture);
    LOG.info(
        "{} B={} layer helpers={} ({}); native build: {}",
        architecture.name(),
        batch,
        layerHelpers,
        OneDnnLayerHelpers.countInstalled(network),
        nativeBuild());

    MultiLayerNetwork objectiveNetwork = architecture.build(1);
    setLayerHelpers(objectiveNetwork, oneDnn);
    NetworkObjective networkObjective =
        NetworkObjective.of(objectiveNetwork, ObjectiveOptions.defaults());
    objective = networkObjective.on(new DataSet(features, labels));
    point = networkObjective.parameters().dup();
  }

  private static NetworkArchitecture architecture(String name) {
    return switch (name) {
      case "smallCnn" -> SmallCnn.fashionMnist();
      case "mlp" -> Mlp.fashionMnist();
      default ->
          throw new IllegalArgumentException(
              "GradientThroughputBenchmark: unknown model '" + name + "'; use smallCnn or mlp.");
    };
  }

  /** DL4J's gradient of the summed loss, copied out of the network's gradient view. */
  @Benchmark
  public double dl4jGradient(Samples counters) {
    network.setInput(features);
    network.setLabels(labels);
    network.computeGradientAndScore();
    gradientCopy.assign(network.getFlattenedGradients());
    counters.samples += batch;
    return network.score();
  }

  /** The project's F(x) and ∇F(x) (mean loss) through {@link NetworkObjective}. */
  @Benchmark
  public INDArray objectiveGradient(Samples counters) {
    counters.samples += batch;
    return objective.valueAndGradient(point).gradient();
  }

  private void checkAgainstBuiltin(NetworkArchitecture architecture) {
    if (OneDnnLayerHelpers.countInstalled(network) == 0) {
      return;
    }
    MultiLayerNetwork reference = architecture.build(1);
    setLayerHelpers(reference, false);
    reference.setInput(features);
    reference.setLabels(labels);
    reference.computeGradientAndScore();
    INDArray expected = reference.getFlattenedGradients().castTo(DataType.DOUBLE);
    double difference =
        gradientCopy.castTo(DataType.DOUBLE).sub(expected).norm2Number().doubleValue()
            / expected.norm2Number().doubleValue();
    if (!(difference < GRADIENT_TOLERANCE)) {
      throw new IllegalStateException(
          "GradientThroughputBenchmark: the "
              + layerHelpers
              + " layer helpers' gradient differs from DL4J's built-in one by "
              + difference
              + " (relative L2, tolerance "
              + GRADIENT_TOLERANCE
              + "); do not trust their timing.");
    }
    LOG.info(
        "Layer helpers' gradient matches the built-in one (relative L2 difference {}).",
        difference);
  }

  private static void setLayerHelpers(MultiLayerNetwork net, boolean oneDnn) {
    if (oneDnn) {
      OneDnnLayerHelpers.install(net);
    } else {
      OneDnnLayerHelpers.remove(net);
    }
  }

  private static String nativeBuild() {
    return OneDnnLayerHelpers.nativeBuildHasOneDnn()
        ? "with oneDNN"
        : "without oneDNN (no helpers installed)";
  }
}
