package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.Cifar10MobileNet;
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
 * E5 on MobileNet (the paper's Table 2, appendix B.1): the tracks SGD → TR → SGD and TR → SGD → TR
 * at B = 2048 with MobileNet v1 on CIFAR-10, with the test accuracy at the end of each stage.
 *
 * <p>Paper scale only: all 50,000 training and 10,000 test images, B = 2048, SGD(50) → TR(100) →
 * SGD(50) and TR(100) → SGD(50) → TR(50), 1 run per track. SGD's step is 0.1 and TR's subproblem
 * step 0.01, the paper's choice for MobileNet (its appendix B.1); the paper runs no Adam reference
 * here. It exists only at paper scale because it needs a GPU and the CIFAR-10 files, which cannot
 * be downloaded at run time ({@code -Dcifar10.dir}); at the smoke and ci scales it would only
 * repeat {@link TrainingTracks} on the MLP.
 */
@Experiment(
    id = "e5-tracks-mobilenet",
    title = "E5, Table 2: switching between SGD and TR, MobileNet on CIFAR-10",
    description =
        "Test accuracy at the end of each stage of the tracks SGD → TR → SGD and"
            + " TR → SGD → TR for MobileNet v1 on CIFAR-10 at batch size 2048.",
    kind = ExperimentKind.TRACKS,
    scales = Scale.PAPER)
@TrainOn(Cifar10MobileNet.class)
@ThreeStageTracks
@Optimizer(label = "TR", method = "TR", settings = "subproblemStepSize=0.01", standalone = false)
@BatchSizes(2048)
@Repeats(1)
@Track(
    label = "SGD-TR-SGD",
    stages = {
      @Stage(method = "SGD", epochs = 50),
      @Stage(method = "TR", epochs = 100),
      @Stage(method = "SGD", epochs = 50)
    })
@Track(
    label = "TR-SGD-TR",
    stages = {
      @Stage(method = "TR", epochs = 100),
      @Stage(method = "SGD", epochs = 50),
      @Stage(method = "TR", epochs = 50)
    })
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.7457,
    setting = {"method=SGD-TR-SGD", "batchSize=2048"},
    source = "Table 2",
    paperSetting = "MobileNet on CIFAR-10, SGD(50)")
@PaperResult(
    metric = "stage2.testAccuracy",
    value = 0.8022,
    setting = {"method=SGD-TR-SGD", "batchSize=2048"},
    source = "Table 2",
    paperSetting = "MobileNet on CIFAR-10, then TR(100)")
@PaperResult(
    metric = "stage3.testAccuracy",
    value = 0.8146,
    setting = {"method=SGD-TR-SGD", "batchSize=2048"},
    source = "Table 2",
    paperSetting = "MobileNet on CIFAR-10, then SGD(50)")
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.7842,
    setting = {"method=TR-SGD-TR", "batchSize=2048"},
    source = "Table 2",
    paperSetting = "MobileNet on CIFAR-10, TR(100)")
@PaperResult(
    metric = "stage2.testAccuracy",
    value = 0.7969,
    setting = {"method=TR-SGD-TR", "batchSize=2048"},
    source = "Table 2",
    paperSetting = "MobileNet on CIFAR-10, then SGD(50)")
@PaperResult(
    metric = "stage3.testAccuracy",
    value = 0.7906,
    setting = {"method=TR-SGD-TR", "batchSize=2048"},
    source = "Table 2",
    paperSetting = "MobileNet on CIFAR-10, then TR(50)")
public class TrainingTracksMobileNet {

  /** Creates the experiment; it only carries annotations. */
  public TrainingTracksMobileNet() {}
}
