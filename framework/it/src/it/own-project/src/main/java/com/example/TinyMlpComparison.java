package com.example;

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
 * An experiment of one's own: SGD against the trust-region method, and a method of one's own
 * ({@link SignSgd}), on {@link TinyMlp}.
 */
@Experiment(
    id = "tiny-mlp",
    title = "SGD, TR and SignSGD on a tiny MLP",
    kind = ExperimentKind.TRAINING)
@TrainOn(TinyMlp.class)
@Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1")
@Optimizer(label = "TR", method = "TR")
@Optimizer(label = "SignSGD", method = "SignSGD", settings = "learningRate=0.01")
@BatchSizes({64})
@Epochs(5)
@Repeats(3)
@AtScale(scale = Scale.SMOKE, epochs = 2, repeats = 2, trainExamples = 256, testExamples = 128)
@Metrics({"finalTestAccuracy", "bestTestAccuracy"})
public class TinyMlpComparison {}
