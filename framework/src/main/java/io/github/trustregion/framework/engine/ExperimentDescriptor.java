package io.github.trustregion.framework.engine;

import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ValidationProblem;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * One experiment class in the test tree: a container of its trials, or, when its declaration is
 * invalid, an empty container that fails with its problems, or, when it is not declared at the
 * scale that runs, an empty container that is skipped with the reason.
 */
final class ExperimentDescriptor extends AbstractTestDescriptor {

  /** The unique-id segment type of experiments; its value is the class name. */
  static final String SEGMENT = "experiment";

  private final Class<?> type;
  private final Optional<ExperimentPlan> plan;
  private final List<ValidationProblem> problems;
  private final Optional<String> notDeclared;

  ExperimentDescriptor(
      UniqueId uniqueId,
      Class<?> type,
      Optional<ExperimentPlan> plan,
      List<ValidationProblem> problems,
      Optional<String> notDeclared) {
    super(
        uniqueId,
        plan.map(p -> p.experimentId() + ": " + p.definition().title())
            .orElse(type.getSimpleName()),
        ClassSource.from(type));
    this.type = type;
    this.plan = plan;
    this.problems = List.copyOf(problems);
    this.notDeclared = notDeclared;
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  /**
   * Keeps an invalid or not declared (childless) experiment in the tree, so that it can fail with
   * its problems or be skipped with its reason.
   */
  @Override
  public boolean mayRegisterTests() {
    return true;
  }

  @Override
  public String getLegacyReportingName() {
    return type.getName();
  }

  Class<?> experimentClass() {
    return type;
  }

  Optional<ExperimentPlan> plan() {
    return plan;
  }

  List<ValidationProblem> problems() {
    return problems;
  }

  /** Returns why the experiment is skipped when it does not exist at the scale that runs. */
  Optional<String> notDeclared() {
    return notDeclared;
  }
}
