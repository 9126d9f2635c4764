package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.Cifar10Vgg16;
import io.github.trustregion.benchmarks.workloads.FashionMnistMlp;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.TrainOn;

/**
 * E2 (the paper's Figure 2): training and test error against epochs and against seconds, TR against
 * SGD with the paper's settings (SGD η = 0.1; TR with N₁ = N₂ = 1, η = 0.1, r₀ = 1).
 *
 * <p>Paper scale: VGG16 on CIFAR-10, B = 512, 100 epochs (the figure's first row; its STL-10 row is
 * the paper-only experiment {@link TrainingCurvesStl10}). ci: the MLP on 12,000 Fashion-MNIST
 * images, B = 128 (about the paper's 98 steps per epoch), 10 epochs. smoke: 256 images, 2 epochs.
 */
@Experiment(
    id = "e2-training-curves",
    title = "E2: training curves, TR vs SGD",
    description =
        "Train and test error per epoch and per second of wall time for the stochastic"
            + " trust-region method and plain SGD from the same initialization and data order.",
    kind = ExperimentKind.TRAINING)
@TrainOn(FashionMnistMlp.class)
@SgdVersusTr
@BatchSizes(128)
@Epochs(10)
@Repeats(1)
@AtScale(scale = Scale.SMOKE, epochs = 2, trainExamples = 256, testExamples = 128)
@AtScale(scale = Scale.PAPER, epochs = 100, batchSizes = 512, workload = Cifar10Vgg16.class)
public class TrainingCurves {

  /** Creates the experiment; it only carries annotations. */
  public TrainingCurves() {}
}
