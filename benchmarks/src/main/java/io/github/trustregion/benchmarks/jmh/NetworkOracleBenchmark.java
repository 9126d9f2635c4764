package io.github.trustregion.benchmarks.jmh;

import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.hessian.HessianMode;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost of the first- and second-order oracles and of whole steps on the CPU-scale networks, on
 * one fixed minibatch: a gradient, a forward-difference and a central-difference Hessian-vector
 * product, one SGD step and one stochastic TR step with the paper's settings (N₁ = N₂ = 1, η = 0.1,
 * r₀ = 1), both methods made by the harness's method registry exactly as the experiments make them.
 *
 * <p>Throughput mode: the primary score is operations per second; the auxiliary counter {@code
 * samples} is examples per second (operations × batch size), and the step benchmarks add the
 * products they used. The project's speed targets read off the same run: forward Hv / gradient time
 * ratio ≤ 1.15 and TR step / SGD step ≤ 2.5; {@code lossValue} is the remaining oracle of a TR
 * step, so that the step's cost can be set against the sum of its oracles. The minibatch is real
 * Fashion-MNIST when it is installed, else standard-normal inputs with uniform labels (the cost
 * does not depend on the values). The README's throughput table adds B = 1024: {@code
 * -Djmh.extraArgs="-p batchSize=128,1024"}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Benchmark)
public class NetworkOracleBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(NetworkOracleBenchmark.class);

  /** The network: {@code mlp} (784-256-256-10) or {@code small-cnn}. */
  @Param({"mlp", "small-cnn"})
  public String model;

  /** The minibatch size B. */
  @Param({"128"})
  public int batchSize;

  /**
   * N₁ = N₂ of the TR step's solver: 1 is the paper's (three Hessian-vector products per step); 0
   * makes the subproblem a single phase-I step (two products), the cheapest step the solver allows,
   * for comparison ({@code -p subproblemLimit=0}).
   */
  @Param({"1"})
  public int subproblemLimit;

  private MinibatchObjective forward;
  private MinibatchObjective central;
  private INDArray parameters;
  private INDArray direction;
  private HessianVectorProduct forwardHessian;
  private HessianVectorProduct centralHessian;
  private MinibatchObjective sgdObjective;
  private INDArray sgdParameters;
  private MethodState sgd;
  private MinibatchObjective trObjective;
  private INDArray trParameters;
  private MethodState trustRegion;

  /** Counts examples processed, reported by JMH as a rate (samples per second). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Samples {
    /** Examples processed; JMH divides by time. */
    public long samples;

    /** Hessian-vector products used by the step benchmarks. */
    public long hessianVectorProducts;

    /** Gradient evaluations used by the step benchmarks. */
    public long gradientEvaluations;

    /** Clears the counters before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      samples = 0;
      hessianVectorProducts = 0;
      gradientEvaluations = 0;
    }
  }

  /** Builds the networks (seed 1), the minibatch, the objectives and the method states. */
  @Setup(Level.Trial)
  public void setUp() {
    NetworkArchitecture architecture =
        BenchmarkNetworks.architecture(model, "NetworkOracleBenchmark");
    DataSet batch = minibatch(architecture);
    ObjectiveOptions forwardOptions = ObjectiveOptions.defaults();
    ObjectiveOptions centralOptions =
        ObjectiveOptions.defaults().withHessianMode(HessianMode.CENTRAL_DIFFERENCE);

    NetworkObjective forwardNetwork = NetworkObjective.of(architecture.build(1), forwardOptions);
    forward = forwardNetwork.on(batch);
    parameters = forwardNetwork.parameters().dup();
    INDArray gradient = forward.valueAndGradient(parameters).gradient();
    forwardHessian = forward.hessianAt(parameters, gradient);
    direction = Nd4j.randn(parameters.dataType(), parameters.shape());
    direction.divi(direction.norm2Number());

    NetworkObjective centralNetwork = NetworkObjective.of(architecture.build(1), centralOptions);
    central = centralNetwork.on(batch);
    centralHessian = central.hessianAt(parameters, central.valueAndGradient(parameters).gradient());

    NetworkObjective sgdNetwork = NetworkObjective.of(architecture.build(1), forwardOptions);
    sgdObjective = sgdNetwork.on(batch);
    sgdParameters = sgdNetwork.parameters().dup();
    MethodRegistry methods = MethodRegistry.standard();
    sgd = methods.create("SGD", List.of("learningRate=0.1")).newState(sgdParameters.length());

    NetworkObjective trNetwork = NetworkObjective.of(architecture.build(1), forwardOptions);
    trObjective = trNetwork.on(batch);
    trParameters = trNetwork.parameters().dup();
    trustRegion =
        methods
            .create(
                "TR",
                List.of(
                    "subproblemStepSize=0.1",
                    "phaseOneLimit=" + subproblemLimit,
                    "iterationLimit=" + subproblemLimit))
            .newState(trParameters.length());
  }

  private DataSet minibatch(NetworkArchitecture architecture) {
    if (FashionMnist.isAvailable(FashionMnist.directory())) {
      return BenchmarkNetworks.fashionMnistMinibatch(architecture, batchSize);
    }
    LOG.warn(
        "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist): timing on"
            + " random inputs of the same shape.");
    INDArray features =
        architecture.flatInput()
            ? Nd4j.randn(DataType.FLOAT, batchSize, 784)
            : Nd4j.randn(DataType.FLOAT, batchSize, 1, 28, 28);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, batchSize, 10);
    for (int i = 0; i < batchSize; i++) {
      labels.putScalar(i, i % 10, 1.0);
    }
    return new DataSet(features, labels);
  }

  /** One gradient ∇F(x) (a forward and a backward pass) and the value F(x). */
  @Benchmark
  public INDArray gradient(Samples counters) {
    counters.samples += batchSize;
    return forward.valueAndGradient(parameters).gradient();
  }

  /** One loss value F(x) alone (a forward pass): the trial evaluation F(x + z) of a TR step. */
  @Benchmark
  public double lossValue(Samples counters) {
    counters.samples += batchSize;
    return forward.value(parameters);
  }

  /** One forward-difference product (∇F(x + εv) − ∇F(x))/ε, ∇F(x) given. */
  @Benchmark
  public INDArray forwardDifferenceHv(Samples counters) {
    counters.samples += batchSize;
    return forwardHessian.multiply(direction);
  }

  /** One central-difference product (∇F(x + εv) − ∇F(x − εv))/(2ε). */
  @Benchmark
  public INDArray centralDifferenceHv(Samples counters) {
    counters.samples += batchSize;
    return centralHessian.multiply(direction);
  }

  /** One plain SGD step (learning rate 0.1) on the minibatch. */
  @Benchmark
  public StepReport sgdStep(Samples counters) {
    counters.samples += batchSize;
    StepReport report = sgd.step(sgdParameters, sgdObjective);
    counters.gradientEvaluations += report.gradientEvaluations();
    return report;
  }

  /**
   * One stochastic TR step with the paper's solver settings (N₁ = N₂ = {@link #subproblemLimit}, 1
   * by default; η = 0.1, r₀ = 1).
   */
  @Benchmark
  public StepReport trustRegionStep(Samples counters) {
    counters.samples += batchSize;
    StepReport report = trustRegion.step(trParameters, trObjective);
    counters.gradientEvaluations += report.gradientEvaluations();
    counters.hessianVectorProducts += report.hessianVectorProducts();
    return report;
  }
}
