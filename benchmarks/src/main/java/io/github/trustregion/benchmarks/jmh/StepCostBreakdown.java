package io.github.trustregion.benchmarks.jmh;

import io.github.trustregion.benchmarks.data.FashionMnist;
import io.github.trustregion.benchmarks.models.NetworkArchitecture;
import io.github.trustregion.framework.commandline.CommandLines;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.hessian.ExampleMeanObjective;
import io.github.trustregion.optimizers.hessian.HessianMode;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import io.github.trustregion.optimizers.hessian.SampledHessian;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the time of a trust-region step goes: the step's oracles (gradient, the gradient on a
 * Hessian subset where products are sub-sampled, Hessian-vector products, the trial value F(x + z))
 * timed call by call, and the rest (the subproblem solver's vector algebra and the state's
 * bookkeeping) as the difference to the whole step.
 *
 * <p>It complements {@link NetworkOracleBenchmark}, whose separate benchmarks of each oracle run at
 * different times and so carry the machine's noise into their sum; here every part is measured
 * inside the same steps, so the share of each part holds even on a loaded machine. Steps use the
 * paper's TR ({@code --method tr}, the default) or one of the variants of {@link #METHODS}, made by
 * the method registry as the experiments make them, on one real Fashion-MNIST minibatch of B = 128
 * (Fashion-MNIST must be installed), after a warm-up. Run it with the benchmarks class path:
 *
 * <pre>
 *   OMP_WAIT_POLICY=PASSIVE java -cp benchmarks/target/classes:CLASSPATH \
 *       io.github.trustregion.benchmarks.jmh.StepCostBreakdown [-h] [-m METHOD] mlp|small-cnn \
 *       [WARM-UP] [STEPS]
 * </pre>
 *
 * <p>The arguments are parsed by picocli ({@link Arguments}, {@link CommandLines}); {@code --help}
 * prints the usage. Exit codes: 0 measured, 1 the measurement could not run (such as Fashion-MNIST
 * missing; the message says how to install it), 2 bad arguments.
 */
public final class StepCostBreakdown {

  /** The exit code of bad arguments. */
  static final int EXIT_USAGE = 2;

  private static final String MLP = "mlp";
  private static final String SMALL_CNN = "small-cnn";

  private StepCostBreakdown() {}

  /**
   * The mean cost of one step, in milliseconds.
   *
   * @param steps the steps measured
   * @param step the whole step
   * @param gradient ∇F(x) with F(x)
   * @param hessianVectorProducts all Hessian-vector products of the step
   * @param productsPerStep Hessian-vector products per step
   * @param value the trial value F(x + z)
   * @param rest the step minus its oracles (setting up the product operator included)
   * @param subsetGradient ∇F_S(x) on the Hessian subset, the base of forward-difference products on
   *     a sub-sampled Hessian (0 without sub-sampling)
   */
  public record Breakdown(
      int steps,
      double step,
      double gradient,
      double hessianVectorProducts,
      double productsPerStep,
      double value,
      double rest,
      double subsetGradient) {}

  /**
   * The methods it can time, each as {@code ExperimentsCli} and the E6 experiment declare it: the
   * paper's TR, TR with its products on an eighth of the minibatch, TR with Lanczos at 3 products,
   * and TR-code with K = 1 (see docs/method.md, "The methods compared").
   */
  static final Map<String, List<String>> METHODS =
      Map.of(
          "tr", List.of("TR"),
          "tr-sub8", List.of("TR", "hessianBatchFraction=0.125"),
          "tr-lanczos3", List.of("TR", "solver=lanczos", "solverProducts=3"),
          "tr-code", List.of("TR-code", "learningRate=0.1", "radius=1.0", "innerSteps=1"));

  /** Measures {@code steps} TR steps of {@code model} (mlp or small-cnn) after {@code warmUp}. */
  public static Breakdown measure(String model, int warmUp, int steps) {
    return measure(model, "tr", warmUp, steps);
  }

