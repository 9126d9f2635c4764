package io.github.trustregion.framework.method;

import io.github.trustregion.framework.method.SettingSpec.Range;
import io.github.trustregion.framework.method.SettingSpec.Type;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.hessian.HessianMode;
import io.github.trustregion.optimizers.hessian.HessianSettings;
import io.github.trustregion.optimizers.hessian.HessianSubsample;
import io.github.trustregion.optimizers.method.Adam;
import io.github.trustregion.optimizers.method.Hybrid;
import io.github.trustregion.optimizers.method.Momentum;
import io.github.trustregion.optimizers.method.PlateauRule;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.method.TrCode;
import io.github.trustregion.optimizers.subproblem.GradientSolverSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.LanczosTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.SteihaugCgSolver;
import io.github.trustregion.optimizers.subproblem.StepSizeRule;
import io.github.trustregion.optimizers.subproblem.SubproblemSolver;
import io.github.trustregion.optimizers.trustregion.AcceptanceRule;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in method providers for the methods of module {@code optimizers} (see docs/method.md,
 * "The methods compared"), registered in {@code META-INF/services}. Defaults are the paper's where
 * it gives them.
 *
 * <p>Settings added after the first results were recorded (the solver choice, the Hessian
 * difference and sub-sampling, the learning-rate scaling) default to the behaviour before them, bit
 * for bit, and the methods leave them out of their own settings maps while at those defaults, so
 * stored results of such trials still match their declarations.
 */
public final class BuiltInMethods {

  private BuiltInMethods() {}

  /** The sub-sampling fraction: (0, 1], 1 for the whole minibatch (see docs/method.md). */
  static SettingSpec hessianBatchFraction(String prefix) {
    return SettingSpec.ranged(
        prefix + HessianSubsample.SETTING,
        Type.DOUBLE,
        "1.0",
        "the share f of the minibatch whose mean-loss Hessian the products of a step use, "
            + "ceil(f*B) seeded examples, at least "
            + HessianSubsample.MIN_EXAMPLES
            + " unless f = 1 (docs/method.md, \"Hessian sub-sampling\")",
        Range.aboveUpTo(0, 1));
  }

  /** The linear scaling rule's reference batch B0, 0 for a fixed step. */
  static SettingSpec learningRateReferenceBatch() {
    return SettingSpec.ranged(
        "learningRateReferenceBatch",
        Type.INTEGER,
        "0",
        "B0 of the linear scaling rule: the step is learningRate*B/B0 at batch size B; 0 keeps"
            + " it fixed (docs/method.md, \"Learning-rate scaling\")",
        Range.atLeast(0));
  }

  /** The fraction a provider's resolved settings ask for, under {@code key}. */
  static Optional<String> batchProblem(Map<String, String> settings, String key, int batchSize) {
    String value = settings.get(key);
    if (value == null) {
      return Optional.empty();
    }
    return HessianSubsample.check(Double.parseDouble(value), batchSize);
  }

  /** The trust-region settings shared by {@link TrustRegionProvider} and {@link HybridProvider}. */
  static List<SettingSpec> trustRegionSettings(String prefix) {
    return List.of(
        SettingSpec.of(
            prefix + "subproblemStepSize",
            Type.POSITIVE_DOUBLE,
            "0.1",
            "the solver's phase-I step size eta (paper: 0.1, 0.01 for MobileNet)"),
        SettingSpec.of(prefix + "phaseOneLimit", Type.INTEGER, "1", "N1, phase-I steps (paper: 1)"),
        SettingSpec.of(
            prefix + "iterationLimit", Type.INTEGER, "1", "N2, phase-II limit (paper: 1)"),
        SettingSpec.of(
            prefix + "alpha",
            Type.POSITIVE_DOUBLE,
            "0.5",
            "the solver's start z0 = -alpha r g/|g|, in (0, 1)"),
        SettingSpec.of(prefix + "initialRadius", Type.POSITIVE_DOUBLE, "1.0", "r0 (paper: 1)"),
        SettingSpec.of(
            prefix + "maxRadius",
            Type.POSITIVE_DOUBLE,
            "10.0",
            "r_max, the cap of every expansion (our choice; the paper gives none)"),
        SettingSpec.choice(
            prefix + "rule",
            "STOCHASTIC",
            "the acceptance rule (STOCHASTIC: the paper's)",
            "STOCHASTIC",
            "DETERMINISTIC"),
        SettingSpec.of(prefix + "expandThreshold", Type.POSITIVE_DOUBLE, "0.9", "eta1"),
        SettingSpec.of(prefix + "acceptThreshold", Type.POSITIVE_DOUBLE, "0.1", "eta2"),
        SettingSpec.of(prefix + "expandFactor", Type.POSITIVE_DOUBLE, "2.0", "gamma_up > 1"),
        SettingSpec.of(
            prefix + "shrinkFactor", Type.POSITIVE_DOUBLE, "0.5", "gamma_down in (0, 1)"),
        SettingSpec.of(
            prefix + "solverSeed", Type.INTEGER, "0", "seeds the solver's random directions"),
        SettingSpec.choice(
            prefix + "solver",
            "paper",
            "the subproblem solver: the paper's two-phase solver (set by subproblemStepSize, "
                + "phaseOneLimit, iterationLimit, alpha, solverSeed), or Lanczos (GLTR) or "
                + "Steihaug-CG at a budget of solverProducts products (docs/method.md, "
                + "\"Krylov solvers\")",
            "paper",
            "lanczos",
            "steihaug-cg"),
        SettingSpec.of(
            prefix + "solverProducts",
            Type.POSITIVE_INTEGER,
            "3",
            "the Hessian-vector products of one solve for solver=lanczos or steihaug-cg (3, what"
                + " the paper's solver with N1 = N2 = 1 uses); unused by solver=paper"),
        SettingSpec.choice(
            prefix + "hessian",
            "forward",
            "the finite difference of the products: forward (one pass, the paper's) or central"
                + " (two passes, more accurate)",
            "forward",
            "central"),
        hessianBatchFraction(prefix));
  }

