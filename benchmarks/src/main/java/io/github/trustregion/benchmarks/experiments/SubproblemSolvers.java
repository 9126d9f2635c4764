package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.optimizers.subproblem.GradientSolverSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.LanczosTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.SteihaugCgSolver;
import io.github.trustregion.optimizers.subproblem.StepSizeRule;
import io.github.trustregion.optimizers.subproblem.SubproblemSolver;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The subproblem solvers compared in E1 and the JMH solver benchmark, with their E1 settings. */
final class SubproblemSolvers {

  private SubproblemSolvers() {}

  /** A solver compared in E1, by its label in trial parameters. */
  enum Kind {
    /**
     * The paper's two-phase solver, run to convergence: η = ½/‖H‖ (‖H‖ exact, from the dense
     * eigendecomposition), α = ½, stop at ‖grad‖ ≤ 10⁻¹⁰‖g‖ (the optimizers module's accurate
     * settings with that fixed η).
     */
    PAPER("paper"),
    /** Steihaug–Toint truncated CG, tolerance 10⁻¹⁰‖g‖, at most n iterations. */
    STEIHAUG_CG("steihaug-cg"),
    /** The Lanczos (GLTR-type) solver, tolerance 10⁻¹⁰‖g‖, at most n iterations. */
    LANCZOS("lanczos");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** Returns the label used in trial parameters and names. */
    String label() {
      return label;
    }

    /** Returns the kind with this label, or throws listing the labels. */
    static Kind fromLabel(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "Unknown subproblem solver '"
              + label
              + "'; known: "
              + Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", "))
              + ".");
    }
  }

  /** The relative residual tolerance of the Krylov solvers in E1. */
  static final double KRYLOV_TOLERANCE = 1e-10;

  /**
   * Returns a Krylov solver of this kind limited to {@code maxIterations} Hessian-vector products.
   *
   * @throws IllegalArgumentException for {@link Kind#PAPER}, which is not a Krylov solver
   */
  static SubproblemSolver krylov(Kind kind, int maxIterations) {
    return switch (kind) {
      case STEIHAUG_CG -> new SteihaugCgSolver(maxIterations, KRYLOV_TOLERANCE);
      case LANCZOS -> new LanczosTrustRegionSolver(maxIterations, KRYLOV_TOLERANCE);
      case PAPER ->
          throw new IllegalArgumentException(
              "The paper's solver is not a Krylov solver; use SubproblemSolvers.paper(eta).");
    };
  }

  /** The paper's solver with step size η = fraction/‖H‖, run to high accuracy. */
  static GradientTrustRegionSolver paper(double eta) {
    return new GradientTrustRegionSolver(
        GradientSolverSettings.accurateDefaults().withStepSize(StepSizeRule.fixed(eta)));
  }
}