  /**
   * Measures {@code steps} steps of one of {@link #METHODS} on {@code model} (mlp or small-cnn)
   * after {@code warmUp}.
   */
  public static Breakdown measure(String model, String method, int warmUp, int steps) {
    if (steps < 1 || warmUp < 0) {
      throw new IllegalArgumentException(
          "StepCostBreakdown: steps must be at least 1 and the"
              + " warm-up at least 0, but were "
              + steps
              + " and "
              + warmUp);
    }
    NetworkArchitecture architecture = BenchmarkNetworks.architecture(model, "StepCostBreakdown");
    if (!FashionMnist.isAvailable(FashionMnist.directory())) {
      throw new IllegalStateException(
          "StepCostBreakdown needs Fashion-MNIST: apt-get install" + " dataset-fashion-mnist");
    }
    DataSet batch = BenchmarkNetworks.fashionMnistMinibatch(architecture, 128);
    NetworkObjective network =
        NetworkObjective.of(architecture.build(1), ObjectiveOptions.defaults());
    TimedObjective timed = new TimedObjective((ExampleMeanObjective) network.on(batch));
    INDArray x = network.parameters().dup();
    List<String> declared = METHODS.get(method);
    if (declared == null) {
      throw new IllegalArgumentException(
          "StepCostBreakdown: unknown method '" + method + "'; use one of " + METHODS.keySet());
    }
    MethodState state =
        MethodRegistry.standard()
            .create(declared.get(0), declared.subList(1, declared.size()))
            .newState(x.length(), 1);
    for (int i = 0; i < warmUp; i++) {
      state.step(x, timed);
    }
    timed.reset();
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      state.step(x, timed);
    }
    long total = System.nanoTime() - start;
    double perStep = 1e6 * steps;
    return new Breakdown(
        steps,
        total / perStep,
        timed.gradientNanos / perStep,
        timed.productNanos / perStep,
        timed.products / (double) steps,
        timed.valueNanos / perStep,
        (total
                - timed.gradientNanos
                - timed.productNanos
                - timed.valueNanos
                - timed.subsetGradientNanos)
            / perStep,
        timed.subsetGradientNanos / perStep);
  }

  /** Prints the breakdown of a model's steps and exits; see the class documentation. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}, and returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments = new Arguments();
    CommandLine cli = CommandLines.create(arguments, out, err);
    OptionalInt parsed = CommandLines.parse(cli, args, EXIT_USAGE);
    if (parsed.isPresent()) {
      return parsed.getAsInt();
    }
    Breakdown b;
    try {
      b = measure(arguments.model, arguments.method, arguments.warmUp, arguments.steps);
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
    out.printf(
        "%s, %s, %d steps: step %.2f ms = gradient %.2f + subset gradient %.2f + %.1f"
            + " Hessian-vector products %.2f + value %.2f + rest %.2f (rest %.1f%% of the step)%n",
        arguments.model,
        arguments.method,
        b.steps(),
        b.step(),
        b.gradient(),
        b.subsetGradient(),
        b.productsPerStep(),
        b.hessianVectorProducts(),
        b.value(),
        b.rest(),
        100 * b.rest() / b.step());
    return 0;
  }

  /** The command line's arguments, as picocli parses them. */
  @Command(
      name = "StepCostBreakdown",
      usageHelpWidth = 100,
      description =
          "Splits the time of a trust-region step (the paper's TR or a variant, one Fashion-MNIST"
              + " minibatch of B = 128) into its oracles and the rest, timed inside the same steps.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {
        "0:measured",
        "1:the measurement could not run (such as Fashion-MNIST missing)",
        EXIT_USAGE + ":bad arguments"
      })
  static final class Arguments {

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = {"-m", "--method"},
        paramLabel = "METHOD",
        converter = MethodConverter.class,
        description =
            "the step: tr (the paper's, default), tr-sub8 (products on 1/8 of the minibatch),"
                + " tr-lanczos3 (Lanczos at 3 products) or tr-code (TR-code, K = 1)")
    String method = "tr";

    @Parameters(
        index = "0",
        paramLabel = "MODEL",
        converter = ModelConverter.class,
        description = "the network: " + MLP + " or " + SMALL_CNN)
    String model;

    @Parameters(
        index = "1",
        arity = "0..1",
        paramLabel = "WARM-UP",
        converter = WarmUpConverter.class,
        description = "TR steps before the measurement, at least 0 (default: ${DEFAULT-VALUE})")
    int warmUp = 30;

    @Parameters(
        index = "2",
        arity = "0..1",
        paramLabel = "STEPS",
        converter = StepsConverter.class,
        description = "TR steps measured, at least 1 (default: ${DEFAULT-VALUE})")
    int steps = 200;
  }

  /** Accepts the models {@link BenchmarkNetworks#architecture} knows. */
  static final class ModelConverter implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (!text.equals(MLP) && !text.equals(SMALL_CNN)) {
        throw new TypeConversionException(
            "'" + text + "' is no model; use " + MLP + " or " + SMALL_CNN + ".");
      }
      return text;
    }
  }

  /** Accepts the methods of {@link #METHODS}. */
  static final class MethodConverter implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (!METHODS.containsKey(text)) {
        throw new TypeConversionException(
            "'" + text + "' is no method; use one of " + new java.util.TreeSet<>(METHODS.keySet()));
      }
      return text;
    }
  }

  /** Converts the warm-up's text to a whole number of at least 0. */
  static final class WarmUpConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return CommandLines.wholeNumber(text, 0);
    }
  }

  /** Converts the measured steps' text to a whole number of at least 1. */
  static final class StepsConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return CommandLines.wholeNumber(text, 1);
    }
  }

  /**
   * Times every oracle call of the objective it wraps; products on a Hessian subset are timed like
   * whole-batch ones, and their set-up (the subset's gradient ∇F_S(x)) apart.
   */
  private static final class TimedObjective implements ExampleMeanObjective {
    private final ExampleMeanObjective inner;
    private long subsetGradientNanos;
    private long gradientNanos;
    private long productNanos;
    private long valueNanos;
    private long products;

    TimedObjective(ExampleMeanObjective inner) {
      this.inner = inner;
    }

    void reset() {
      subsetGradientNanos = 0;
      gradientNanos = 0;
      productNanos = 0;
      valueNanos = 0;
      products = 0;
    }

    @Override
    public long dimension() {
      return inner.dimension();
    }

    @Override
    public OptionalInt batchSize() {
      return inner.batchSize();
    }

    @Override
    public SampledHessian hessianAt(
        INDArray x, INDArray gradientAtX, HessianMode mode, double fixedStep, int[] examples) {
      long start = System.nanoTime();
      SampledHessian sampled = inner.hessianAt(x, gradientAtX, mode, fixedStep, examples);
      if (examples != null) {
        // The subset's gradient ∇F_S(x); without a subset the set-up is the project's own work.
        subsetGradientNanos += System.nanoTime() - start;
      }
      HessianVectorProduct hessian = sampled.product();
      return new SampledHessian(
          v -> {
            long begin = System.nanoTime();
            INDArray product = hessian.multiply(v);
            productNanos += System.nanoTime() - begin;
            products++;
            return product;
          },
          sampled.baseGradientEvaluations(),
          sampled.exampleFraction());
    }

    @Override
    public double value(INDArray x) {
      long start = System.nanoTime();
      double value = inner.value(x);
      valueNanos += System.nanoTime() - start;
      return value;
    }

    @Override
    public ValueAndGradient valueAndGradient(INDArray x) {
      long start = System.nanoTime();
      ValueAndGradient result = inner.valueAndGradient(x);
      gradientNanos += System.nanoTime() - start;
      return result;
    }

    @Override
    public HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX) {
      HessianVectorProduct hessian = inner.hessianAt(x, gradientAtX);
      return v -> {
        long start = System.nanoTime();
        INDArray product = hessian.multiply(v);
        productNanos += System.nanoTime() - start;
        products++;
        return product;
      };
    }
  }
}