  static TrustRegion trustRegion(Map<String, String> s, String prefix) {
    HessianMode mode =
        s.get(prefix + "hessian").equals("central")
            ? HessianMode.CENTRAL_DIFFERENCE
            : HessianMode.FORWARD_DIFFERENCE;
    HessianSettings hessian =
        HessianSettings.defaults()
            .withMode(mode)
            .withBatchFraction(d(s, prefix + HessianSubsample.SETTING));
    return new TrustRegion(
        solver(s, prefix),
        d(s, prefix + "initialRadius"),
        d(s, prefix + "maxRadius"),
        d(s, prefix + "expandThreshold"),
        d(s, prefix + "acceptThreshold"),
        d(s, prefix + "expandFactor"),
        d(s, prefix + "shrinkFactor"),
        AcceptanceRule.valueOf(s.get(prefix + "rule")),
        hessian);
  }

  private static SubproblemSolver solver(Map<String, String> s, String prefix) {
    int budget = i(s, prefix + "solverProducts");
    return switch (s.get(prefix + "solver")) {
      case "lanczos" -> LanczosTrustRegionSolver.withBudget(budget);
      case "steihaug-cg" -> SteihaugCgSolver.withBudget(budget);
      default ->
          new GradientTrustRegionSolver(
              GradientSolverSettings.paperDeepNetworkDefaults()
                  .withAlpha(d(s, prefix + "alpha"))
                  .withStepSize(StepSizeRule.fixed(d(s, prefix + "subproblemStepSize")))
                  .withLimits(i(s, prefix + "phaseOneLimit"), i(s, prefix + "iterationLimit"))
                  .withSeed(Long.parseLong(s.get(prefix + "solverSeed"))));
    };
  }

  private static double d(Map<String, String> settings, String key) {
    return Double.parseDouble(settings.get(key));
  }

  private static int i(Map<String, String> settings, String key) {
    return Integer.parseInt(settings.get(key));
  }

  /** Plain SGD, {@link Sgd}. */
  public static final class SgdProvider implements MethodProvider {
    @Override
    public String name() {
      return "SGD";
    }

