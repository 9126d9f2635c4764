package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.FloatingPoint;
import io.github.trustregion.optimizers.HessianVectorProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper's subproblem solver (Algorithm 2 of "Better Generalization by Efficient Trust Region
 * Method"): projected gradient descent inside the ball, then Riemannian gradient descent with
 * Armijo backtracking on the sphere (see docs/method.md, "The paper's subproblem solver").
 *
 * <p>It works on the radius-r ball directly (no rescaling to the unit ball; the two are equivalent,
 * see {@link StepSizeRule}):
 *
 * <pre>
 *   z₀ = −α r g/‖g‖                                   (Assumption 2; a random direction if g = 0)
 *   phase I,  t = 0 … N₁:  if ‖z_t‖ &lt; r:  z_{t+1} = P(z_t − η(Hz_t + g)),  P the projection
 *                          onto the ball; else the sphere is reached: go to phase II
 *   phase II, t′ = t … N₂: d = (I − zzᵀ/‖z‖²)(Hz + g)  (the Riemannian gradient)
 *                          a = a₀·shrinkʲ, the first j with f(z) − f(R_z(−a d)) ≥ σ a ‖d‖²
 *                          z ← R_z(−a d) = r(z − a d)/‖z − a d‖
 * </pre>
 *
 * with η &lt; 1/‖H‖ (Assumption 1). Under these assumptions the iterates keep z⁽ⁱ⁾g⁽ⁱ⁾ ≤ 0 (Theorem
 * 3), ‖z_t‖ grows in phase I (Theorem 5), phase I ends within Lemma 6's bound when λ₁ &lt; 0, and
 * phase II converges linearly to the global minimizer in the easy case (Theorem 8).
 *
 * <p>Costs: one Hessian-vector product for z₀, one per phase-I step, one per phase-II step (Hz is
 * updated by linearity, so the Armijo trials cost only scalars), plus the power iterations of
 * {@link StepSizeRule.FractionOfPowerIteration} and the Lanczos steps of a hard-case check. With
 * the paper's N₁ = N₂ = 1 a solve costs 3 products (for z₀ and z₁, then either z₂ or one phase-II
 * step).
 *
 * <p>Hard case (g⁽¹⁾ = 0): see {@link HardCaseHandling}; when the solver perturbs g it solves the
 * perturbed problem from scratch, reports {@code hardCase = true}, and reports f with the caller's
 * g. g = 0: z₀ is a seeded random unit direction scaled by α r (the project's choice; the paper
 * leaves g = 0 open). It has a nonzero component along the lowest eigenvector with probability 1,
 * which is what the perturbation would provide, so at g = 0 the solver never perturbs (a
 * perturbation of size proportional to ‖g‖ would be zero anyway), never runs the hard-case check
 * and never reports {@code hardCase}, whatever the {@link HardCaseHandling}. Early stopping: {@link
 * GradientSolverSettings#gradientTolerance()} is relative to ‖g‖ (to ‖Hz₀‖/α when g = 0).
 *
 * <p>If a Hessian-vector product is not finite (a diverged network), the solve stops and returns
 * the zero step with {@code modelValue} NaN, for the caller to record the divergence.
 *
 * <p>Immutable and thread-safe; every solve allocates its own work vectors, in g's data type.
 */
public final class GradientTrustRegionSolver implements SubproblemSolver {

  private static final Logger LOG = LoggerFactory.getLogger(GradientTrustRegionSolver.class);
  private static final String NAME = "GradientTrustRegionSolver";
  private static final long POWER_STREAM = 0x9E3779B97F4A7C15L;
  private static final long DIRECTION_STREAM = 0xC2B2AE3D27D4EB4FL;
  private static final long LANCZOS_STREAM = 0x165667B19E3779F9L;
  private static final long PERTURBATION_STREAM = 0x27D4EB2F165667C5L;

  private final GradientSolverSettings settings;

  /** Creates the solver with the given settings. */
  public GradientTrustRegionSolver(GradientSolverSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException(NAME + ": settings must not be null.");
    }
    this.settings = settings;
  }

  /** Returns the solver with {@link GradientSolverSettings#paperDeepNetworkDefaults()}. */
  public static GradientTrustRegionSolver paperDeepNetworkDefaults() {
    return new GradientTrustRegionSolver(GradientSolverSettings.paperDeepNetworkDefaults());
  }

  /** Returns the settings. */
  public GradientSolverSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "paper";
  }

  /** Returns the class name with the settings, for logs and test names. */
  @Override
  public String toString() {
    return "GradientTrustRegionSolver[" + settings + "]";
  }

  @Override
  public SubproblemSolution solve(INDArray g, HessianVectorProduct h, double radius) {
    return solve(g, h, radius, null);
  }

  /** Solves and returns every iterate's index, phase, model value and norm. */
  public TracedSolution solveWithTrace(INDArray g, HessianVectorProduct h, double radius) {
    List<IterationRecord> trace = new ArrayList<>();
    SubproblemSolution solution = solve(g, h, radius, (entry, iterate) -> trace.add(entry));
    return new TracedSolution(solution, trace);
  }

  /**
   * Solves, reporting each iterate to {@code listener} (which may be null).
   *
   * @throws IllegalArgumentException on a non-positive or non-finite radius, NaN/Inf in g, a
   *     Hessian-vector product of the wrong length
   */
  public SubproblemSolution solve(
      INDArray g, HessianVectorProduct h, double radius, IterationListener listener) {
    Vectors.requireValidInput(NAME, g, h, radius);
    int[] products = {0};
    double eta = stepSize(g, h, radius, products);
    if (Double.isNaN(eta)) {
      return diverged(g, 0, 0, products[0], false);
    }
    // At g = 0 the start is a random direction, so no perturbation is needed (and ‖g‖·ξ = 0).
    boolean zeroGradient = Vectors.norm(g) == 0;
    boolean always = settings.hardCase() == HardCaseHandling.ALWAYS_PERTURB && !zeroGradient;
    Run run = new Run(g, h, radius, eta, listener, always, 0);
    run.execute(always ? perturbed(g) : g);
    Run last = run;
    int phaseOne = run.phaseOneSteps;
    int phaseTwo = run.phaseTwoSteps;
    products[0] += run.products;
    boolean perturbedRun = always;
    if (run.diverged) {
      return diverged(g, phaseOne, phaseTwo, products[0], perturbedRun);
    }
    if (settings.hardCase() == HardCaseHandling.DETECT_AND_PERTURB
        && run.converged
        && !zeroGradient) {
      LanczosCheck check = negativeCurvatureBelow(run, h);
      products[0] += check.products;
      if (check.certified) {
        LOG.debug(
            "Hard case detected (stalled in {} with negative curvature left): solving again"
                + " with g perturbed by {}·‖g‖",
            run.reachedPhaseTwo ? "phase II" : "phase I",
            settings.perturbation());
        last = new Run(g, h, radius, eta, listener, true, run.iteration + 1);
        last.execute(perturbed(g));
        phaseOne += last.phaseOneSteps;
        phaseTwo += last.phaseTwoSteps;
        products[0] += last.products;
        perturbedRun = true;
        if (last.diverged) {
          return diverged(g, phaseOne, phaseTwo, products[0], true);
        }
      }
    }
    SolverDiagnostics diagnostics =
        new SolverDiagnostics(
            phaseOne + phaseTwo,
            phaseOne,
            phaseTwo,
            products[0],
            last.onSphere,
            last.reachedPhaseTwo
                ? SolverDiagnostics.Phase.BOUNDARY
                : SolverDiagnostics.Phase.INTERIOR,
            perturbedRun);
    return new SubproblemSolution(last.z, last.originalModelValue(), diagnostics);
  }

  /** The answer when a product was not finite: the zero step, f = NaN. */
  private static SubproblemSolution diverged(
      INDArray g, int phaseOne, int phaseTwo, int products, boolean perturbed) {
    LOG.debug("A Hessian-vector product was not finite: returning the zero step with f = NaN");
    return new SubproblemSolution(
        g.ulike().assign(0),
        Double.NaN,
        new SolverDiagnostics(
            phaseOne + phaseTwo,
            phaseOne,
            phaseTwo,
            products,
            false,
            SolverDiagnostics.Phase.INTERIOR,
            perturbed));
  }

  /** Returns η by the configured rule (NaN if a power iteration was not finite). */
  private double stepSize(INDArray g, HessianVectorProduct h, double radius, int[] products) {
    StepSizeRule rule = settings.stepSize();
    if (rule instanceof StepSizeRule.Fixed fixed) {
      return fixed.eta();
    }
    if (rule instanceof StepSizeRule.FixedWithBound bounded) {
      return bounded.eta();
    }
    if (rule instanceof StepSizeRule.FractionOfBound fraction) {
      return fraction.fraction() / fraction.operatorNormBound();
    }
    StepSizeRule.FractionOfPowerIteration power = (StepSizeRule.FractionOfPowerIteration) rule;
    INDArray v = randomUnit(g, new Random(settings.seed() ^ POWER_STREAM));
    double estimate = 0;
    for (int i = 0; i < power.iterations(); i++) {
      INDArray hv = Vectors.multiply(NAME, h, v);
      products[0]++;
      double norm = Vectors.norm(hv);
      if (!Double.isFinite(norm)) {
        return Double.NaN;
      }
      estimate = Math.max(estimate, norm);
      if (!(norm > 0)) {
        break;
      }
      v = hv.divi(norm);
    }
    if (estimate > 0) {
      return power.fraction() / estimate;
    }
    double gNorm = Vectors.norm(g);
    return gNorm > 0 ? power.fraction() * radius / gNorm : power.fraction();
  }

  /** Returns g + perturbation·‖g‖·ξ with ξ a seeded random unit vector. */
  private INDArray perturbed(INDArray g) {
    double size = settings.perturbation() * Vectors.norm(g);
    INDArray result = g.dup();
    Vectors.axpy(size, randomUnit(g, new Random(settings.seed() ^ PERTURBATION_STREAM)), result);
    return result;
  }

  /** Returns a random unit vector of g's shape and data type (Gaussian, normalized). */
  private static INDArray randomUnit(INDArray like, Random random) {
    int n = (int) like.length();
    double[] x = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
      sum += x[i] * x[i];
    }
    double inverse = 1 / Math.sqrt(sum);
    for (int i = 0; i < n; i++) {
      x[i] *= inverse;
    }
    return Vectors.fromDoubles(x, like);
  }

  /** The outcome of the hard-case check. */
  private record LanczosCheck(boolean certified, int products) {}

  /**
   * Checks whether H + λ̂I has a negative eigenvalue for the run's multiplier λ̂, by the smallest
   * Ritz value θ of a few Lanczos steps (θ ≥ λ₁ always, so θ &lt; −λ̂ − margin certifies it).
   */
  private LanczosCheck negativeCurvatureBelow(Run run, HessianVectorProduct h) {
    double multiplier = 0;
    if (run.onSphere) {
      INDArray p = run.hz.add(run.gUsed);
      multiplier = -Vectors.dot(run.z, p) / Vectors.dot(run.z, run.z);
    }
    INDArray start = randomUnit(run.z, new Random(settings.seed() ^ LANCZOS_STREAM));
    LanczosProcess lanczos =
        new LanczosProcess(NAME, h, start, settings.curvatureCheckIterations());
    for (int i = 0; i < settings.curvatureCheckIterations(); i++) {
      if (!lanczos.step()) {
        break;
      }
    }
    if (!lanczos.finite()) {
      return new LanczosCheck(false, lanczos.products());
    }
    double[] ritz =
        SymmetricEigen.ofTridiagonal(lanczos.diagonal(), lanczos.offDiagonal()).values();
    double largest = Math.max(Math.abs(ritz[0]), Math.abs(ritz[ritz.length - 1]));
    double margin =
        Math.sqrt(FloatingPoint.unitRoundoff(run.z.dataType(), NAME, "the gradient g")) * largest;
    return new LanczosCheck(ritz[0] < -multiplier - margin, lanczos.products());
  }

  /** One run of Algorithm 2 on a given (possibly perturbed) gradient; mutable. */
  private final class Run {
    private final INDArray gOriginal;
    private final HessianVectorProduct h;
    private final double radius;
    private final double eta;
    private final IterationListener listener;
    private final boolean perturbedGradient;
    private INDArray gUsed;
    private INDArray z;
    private INDArray hz;
    private int iteration;
    private int products;
    private int phaseOneSteps;
    private int phaseTwoSteps;
    private boolean onSphere;
    private boolean reachedPhaseTwo;
    private boolean converged;
    private boolean diverged;

    Run(
        INDArray gOriginal,
        HessianVectorProduct h,
        double radius,
        double eta,
        IterationListener listener,
        boolean perturbedGradient,
        int firstIteration) {
      this.gOriginal = gOriginal;
      this.h = h;
      this.radius = radius;
      this.eta = eta;
      this.listener = listener;
      this.perturbedGradient = perturbedGradient;
      this.iteration = firstIteration;
    }

    double originalModelValue() {
      return 0.5 * Vectors.dot(z, hz) + Vectors.dot(gOriginal, z);
    }

    /** Sets hz = Hz; returns false (and marks the run diverged) if it is not finite. */
    private boolean multiplyIterate() {
      hz = Vectors.multiply(NAME, h, z);
      products++;
      diverged = !Double.isFinite(Vectors.norm(hz));
      return !diverged;
    }

    private void report(SolverDiagnostics.Phase phase) {
      if (listener != null) {
        listener.onIterate(
            new IterationRecord(
                iteration, phase, originalModelValue(), Vectors.norm(z), perturbedGradient),
            z);
      }
    }

    void execute(INDArray g) {
      gUsed = g;
      double gNorm = Vectors.norm(g);
      double alpha = settings.alpha();
      if (gNorm > 0) {
        z = g.mul(-alpha * radius / gNorm);
      } else {
        z = randomUnit(g, new Random(settings.seed() ^ DIRECTION_STREAM)).muli(alpha * radius);
      }
      if (!multiplyIterate()) {
        return;
      }
      double reference = gNorm > 0 ? gNorm : Vectors.norm(hz) / alpha;
      double gradientLimit = settings.gradientTolerance() * reference;
      double stepLimit = settings.stepTolerance() * radius;
      report(SolverDiagnostics.Phase.INTERIOR);
      INDArray p = z.ulike();

      int t;
      boolean boundary = false;
      for (t = 0; t <= settings.phaseOneLimit(); t++) {
        if (onSphere || Vectors.norm(z) >= radius) {
          onSphere = true;
          boundary = true;
          break;
        }
        Vectors.copy(hz, p);
        Vectors.axpy(1, g, p);
        double pNorm = Vectors.norm(p);
        if (pNorm <= gradientLimit) {
          converged = true;
          return;
        }
        Vectors.axpy(-eta, p, z);
        double zNorm = Vectors.norm(z);
        if (zNorm >= radius) {
          Vectors.scale(radius / zNorm, z);
          onSphere = true;
        }
        phaseOneSteps++;
        if (!multiplyIterate()) {
          return;
        }
        iteration++;
        report(SolverDiagnostics.Phase.INTERIOR);
        if (!onSphere && eta * pNorm <= stepLimit) {
          converged = true;
          return;
        }
      }
      if (!boundary) {
        return;
      }
      reachedPhaseTwo = true;
      double sigma = settings.armijoSigma();
      for (int tPrime = t; tPrime <= settings.iterationLimit(); tPrime++) {
        Vectors.copy(hz, p);
        Vectors.axpy(1, g, p);
        double zz = Vectors.dot(z, z);
        Vectors.axpy(-Vectors.dot(z, p) / zz, z, p); // p ← Riemannian gradient d
        double dd = Vectors.dot(p, p);
        if (Math.sqrt(dd) <= gradientLimit) {
          converged = true;
          return;
        }
        INDArray hd = Vectors.multiply(NAME, h, p);
        products++;
        if (!Double.isFinite(Vectors.norm(hd))) {
          diverged = true;
          return;
        }
        double zHz = Vectors.dot(z, hz);
        double zHd = Vectors.dot(z, hd);
        double dHd = Vectors.dot(p, hd);
        double gz = Vectors.dot(g, z);
        double gd = Vectors.dot(g, p);
        double zd = Vectors.dot(z, p);
        double f0 = 0.5 * zHz + gz;
        double a = settings.armijoInitialStepFactor() * eta;
        double scale = Double.NaN;
        for (int j = 0; j <= settings.armijoMaxBacktracks(); j++) {
          double yy = zz - 2 * a * zd + a * a * dd;
          double c = radius / Math.sqrt(yy);
          double f1 = 0.5 * c * c * (zHz - 2 * a * zHd + a * a * dHd) + c * (gz - a * gd);
          if (f0 - f1 >= sigma * a * dd) {
            scale = c;
            break;
          }
          a *= settings.armijoShrink();
        }
        if (Double.isNaN(scale)) {
          converged = true; // no sufficient decrease left: stalled at rounding level
          return;
        }
        double change =
            Math.sqrt(
                Math.max(
                    0,
                    (scale - 1) * (scale - 1) * zz
                        - 2 * (scale - 1) * scale * a * zd
                        + scale * scale * a * a * dd));
        Vectors.axpy(-a, p, z);
        Vectors.scale(scale, z);
        Vectors.axpy(-a, hd, hz);
        Vectors.scale(scale, hz);
        phaseTwoSteps++;
        iteration++;
        report(SolverDiagnostics.Phase.BOUNDARY);
        if (change <= stepLimit) {
          converged = true;
          return;
        }
      }
    }
  }
}
