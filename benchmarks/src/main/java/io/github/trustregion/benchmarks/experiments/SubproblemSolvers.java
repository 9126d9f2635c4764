package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.optimizers.subproblem.GradientSolverSettings;
import io.github.trustregion.optimizers.subproblem.GradientTrustRegionSolver;
import io.github.trustregion.optimizers.subproblem.StepSizeRule;
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
    PAPER("paper");

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
      throw new IllegalArgumentException("Unknown subproblem solver '" + label + "'; known: "
          + Arrays.stream(values()).map(Kind::label).collect(Collectors.joining(", ")) + ".");
    }
  }

  /** The paper's solver with step size η = fraction/‖H‖, run to high accuracy. */
  static GradientTrustRegionSolver paper(double eta) {
    return new GradientTrustRegionSolver(
        GradientSolverSettings.accurateDefaults().withStepSize(StepSizeRule.fixed(eta)));
  }
}
