package io.github.trustregion.benchmarks.jmh;

import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.StepReport;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
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

/**
 * One step of SGD and of each trust-region variant side by side, on one Fashion-MNIST minibatch:
 * the paper's TR, TR with its products on an eighth of the minibatch, TR with Lanczos at 3
 * products, and TR-code with K = 1 (see docs/method.md, "The methods compared"), each made by the
 * harness's method registry as the E6 experiment declares it.
 *
 * <p>Throughput mode: the primary score is steps per second, so a method's step costs {@code sgd /
 * method} SGD steps. The auxiliary counters, as rates with the same denominator, give the step's
 * work: dividing a counter's rate by the primary score gives it per step, and {@code
 * gradientEquivalents} is the work in passes over the whole minibatch, gradients + m/B·(subset
 * gradients + products) + value passes (forward differences: one pass per product). Fashion-MNIST
 * must be installed (apt-get install dataset-fashion-mnist). The speed targets (TR-code ≤ 2.2 SGD
 * steps, the paper's TR at fraction 1/8 ≤ 2.0) are read off this run; see the README's "Speed".
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Dorg.bytedeco.javacpp.maxbytes=6G"})
@State(Scope.Benchmark)
public class VariantStepBenchmark {

  /** The methods, as the E6 experiment declares them: registry name, then settings. */
  static final Map<String, List<String>> METHODS =
      Map.of(
          "sgd", List.of("SGD", "learningRate=0.1"),
          "tr", List.of("TR"),
          "tr-sub8", List.of("TR", "hessianBatchFraction=0.125"),
          "tr-lanczos3", List.of("TR", "solver=lanczos", "solverProducts=3"),
          "tr-code", List.of("TR-code", "learningRate=0.1", "radius=1.0", "innerSteps=1"));

  /** The network: {@code mlp} (784-256-256-10) or {@code small-cnn}. */
  @Param({"mlp", "small-cnn"})
  public String model;

  /** The step: a key of {@link #METHODS}. */
  @Param({"sgd", "tr", "tr-sub8", "tr-lanczos3", "tr-code"})
  public String method;

  /** The minibatch size B. */
  @Param({"128"})
  public int batchSize;

  private MinibatchObjective objective;
  private INDArray initial;
  private INDArray parameters;
  private MethodState state;

  /** The step's work, as rates JMH divides by time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    /** Gradient evaluations on the whole minibatch. */
    public long gradientEvaluations;

    /** Hessian-vector products (on the subset when sub-sampled). */
    public long hessianVectorProducts;

    /** Gradients on the Hessian subset (the base of its forward differences). */
    public long subsetGradientEvaluations;

    /** Value-only passes (the ratio test's F(x + z)). */
    public long functionEvaluations;

    /** All of it in passes over the whole minibatch. */
    public double gradientEquivalents;

    /** Clears the counters before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
      gradientEvaluations = 0;
      hessianVectorProducts = 0;
      subsetGradientEvaluations = 0;
      functionEvaluations = 0;
      gradientEquivalents = 0;
    }
  }

  /** Builds the network (seed 1), the minibatch and the method's state (seed 1). */
  @Setup(Level.Trial)
  public void setUp() {
    if (!FashionMnist.isAvailable(FashionMnist.directory())) {
      throw new IllegalStateException(
          "VariantStepBenchmark needs Fashion-MNIST: apt-get install dataset-fashion-mnist");
    }
    List<String> declared = METHODS.get(method);
    if (declared == null) {
      throw new IllegalArgumentException(
          "VariantStepBenchmark: unknown method '" + method + "'; use one of " + METHODS.keySet());
    }
    NetworkArchitecture architecture =
        BenchmarkNetworks.architecture(model, "VariantStepBenchmark");
    NetworkObjective network =
        NetworkObjective.of(architecture.build(1), ObjectiveOptions.defaults());
    objective = network.on(BenchmarkNetworks.fashionMnistMinibatch(architecture, batchSize));
    initial = network.parameters().dup();
    parameters = initial.dup();
    state =
        MethodRegistry.standard()
            .create(declared.get(0), declared.subList(1, declared.size()))
            .newState(parameters.length(), 1);
  }

  /**
   * Starts every iteration from the initial parameters, so that a method whose steps keep moving
   * (TR-code's fixed radius) is timed where the others are.
   */
  @Setup(Level.Iteration)
  public void restart() {
    parameters.assign(initial);
  }

  /** One step of the method on the minibatch. */
  @Benchmark
  public StepReport step(Work work) {
    StepReport report = state.step(parameters, objective);
    work.gradientEvaluations += report.gradientEvaluations();
    work.hessianVectorProducts += report.hessianVectorProducts();
    work.subsetGradientEvaluations += report.subsetGradientEvaluations();
    work.functionEvaluations += report.functionEvaluations();
    work.gradientEquivalents +=
        report.gradientEvaluations()
            + report.hessianExampleFraction()
                * (report.subsetGradientEvaluations() + report.hessianVectorProducts())
            + report.functionEvaluations();
    return report;
  }
}
