package io.github.trustregion.framework.method;

import io.github.trustregion.framework.method.SettingSpec.Type;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.method.Adam;
import io.github.trustregion.optimizers.method.Hybrid;
import io.github.trustregion.optimizers.method.Momentum;
import io.github.trustregion.optimizers.method.PlateauRule;
import io.github.trustregion.optimizers.method.Sgd;
import io.github.trustregion.optimizers.subproblem.GradientSolverSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.StepSizeRule;
import io.github.trustregion.optimizers.trustregion.AcceptanceRule;
import io.github.trustregion.optimizers.trustregion.TrustRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in method providers for the methods of module {@code optimizers} (see docs/method.md,
 * "The methods compared"), registered in {@code META-INF/services}. Defaults are the paper's where it gives them.
 */
public final class BuiltInMethods {

  private BuiltInMethods() {}

  /** The trust-region settings shared by {@link TrustRegionProvider} and {@link HybridProvider}. */
  static List<SettingSpec> trustRegionSettings(String prefix) {
    return List.of(
        SettingSpec.of(prefix + "subproblemStepSize", Type.POSITIVE_DOUBLE, "0.1",
            "the solver's phase-I step size eta (paper: 0.1, 0.01 for MobileNet)"),
        SettingSpec.of(prefix + "phaseOneLimit", Type.INTEGER, "1", "N1, phase-I steps (paper: 1)"),
        SettingSpec.of(prefix + "iterationLimit", Type.INTEGER, "1", "N2, phase-II limit (paper: 1)"),
        SettingSpec.of(prefix + "alpha", Type.POSITIVE_DOUBLE, "0.5",
            "the solver's start z0 = -alpha r g/|g|, in (0, 1)"),
        SettingSpec.of(prefix + "initialRadius", Type.POSITIVE_DOUBLE, "1.0", "r0 (paper: 1)"),
        SettingSpec.of(prefix + "maxRadius", Type.POSITIVE_DOUBLE, "10.0",
            "r_max, the cap of every expansion (our choice; the paper gives none)"),
        SettingSpec.choice(prefix + "rule", "STOCHASTIC", "the acceptance rule (STOCHASTIC: the paper's)",
            "STOCHASTIC", "DETERMINISTIC"),
        SettingSpec.of(prefix + "expandThreshold", Type.POSITIVE_DOUBLE, "0.9", "eta1"),
        SettingSpec.of(prefix + "acceptThreshold", Type.POSITIVE_DOUBLE, "0.1", "eta2"),
        SettingSpec.of(prefix + "expandFactor", Type.POSITIVE_DOUBLE, "2.0", "gamma_up > 1"),
        SettingSpec.of(prefix + "shrinkFactor", Type.POSITIVE_DOUBLE, "0.5", "gamma_down in (0, 1)"),
        SettingSpec.of(prefix + "solverSeed", Type.INTEGER, "0",
            "seeds the solver's random directions"));
  }

  static TrustRegion trustRegion(Map<String, String> s, String prefix) {
    GradientSolverSettings solver = GradientSolverSettings.paperDeepNetworkDefaults()
        .withAlpha(d(s, prefix + "alpha"))
        .withStepSize(StepSizeRule.fixed(d(s, prefix + "subproblemStepSize")))
        .withLimits(i(s, prefix + "phaseOneLimit"), i(s, prefix + "iterationLimit"))
        .withSeed(Long.parseLong(s.get(prefix + "solverSeed")));
    return new TrustRegion(new GradientTrustRegionSolver(solver), d(s, prefix + "initialRadius"),
        d(s, prefix + "maxRadius"), d(s, prefix + "expandThreshold"),
        d(s, prefix + "acceptThreshold"), d(s, prefix + "expandFactor"),
        d(s, prefix + "shrinkFactor"), AcceptanceRule.valueOf(s.get(prefix + "rule")));
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
      return List.of(SettingSpec.of("learningRate", Type.POSITIVE_DOUBLE, "0.1",
          "the step size (paper: 0.1)"));
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Sgd(d(settings, "learningRate"));
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
          SettingSpec.choice("variant", "HEAVY_BALL", "the momentum update", "HEAVY_BALL",
              "NESTEROV"));
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Momentum(d(settings, "learningRate"), d(settings, "momentum"),
          Momentum.Variant.valueOf(settings.get("variant")));
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
      return new Adam(d(settings, "learningRate"), d(settings, "beta1"), d(settings, "beta2"),
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
      settings.add(SettingSpec.of("sgd.learningRate", Type.POSITIVE_DOUBLE, "0.1",
          "SGD's step size after the switch"));
      settings.add(SettingSpec.of("plateau.patience", Type.POSITIVE_INTEGER, "3",
          "epochs without improvement that make a plateau (our choice)"));
      settings.add(SettingSpec.of("plateau.minImprovement", Type.DOUBLE, "0.001",
          "the training-accuracy gain that counts as improvement (our choice)"));
      return settings;
    }

    @Override
    public TrainingMethod create(Map<String, String> settings) {
      return new Hybrid(trustRegion(settings, "tr."), new Sgd(d(settings, "sgd.learningRate")),
          new PlateauRule(i(settings, "plateau.patience"), d(settings, "plateau.minImprovement")));
    }
  }
}
