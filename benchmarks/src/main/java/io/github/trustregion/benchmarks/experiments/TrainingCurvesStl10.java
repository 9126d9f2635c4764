package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.Stl10Vgg16;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.TrainOn;

/**
 * E2's STL-10 panel (the second row of the paper's Figure 2): training and test error against
 * epochs and against seconds for VGG16 on STL-10, TR against SGD with the paper's settings (SGD η =
 * 0.1; TR with N₁ = N₂ = 1, η = 0.1, r₀ = 1), at B = 1024.
 *
 * <p>Paper scale only: VGG16 on the 5,000 training and 8,000 test images of STL-10 (shrunk to
 * 32×32), B = 1024 (5 steps per epoch), 200 epochs, 1 run per method. The paper's text gives no
 * number of epochs; 200 is read off the axis of the figure. It reports no numbers either, only that
 * TR is 2–3 times slower per epoch and reaches a lower test error, so no paper values are attached.
 * It exists only at paper scale because it needs a GPU and the STL-10 files, which cannot be
 * downloaded at run time ({@code -Dstl10.dir}); at the smoke and ci scales it would only repeat
 * {@link TrainingCurves} on the MLP.
 */
@Experiment(
    id = "e2-training-curves-stl10",
    title = "E2, STL-10 panel: training curves of VGG16 on STL-10, TR vs SGD",
    description =
        "Train and test error per epoch and per second of wall time for the stochastic"
            + " trust-region method and plain SGD, VGG16 on STL-10 at batch size 1024, from the same"
            + " initialization and data order.",
    kind = ExperimentKind.TRAINING,
    scales = Scale.PAPER)
@TrainOn(Stl10Vgg16.class)
@SgdVersusTr
@BatchSizes(1024)
@Epochs(200)
@Repeats(1)
public class TrainingCurvesStl10 {

  /** Creates the experiment; it only carries annotations. */
  public TrainingCurvesStl10() {}
}
