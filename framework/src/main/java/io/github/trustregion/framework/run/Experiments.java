package io.github.trustregion.framework.run;

import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import java.util.List;

/**
 * Shortcuts for programs and tests that validate or run experiment classes directly, through the
 * same planner and runner as the JUnit engine and the command line (methods from {@link
 * MethodRegistry#standard()}).
 *
 * <pre>{@code
 * RunSummary summary = Experiments.run(
 *     ExperimentOptions.defaults(Scale.SMOKE).withResults(tempDir).withAllureResults(Optional.empty()),
 *     LargeBatchGeneralization.class);
 * }</pre>
 */
public final class Experiments {

  private Experiments() {}

  /**
   * Validates and plans the classes at the options' scale without loading data or touching ND4J;
   * classes declared only at other scales ({@code @Experiment(scales = ...)}) have no plan and are
   * left out.
   *
   * @throws io.github.trustregion.framework.plan.ExperimentValidationException with every problem
   */
  public static List<ExperimentPlan> validate(ExperimentOptions options, Class<?>... types) {
    return new ExperimentPlanner(MethodRegistry.standard(), options).planAll(List.of(types));
  }

  /**
   * Validates the classes, then runs (or resumes) all their trials at the options' scale (none for
   * a class declared only at other scales).
   *
   * @throws io.github.trustregion.framework.plan.ExperimentValidationException with every problem,
   *     before anything runs
   */
  public static RunSummary run(ExperimentOptions options, Class<?>... types) {
    List<ExperimentPlan> plans = validate(options, types);
    return new ExperimentRunner(MethodRegistry.standard(), options).run(plans, TrialListener.NONE);
  }
}
