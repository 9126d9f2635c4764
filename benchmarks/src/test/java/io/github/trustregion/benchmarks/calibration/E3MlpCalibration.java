package io.github.trustregion.benchmarks.calibration;

import io.github.trustregion.benchmarks.experiments.SgdTrHybrid;
import io.github.trustregion.benchmarks.workloads.FashionMnistMlp;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.TrainOn;

/**
 * The gated configuration of E3 on many seeds: SGD, TR and Hybrid on the MLP, 12,000 Fashion-MNIST
 * training images and the whole test set of 10,000, B ∈ {128, 2048}, 6 epochs; 120 repeats, of
 * which repeats 30–59 are cut into nightly-sized draws and the other 90 (0–29 and 60–119) bless the
 * baseline.
 */
@Experiment(
    id = "e3-large-batch",
    title = "E3 calibration: the gated configuration on 120 seeds",
    description = "SGD, TR and Hybrid on the MLP at B = 128 and 2048, for calibrating the gate.",
    kind = ExperimentKind.TRAINING)
@TrainOn(FashionMnistMlp.class)
@SgdTrHybrid
@Metrics({"finalTestAccuracy", "bestTestAccuracy"})
@BatchSizes({128, 2048})
@Epochs(6)
@Repeats(120)
@AtScale(scale = Scale.CI, trainExamples = 12000, testExamples = 10000)
@AtScale(scale = Scale.SMOKE, epochs = 1, repeats = 1, trainExamples = 256, testExamples = 128)
public class E3MlpCalibration {}
