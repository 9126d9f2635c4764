package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.Stl10Vgg16;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.PaperResult;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;

/**
 * E5 on STL-10 (the paper's Table 3, appendix B.2): the tracks SGD → TR → SGD and TR → SGD → TR at
 * B = 1024 with VGG16 on STL-10, with the test accuracy at the end of each stage.
 *
 * <p>Paper scale only: the 5,000 training and 8,000 test images of STL-10 (shrunk to 32×32), B =
 * 1024, SGD(150) → TR(300) → SGD(50) and TR(300) → SGD(50) → TR(150), 500 epochs per track, 1 run
 * per track; SGD's step and TR's subproblem step are 0.1, as for VGG16 on CIFAR-10. The paper runs
 * no Adam reference here. It exists only at paper scale because it needs a GPU and the STL-10
 * files, which cannot be downloaded at run time ({@code -Dstl10.dir}); at the smoke and ci scales
 * it would only repeat {@link TrainingTracks} on the MLP.
 */
@Experiment(
    id = "e5-tracks-stl10",
    title = "E5, Table 3: switching between SGD and TR, VGG16 on STL-10",
    description =
        "Test accuracy at the end of each stage of the tracks SGD → TR → SGD and"
            + " TR → SGD → TR for VGG16 on STL-10 at batch size 1024.",
    kind = ExperimentKind.TRACKS,
    scales = Scale.PAPER)
@TrainOn(Stl10Vgg16.class)
@ThreeStageTracks
@Optimizer(label = "TR", method = "TR", settings = "subproblemStepSize=0.1", standalone = false)
@BatchSizes(1024)
@Repeats(1)
@Track(
    label = "SGD-TR-SGD",
    stages = {
      @Stage(method = "SGD", epochs = 150),
      @Stage(method = "TR", epochs = 300),
      @Stage(method = "SGD", epochs = 50)
    })
@Track(
    label = "TR-SGD-TR",
    stages = {
      @Stage(method = "TR", epochs = 300),
      @Stage(method = "SGD", epochs = 50),
      @Stage(method = "TR", epochs = 150)
    })
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.624,
    setting = {"method=SGD-TR-SGD", "batchSize=1024"},
    source = "Table 3",
    paperSetting = "VGG16 on STL-10, SGD(150)")
@PaperResult(
    metric = "stage2.testAccuracy",
    value = 0.646,
    setting = {"method=SGD-TR-SGD", "batchSize=1024"},
    source = "Table 3",
    paperSetting = "VGG16 on STL-10, then TR(300)")
@PaperResult(
    metric = "stage3.testAccuracy",
    value = 0.660,
    setting = {"method=SGD-TR-SGD", "batchSize=1024"},
    source = "Table 3",
    paperSetting = "VGG16 on STL-10, then SGD(50)")
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.636,
    setting = {"method=TR-SGD-TR", "batchSize=1024"},
    source = "Table 3",
    paperSetting = "VGG16 on STL-10, TR(300)")
@PaperResult(
    metric = "stage2.testAccuracy",
    value = 0.663,
    setting = {"method=TR-SGD-TR", "batchSize=1024"},
    source = "Table 3",
    paperSetting = "VGG16 on STL-10, then SGD(50)")
@PaperResult(
    metric = "stage3.testAccuracy",
    value = 0.658,
    setting = {"method=TR-SGD-TR", "batchSize=1024"},
    source = "Table 3",
    paperSetting = "VGG16 on STL-10, then TR(150)")
public class TrainingTracksStl10 {

  /** Creates the experiment; it only carries annotations. */
  public TrainingTracksStl10() {}
}
