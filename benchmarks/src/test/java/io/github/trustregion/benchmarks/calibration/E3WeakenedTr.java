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
import io.github.trustregion.framework.annotation.TrainOn;

/**
 * Injected regressions for the gate's calibration: the trust-region method with its radius capped
 * ({@code r₀ = r_max} = 0.04, 0.035 and 0.03 instead of 1 and 10) at B = 2048, on repeats 30 … 59
 * of {@link E3MlpCalibration}: the same base seed (hence the same data subset) and repeat numbers
 * (hence the same per-repeat seeds), to be paired with that experiment's SGD trials of the same
 * repeats. Not a user-facing option: a test fixture.
 */
@Experiment(
    id = "e3-weakened-tr",
    title = "E3 calibration: injected regressions of TR",
    description =
        "TR with its radius capped at B = 2048, on the second half of the calibration seeds.",
    kind = ExperimentKind.TRAINING,
    scales = Scale.CI)
@TrainOn(FashionMnistMlp.class)
@Optimizer(
    label = "TR-rmax0.04",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.04", "maxRadius=0.04"})
@Optimizer(
    label = "TR-rmax0.035",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.035", "maxRadius=0.035"})
@Optimizer(
    label = "TR-rmax0.03",
    method = "TR",
    settings = {"subproblemStepSize=0.1", "initialRadius=0.03", "maxRadius=0.03"})
@AllowedDifferences({"initialRadius", "maxRadius"})
@Metrics({"finalTestAccuracy", "bestTestAccuracy"})
@BatchSizes(2048)
@Epochs(6)
@Repeats(30)
@AtScale(scale = Scale.CI, trainExamples = 12000, testExamples = 10000, firstRepeat = 30)
public class E3WeakenedTr {}
