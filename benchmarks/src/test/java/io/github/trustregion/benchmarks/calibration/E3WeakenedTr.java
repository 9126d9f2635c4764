package io.github.trustregion.benchmarks.calibration;

import io.github.trustregion.benchmarks.workloads.FashionMnistMlp;
import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Seed;
import io.github.trustregion.framework.annotation.TrainOn;

/**
 * Injected regressions for the gate's calibration: the trust-region method weakened in two ways (a
 * smaller fixed subproblem step; a radius capped at 0.5), on the seeds of repeats 30 … 59 of {@link
 * E3MlpCalibration} (the base seed is that experiment's plus 30 golden-ratio increments, so that
 * repeat r here has the seed of repeat r + 30 there), to be paired with that experiment's SGD
 * trials of the same seeds.
 */
@Experiment(
    id = "e3-weakened-tr",
    title = "E3 calibration: injected regressions of TR",
    description = "TR weakened, on the second half of the calibration seeds.",
    kind = ExperimentKind.TRAINING,
    scales = Scale.CI)
@TrainOn(FashionMnistMlp.class)
@Optimizer(label = "TR-step0.03", method = "TR", settings = "subproblemStepSize=0.03")
@Optimizer(
    label = "TR-rmax0.5",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.5", "maxRadius=0.5"})
@Optimizer(
    label = "TR-rmax0.04",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.04", "maxRadius=0.04"},
    batchSizes = 2048)
@Optimizer(
    label = "TR-rmax0.035",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.035", "maxRadius=0.035"},
    batchSizes = 2048)
@Optimizer(
    label = "TR-rmax0.03",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.03", "maxRadius=0.03"},
    batchSizes = 2048)
@AllowedDifferences({"subproblemStepSize", "initialRadius", "maxRadius"})
@Metrics({"finalTestAccuracy", "bestTestAccuracy"})
@BatchSizes({128, 2048})
@Epochs(6)
@Repeats(30)
@Seed(E3WeakenedTr.SECOND_HALF_SEED)
@AtScale(scale = Scale.CI, trainExamples = 12000, testExamples = 10000)
public class E3WeakenedTr {

  /**
   * {@code Seed.DEFAULT + 30 · 0x9E3779B97F4A7C15} (mod 2⁶⁴): repeat r gets repeat r + 30's seed.
   */
  static final long SECOND_HALF_SEED = Seed.DEFAULT + 30 * 0x9E3779B97F4A7C15L;
}
