package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.FashionMnistSmallCnn;
import io.github.trustregion.framework.annotation.AllowedDifferences;
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
 * E3's convolutional guard: SGD, TR and Hybrid on the small CNN at B = 128, so that the nightly
 * gate also watches a convolutional network.
 *
 * <p>The methods are {@link SgdTrHybrid}'s at {@code ci} scale (Hybrid switches after one epoch
 * without a training-accuracy gain), declared here because this experiment exists at {@code ci}
 * scale only.
 *
 * <p>The small CNN (conv 5×5×16 → avg-pool → conv 5×5×32 → avg-pool → dense 128, SReLU; the paper's
 * kind of model, affordable with the oneDNN layer helpers) on 12,000 Fashion-MNIST training images,
 * 6 epochs, 3 repeats, at the smaller of E3's two batch sizes (93 steps per epoch; at B = 2048 an
 * epoch has 5 steps and the gap is noise). A TR epoch of the CNN costs about five MLP epochs, so
 * the guard affords few repeats: the gate states its much larger detectable drop per row (see
 * ci/README.md). Runs at {@code ci} scale only: the nightly's.
 */
@Experiment(
    id = "e3-large-batch-cnn",
    title = "E3 (CNN guard): SGD, TR and Hybrid on the small CNN at B = 128",
    description =
        "The convolutional network the nightly gate keeps watching beside E3's MLP: few repeats,"
            + " a coarse guard.",
    kind = ExperimentKind.TRAINING,
    scales = Scale.CI)
@TrainOn(FashionMnistSmallCnn.class)
@Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1")
@Optimizer(label = "TR", method = "TR", settings = "subproblemStepSize=0.1")
@Optimizer(
    label = "Hybrid",
    method = "Hybrid",
    settings = {"tr.subproblemStepSize=0.1", "sgd.learningRate=0.1", "plateau.patience=1"})
@AllowedDifferences({
  "learningRate",
  "subproblemStepSize",
  "tr.subproblemStepSize",
  "sgd.learningRate",
  "plateau.patience"
})
@Metrics({"finalTestAccuracy", "bestTestAccuracy"})
@BatchSizes(128)
@Epochs(6)
@Repeats(3)
public class LargeBatchGeneralizationCnn {

  /** Creates the experiment; it only carries annotations. */
  public LargeBatchGeneralizationCnn() {}
}
