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
 * invalid, an empty container that fails with its problems.
 */
final class ExperimentDescriptor extends AbstractTestDescriptor {

  /** The unique-id segment type of experiments; its value is the class name. */
  static final String SEGMENT = "experiment";

  private final Class<?> type;
  private final Optional<ExperimentPlan> plan;
  private final List<ValidationProblem> problems;

  ExperimentDescriptor(UniqueId uniqueId, Class<?> type, Optional<ExperimentPlan> plan,
      List<ValidationProblem> problems) {
    super(uniqueId, plan.map(p -> p.experimentId() + ": " + p.definition().title())
        .orElse(type.getSimpleName()), ClassSource.from(type));
    this.type = type;
    this.plan = plan;
    this.problems = List.copyOf(problems);
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  /** Keeps an invalid (childless) experiment in the tree, so that it can fail with its problems. */
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
}
