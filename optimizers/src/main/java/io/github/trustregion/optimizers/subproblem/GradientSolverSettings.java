package io.github.trustregion.optimizers.subproblem;

/**
 * Settings of the paper's subproblem solver ({@link GradientTrustRegionSolver}, Algorithm 2).
 *
 * @param alpha α ∈ (0, 1): the start is z₀ = −α r g/‖g‖ (Assumption 2)
 * @param stepSize how the phase-I step size η is chosen (Assumption 1: η &lt; 1/‖H‖)
 * @param phaseOneLimit N₁: phase I runs for t = 0 … N₁, so at most N₁ + 1 gradient steps
 * @param iterationLimit N₂: phase II runs for t′ = t … N₂ where t is the index at which phase I
 *     found the sphere, so at most N₂ − t + 1 Riemannian steps (the paper's indexing: N₂ bounds the
 *     shared counter, not the phase-II count)
 * @param armijoSigma σ ∈ (0, 1) of the Armijo condition f(z) − f(R_z(−a·grad)) ≥ σ a ‖grad‖²
 * @param armijoShrink the backtracking factor in (0, 1): a ← shrink·a
 * @param armijoInitialStepFactor the first trial step is a₀ = factor·η (&gt; 0)
 * @param armijoMaxBacktracks backtracking steps tried before phase II stops as stalled (≥ 0)
 * @param gradientTolerance stop when the (Riemannian, in phase II) gradient has norm ≤
 *     tolerance·‖g‖; 0 never stops early
 * @param stepTolerance stop when ‖z_{t+1} − z_t‖ ≤ tolerance·r (in phase I the unprojected step
 *     η‖Hz + g‖ is measured); 0 never stops early
 * @param hardCase when to perturb g (see {@link HardCaseHandling})
 * @param perturbation the size of the perturbation relative to ‖g‖: g' = g + perturbation·‖g‖·ξ
 *     with ξ a uniformly random unit vector (&gt; 0)
 * @param curvatureCheckIterations Lanczos steps of the hard-case check (≥ 1)
 * @param seed seeds the random start of power iterations, the g = 0 direction, the Lanczos start
 *     and the perturbation (a fresh {@link java.util.Random} per solve: solving is deterministic)
 */
