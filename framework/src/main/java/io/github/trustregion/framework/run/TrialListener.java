package io.github.trustregion.framework.run;

import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.TrialResult;

/**
 * Hears what an {@link ExperimentRunner} does, in order: the backend was checked, an experiment
 * starts, each of its trials starts and finishes (or is resumed from a previous run), the
 * experiment finishes. The JUnit engine turns these into test events. Called on the running thread.
 */
public interface TrialListener {

  /** A listener that ignores everything. */
  TrialListener NONE = new TrialListener() {};

  /** The ND4J backend was checked, before anything of the run was written. */
  default void backendChecked(BackendCheck.Backend backend) {}

  /** An experiment's manifest was written and its first trial is about to start. */
  default void experimentStarted(ExperimentPlan plan) {}

  /** A trial is about to run (not called for resumed trials). */
  default void trialStarted(ExperimentPlan plan, TrialSpec trial) {}

  /**
   * A trial has a result: it just ran, or ({@code resumed}) its result file from a previous run was
   * kept.
   */
  default void trialFinished(
      ExperimentPlan plan, TrialSpec trial, TrialResult result, boolean resumed) {}

  /** Every trial of an experiment has a result. */
  default void experimentFinished(ExperimentPlan plan) {}
}