    @Override
    public String description() {
      return "Plain SGD with a fixed step size (the paper's baseline).";
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.of("learningRate", Type.POSITIVE_DOUBLE, "0.1", "the step size (paper: 0.1)"),
          learningRateReferenceBatch());
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Sgd(d(settings, "learningRate"), i(settings, "learningRateReferenceBatch"));
    }
  }

  /** SGD with heavy-ball or Nesterov momentum, {@link Momentum}. */
  public static final class MomentumProvider implements MethodProvider {
    @Override
    public String name() {
      return "Momentum";
    }

    @Override
    public String description() {
      return "SGD with heavy-ball (Polyak 1964) or Nesterov momentum.";
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.of("learningRate", Type.POSITIVE_DOUBLE, "0.1", "the step size"),
          SettingSpec.of("momentum", Type.DOUBLE, "0.9", "mu in [0, 1)"),
          SettingSpec.choice(
              "variant", "HEAVY_BALL", "the momentum update", "HEAVY_BALL", "NESTEROV"),
          learningRateReferenceBatch());
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Momentum(
          d(settings, "learningRate"),
          d(settings, "momentum"),
          Momentum.Variant.valueOf(settings.get("variant")),
          i(settings, "learningRateReferenceBatch"));
    }
  }

  /** Adam, {@link Adam}. */
  public static final class AdamProvider implements MethodProvider {
    @Override
    public String name() {
      return "Adam";
    }

    @Override
    public String description() {
      return "Adam with bias correction (Kingma and Ba, ICLR 2015).";
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.of("learningRate", Type.POSITIVE_DOUBLE, "0.001", "eta"),
          SettingSpec.of("beta1", Type.POSITIVE_DOUBLE, "0.9", "beta1 in (0, 1)"),
          SettingSpec.of("beta2", Type.POSITIVE_DOUBLE, "0.999", "beta2 in (0, 1)"),
          SettingSpec.of("epsilon", Type.POSITIVE_DOUBLE, "1.0E-8", "epsilon"));
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Adam(
          d(settings, "learningRate"),
          d(settings, "beta1"),
          d(settings, "beta2"),
          d(settings, "epsilon"));
    }
  }

  /** The trust-region method with the paper's subproblem solver, {@link TrustRegion}. */
  public static final class TrustRegionProvider implements MethodProvider {
    @Override
    public String name() {
      return "TR";
    }

    @Override
    public String description() {
      return "The stochastic trust-region method (paper's Algorithm 1) with its two-phase "
          + "subproblem solver (Algorithm 2).";
    }

    @Override
    public List<SettingSpec> settings() {
      return trustRegionSettings("");
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return trustRegion(settings, "");
    }

    @Override
    public Optional<String> problemAtBatchSize(Map<String, String> settings, int batchSize) {
      return batchProblem(settings, HessianSubsample.SETTING, batchSize);
    }
  }

  /** The paper's Hybrid: TR until training accuracy plateaus, then SGD, {@link Hybrid}. */
  public static final class HybridProvider implements MethodProvider {
    @Override
    public String name() {
      return "Hybrid";
    }

    @Override
    public String description() {
      return "TR until the training accuracy stops improving, then SGD from the TR model.";
    }

    @Override
    public List<SettingSpec> settings() {
      List<SettingSpec> settings = new ArrayList<>(trustRegionSettings("tr."));
      settings.add(
          SettingSpec.of(
              "sgd.learningRate", Type.POSITIVE_DOUBLE, "0.1", "SGD's step size after the switch"));
      settings.add(
          SettingSpec.of(
              "plateau.patience",
              Type.POSITIVE_INTEGER,
              "3",
              "epochs without improvement that make a plateau (our choice)"));
      settings.add(
          SettingSpec.of(
              "plateau.minImprovement",
              Type.DOUBLE,
              "0.001",
              "the training-accuracy gain that counts as improvement (our choice)"));
      return settings;
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Hybrid(
          trustRegion(settings, "tr."),
          new Sgd(d(settings, "sgd.learningRate")),
          new PlateauRule(i(settings, "plateau.patience"), d(settings, "plateau.minImprovement")));
    }

    @Override
    public Optional<String> problemAtBatchSize(Map<String, String> settings, int batchSize) {
      return batchProblem(settings, "tr." + HessianSubsample.SETTING, batchSize)
          .map(problem -> "tr." + problem);
    }
  }

  /** The step rule of the paper's published code, {@link TrCode}. */
  public static final class TrCodeProvider implements MethodProvider {
    @Override
    public String name() {
      return "TR-code";
    }

    @Override
    public String description() {
      return "The rule the paper's published code runs as TR: K model-gradient steps from -eta*g,"
          + " each rescaled onto the sphere of radius r, always accepted (docs/method.md, \"The"
          + " published code's rule\").";
    }

    @Override
    public List<SettingSpec> settings() {
      return List.of(
          SettingSpec.of(
              "learningRate",
              Type.POSITIVE_DOUBLE,
              "0.1",
              "eta, of the first step -eta*g and of each inner step (the code's scripts: 0.1)"),
          SettingSpec.of(
              "radius",
              Type.POSITIVE_DOUBLE,
              "1.0",
              "r, the fixed length of every step when innerSteps > 0 (the code's scripts: 1 or 2)"),
          SettingSpec.ranged(
              "innerSteps",
              Type.INTEGER,
              "1",
              "K, the model-gradient steps of one step; 0 is plain SGD (the code's scripts: 1)",
              Range.atLeast(0)),
          SettingSpec.of(
              "finiteDifferenceScale",
              Type.POSITIVE_DOUBLE,
              "100000.0",
              "c of the code's product (grad F(x + s/c) - g)*c"),
          hessianBatchFraction(""));
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new TrCode(
          d(settings, "learningRate"),
          d(settings, "radius"),
          i(settings, "innerSteps"),
          d(settings, "finiteDifferenceScale"),
          d(settings, HessianSubsample.SETTING));
    }

    @Override
    public Optional<String> problemAtBatchSize(Map<String, String> settings, int batchSize) {
      return batchProblem(settings, HessianSubsample.SETTING, batchSize);
    }
  }
}