public record GradientSolverSettings(
    double alpha,
    StepSizeRule stepSize,
    int phaseOneLimit,
    int iterationLimit,
    double armijoSigma,
    double armijoShrink,
    double armijoInitialStepFactor,
    int armijoMaxBacktracks,
    double gradientTolerance,
    double stepTolerance,
    HardCaseHandling hardCase,
    double perturbation,
    int curvatureCheckIterations,
    long seed) {

  /** Validates every setting, naming the offending one. */
  public GradientSolverSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw invalid("alpha must lie in (0, 1) (Assumption 2)", alpha);
    }
    if (stepSize == null) {
      throw new IllegalArgumentException("GradientSolverSettings: stepSize must not be null.");
    }
    if (phaseOneLimit < 0) {
      throw invalid("phaseOneLimit (N1) must be at least 0", phaseOneLimit);
    }
    if (iterationLimit < 0) {
      throw invalid("iterationLimit (N2) must be at least 0", iterationLimit);
    }
    if (!(armijoSigma > 0 && armijoSigma < 1)) {
      throw invalid("armijoSigma must lie in (0, 1)", armijoSigma);
    }
    if (!(armijoShrink > 0 && armijoShrink < 1)) {
      throw invalid("armijoShrink must lie in (0, 1)", armijoShrink);
    }
    if (!(armijoInitialStepFactor > 0) || !Double.isFinite(armijoInitialStepFactor)) {
      throw invalid("armijoInitialStepFactor must be positive and finite", armijoInitialStepFactor);
    }
    if (armijoMaxBacktracks < 0) {
      throw invalid("armijoMaxBacktracks must be at least 0", armijoMaxBacktracks);
    }
    if (!(gradientTolerance >= 0) || !Double.isFinite(gradientTolerance)) {
      throw invalid("gradientTolerance must be finite and at least 0", gradientTolerance);
    }
    if (!(stepTolerance >= 0) || !Double.isFinite(stepTolerance)) {
      throw invalid("stepTolerance must be finite and at least 0", stepTolerance);
    }
    if (hardCase == null) {
      throw new IllegalArgumentException("GradientSolverSettings: hardCase must not be null.");
    }
    if (!(perturbation > 0) || !Double.isFinite(perturbation)) {
      throw invalid("perturbation must be positive and finite", perturbation);
    }
    if (curvatureCheckIterations < 1) {
      throw invalid("curvatureCheckIterations must be at least 1", curvatureCheckIterations);
    }
  }

  /**
   * The paper's deep-network setting: N₁ = N₂ = 1 and η = 0.1 fixed (see docs/method.md, "The
   * methods compared").
   *
   * <p>The hard case is ignored, as the paper does in practice, so a solve costs exactly 3
   * Hessian-vector products. Our choices where the paper is silent: α = 0.5, σ = 10⁻⁴, shrink ½, a₀
   * = η, 20 backtracks, no early stopping, seed 0 (it seeds the random start direction when g = 0;
   * the perturbation 10⁻⁶‖g‖ and the 20 check steps are unused unless the hard-case handling is
   * changed).
   */
  public static GradientSolverSettings paperDeepNetworkDefaults() {
    return new GradientSolverSettings(
        0.5,
        StepSizeRule.fixed(0.1),
        1,
        1,
        1e-4,
        0.5,
        1.0,
        20,
        0.0,
        0.0,
        HardCaseHandling.IGNORE,
        1e-6,
        20,
        0L);
  }

  /**
   * Settings that solve to high accuracy (tests, experiment E1): η = ½/β̂ from 30 power iterations,
   * a₀ = 2η, N₁ = N₂ = 10⁶ with stopping at ‖grad‖ ≤ 10⁻¹⁰‖g‖, 40 backtracks, hard case detected
   * with 30 Lanczos steps, perturbation 10⁻⁶‖g‖, α = 0.5, σ = 10⁻⁴, seed 0.
   */
  public static GradientSolverSettings accurateDefaults() {
    return new GradientSolverSettings(
        0.5,
        StepSizeRule.fromPowerIteration(0.5, 30),
        1_000_000,
        1_000_000,
        1e-4,
        0.5,
        2.0,
        40,
        1e-10,
        0.0,
        HardCaseHandling.DETECT_AND_PERTURB,
        1e-6,
        30,
        0L);
  }

  /** Returns a copy with α replaced. */
  public GradientSolverSettings withAlpha(double newAlpha) {
    return new GradientSolverSettings(
        newAlpha,
        stepSize,
        phaseOneLimit,
        iterationLimit,
        armijoSigma,
        armijoShrink,
        armijoInitialStepFactor,
        armijoMaxBacktracks,
        gradientTolerance,
        stepTolerance,
        hardCase,
        perturbation,
        curvatureCheckIterations,
        seed);
  }

  /** Returns a copy with the step-size rule replaced. */
  public GradientSolverSettings withStepSize(StepSizeRule newStepSize) {
    return new GradientSolverSettings(
        alpha,
        newStepSize,
        phaseOneLimit,
        iterationLimit,
        armijoSigma,
        armijoShrink,
        armijoInitialStepFactor,
        armijoMaxBacktracks,
        gradientTolerance,
        stepTolerance,
        hardCase,
        perturbation,
        curvatureCheckIterations,
        seed);
  }

  /** Returns a copy with N₁ and N₂ replaced. */
  public GradientSolverSettings withLimits(int newPhaseOneLimit, int newIterationLimit) {
    return new GradientSolverSettings(
        alpha,
        stepSize,
        newPhaseOneLimit,
        newIterationLimit,
        armijoSigma,
        armijoShrink,
        armijoInitialStepFactor,
        armijoMaxBacktracks,
        gradientTolerance,
        stepTolerance,
        hardCase,
        perturbation,
        curvatureCheckIterations,
        seed);
  }

  /** Returns a copy with the two stopping tolerances replaced. */
  public GradientSolverSettings withTolerances(
      double newGradientTolerance, double newStepTolerance) {
    return new GradientSolverSettings(
        alpha,
        stepSize,
        phaseOneLimit,
        iterationLimit,
        armijoSigma,
        armijoShrink,
        armijoInitialStepFactor,
        armijoMaxBacktracks,
        newGradientTolerance,
        newStepTolerance,
        hardCase,
        perturbation,
        curvatureCheckIterations,
        seed);
  }

  /** Returns a copy with the hard-case handling and perturbation size replaced. */
  public GradientSolverSettings withHardCase(HardCaseHandling newHardCase, double newPerturbation) {
    return new GradientSolverSettings(
        alpha,
        stepSize,
        phaseOneLimit,
        iterationLimit,
        armijoSigma,
        armijoShrink,
        armijoInitialStepFactor,
        armijoMaxBacktracks,
        gradientTolerance,
        stepTolerance,
        newHardCase,
        newPerturbation,
        curvatureCheckIterations,
        seed);
  }

  /** Returns a copy with the seed replaced. */
  public GradientSolverSettings withSeed(long newSeed) {
    return new GradientSolverSettings(
        alpha,
        stepSize,
        phaseOneLimit,
        iterationLimit,
        armijoSigma,
        armijoShrink,
        armijoInitialStepFactor,
        armijoMaxBacktracks,
        gradientTolerance,
        stepTolerance,
        hardCase,
        perturbation,
        curvatureCheckIterations,
        newSeed);
  }

  private static IllegalArgumentException invalid(String what, double value) {
    return new IllegalArgumentException(
        "GradientSolverSettings: " + what + ", but is " + value + ".");
  }
}
