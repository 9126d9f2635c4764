package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.plan.ExperimentPlanner.PlanOutcome;
import java.util.Collection;
import java.util.List;

/**
 * The experiments a run selects: every candidate class planned at the options' scale, those that
 * the options' filter selects kept in their order, and every problem among them.
 *
 * <p>The filter ({@link ExperimentOptions#selects}) sees the declared experiment id and the class
 * name, so that an invalid experiment is selected too and its problems are reported. The problems
 * are those of each selected class plus one for each experiment id that two selected classes use
 * ({@link ExperimentPlanner#problemsOf}). The command line and the JUnit engine both select through
 * this class.
 */
public final class PlanSelection {

  private final List<PlanOutcome> outcomes;
  private final List<ValidationProblem> problems;

  private PlanSelection(List<PlanOutcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
    this.problems = ExperimentPlanner.problemsOf(this.outcomes);
  }

  /** Plans every class with {@code planner} and keeps those that its options select. */
  public static PlanSelection of(ExperimentPlanner planner, Collection<Class<?>> candidates) {
    ExperimentOptions options = planner.options();
    return new PlanSelection(
        candidates.stream()
            .map(planner::plan)
            .filter(o -> options.selects(o.experimentId(), o.type().getName()))
            .toList());
  }

  /** Returns the outcome of every selected class, in the order of the candidates. */
  public List<PlanOutcome> outcomes() {
    return outcomes;
  }

  /** Returns whether no class was selected. */
  public boolean isEmpty() {
    return outcomes.isEmpty();
  }

  /** Returns every problem of the selected classes; empty when all of them are valid. */
  public List<ValidationProblem> problems() {
    return problems;
  }

  /** Returns the problems of one selected class, including an id it shares with another. */
  public List<ValidationProblem> problemsOf(Class<?> type) {
    return problems.stream().filter(p -> p.className().equals(type.getName())).toList();
  }

  /** Returns the plans of the valid selected experiments declared at the scale, in order. */
  public List<ExperimentPlan> plans() {
    return outcomes.stream()
        .filter(o -> problemsOf(o.type()).isEmpty() && o.declaredAtScale())
        .map(o -> o.plan().orElseThrow())
        .toList();
  }

  /**
   * Returns the outcomes of the valid selected experiments that exist only at other scales than the
   * options' (with {@code @Experiment(scales = ...)}), in order.
   */
  public List<PlanOutcome> notDeclared() {
    return outcomes.stream()
        .filter(o -> problemsOf(o.type()).isEmpty() && !o.declaredAtScale())
        .toList();
  }
}
