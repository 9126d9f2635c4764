package io.github.trustregion.framework.engine;

import io.github.trustregion.framework.plan.TrialSpec;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * One trial in the test tree: a test whose unique id ends with {@code [trial:<trialId>]}.
 *
 * <p>Its source is a {@link MethodSource} of the experiment class with the trial id as the method
 * name (no such Java method exists), so that Surefire and Failsafe reports name each test case
 * after its trial, with the experiment class as its class.
 */
final class TrialDescriptor extends AbstractTestDescriptor {

  /** The unique-id segment type of trials; its value is the stable trial id. */
  static final String SEGMENT = "trial";

  private final TrialSpec trial;

  TrialDescriptor(UniqueId uniqueId, TrialSpec trial, Class<?> experimentClass) {
    super(uniqueId, trial.trialId(), MethodSource.from(experimentClass.getName(), trial.trialId()));
    this.trial = trial;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public String getLegacyReportingName() {
    return trial.trialId();
  }

  TrialSpec trial() {
    return trial;
  }
}
