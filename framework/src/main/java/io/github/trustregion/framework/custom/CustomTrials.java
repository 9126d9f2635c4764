package io.github.trustregion.framework.custom;

import java.util.List;

/**
 * Implemented by an {@link io.github.trustregion.framework.annotation.Experiment} class whose
 * trials the harness cannot derive from annotations: it plans its own parameterized trials and runs
 * each one.
 *
 * <p>The harness instantiates the class with its public no-argument constructor, calls {@link
 * #planTrials} during planning (no ND4J, no data: it must be cheap and deterministic), and calls
 * {@link #runTrial} for each planned trial after every training trial of the same experiment (the
 * {@code @Optimizer}/{@code @Track} trials, if it declares any) has finished. Custom trials get the
 * same bookkeeping as training trials: stable ids, result files, resume, Allure results; an
 * exception from {@link #runTrial} records the trial as failed and the run goes on.
 *
 * <p>Example (E4): declare {@code @TrainOn}, {@code @Optimizer} for SGD, TR and Hybrid and a batch
 * size, then plan one custom trial per pair of methods and repeat with {@link
 * CustomTrial#dependsOn()} naming the two training trials, and in {@link #runTrial} load their
 * models with {@link CustomRunContext#loadFinalModel(String)} and evaluate the interpolations with
 * {@link CustomRunContext#evaluate}.
 */
public interface CustomTrials {

  /** Returns this experiment's custom trials at the context's scale, in run order. */
  List<CustomTrial> planTrials(CustomPlanContext context);

  /**
   * Runs one planned trial and returns what it measured.
   *
   * @throws Exception anything; the trial is then recorded as failed with the exception's message
   */
  CustomOutcome runTrial(CustomTrial trial, CustomRunContext context) throws Exception;
}
