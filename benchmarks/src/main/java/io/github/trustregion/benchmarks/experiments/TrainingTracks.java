package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.Cifar10Vgg16;
import io.github.trustregion.benchmarks.workloads.FashionMnistMlp;
import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Claim;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.PaperResult;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDirection;

/**
 * E5 (the paper's Table 1): two tracks at a large batch, SGD → TR → SGD and TR → SGD → TR, with the
 * test accuracy at the end of each stage, and Adam at a small batch as a reference (a one-stage
 * track).
 *
 * <p>Paper scale: VGG16 on CIFAR-10, B = 2048, SGD(50) → TR(100) → SGD(50) and TR(100) → SGD(50) →
 * TR(50), Adam(100) at B = 64 (the paper's Tables 2 and 3, MobileNet on CIFAR-10 and VGG16 on
 * STL-10, are the paper-only experiments {@link TrainingTracksMobileNet} and {@link
 * TrainingTracksStl10}). ci: the MLP on 12,000 Fashion-MNIST images, B = 1024, the stages divided
 * by 10 (5 → 10 → 5 and 10 → 5 → 5 epochs), Adam(10) at B = 64, 1 repeat. study: the MLP on the
 * whole Fashion-MNIST, B = 2048, the paper's stages divided by about 7 (7 → 14 → 7 and 14 → 7 → 7
 * epochs, 812 steps per track), Adam(14) at B = 64, 5 repeats. smoke: 1 epoch per stage, B = 128.
 *
 * <p>Claim C3: in the track SGD → TR → SGD the training loss at the first TR epoch minus that at
 * the last SGD epoch is ≥ 0 (the paper: "a sharp raise in both train loss and test error"). The
 * Adam reference runs at its own batch size and number of epochs on purpose (the paper's setting),
 * so both are declared differences.
 */
@Experiment(
    id = "e5-tracks",
    title = "E5: switching between SGD and TR at a large batch",
    description =
        "Test accuracy at the end of each stage of the tracks SGD → TR → SGD and"
            + " TR → SGD → TR at a large batch, with Adam at a small batch as a reference.",
    kind = ExperimentKind.TRACKS)
@TrainOn(FashionMnistMlp.class)
@ThreeStageTracks
@Optimizer(label = "TR", method = "TR", settings = "subproblemStepSize=0.1", standalone = false)
@Optimizer(label = "AdamRef", method = "Adam", settings = "learningRate=0.001", standalone = false)
@AllowedDifferences({
  "learningRate",
  "subproblemStepSize",
  "beta1",
  "beta2",
  "epsilon",
  "batchSize",
  "epochs"
})
@BatchSizes(1024)
@Repeats(1)
@AtScale(scale = Scale.SMOKE, batchSizes = 128, trainExamples = 256, testExamples = 128)
@AtScale(scale = Scale.STUDY, batchSizes = 2048, repeats = 5)
@AtScale(scale = Scale.PAPER, batchSizes = 2048, workload = Cifar10Vgg16.class)
@Track(
    label = "SGD-TR-SGD",
    scales = Scale.PAPER,
    stages = {
      @Stage(method = "SGD", epochs = 50),
      @Stage(method = "TR", epochs = 100),
      @Stage(method = "SGD", epochs = 50)
    })
@Track(
    label = "TR-SGD-TR",
    scales = Scale.PAPER,
    stages = {
      @Stage(method = "TR", epochs = 100),
      @Stage(method = "SGD", epochs = 50),
      @Stage(method = "TR", epochs = 50)
    })
@Track(
    label = "Adam",
    scales = Scale.PAPER,
    batchSizes = 64,
    stages = @Stage(method = "AdamRef", epochs = 100))
@Track(
    label = "SGD-TR-SGD",
    scales = Scale.CI,
    stages = {
      @Stage(method = "SGD", epochs = 5),
      @Stage(method = "TR", epochs = 10),
      @Stage(method = "SGD", epochs = 5)
    })
@Track(
    label = "TR-SGD-TR",
    scales = Scale.CI,
    stages = {
      @Stage(method = "TR", epochs = 10),
      @Stage(method = "SGD", epochs = 5),
      @Stage(method = "TR", epochs = 5)
    })
@Track(
    label = "Adam",
    scales = Scale.CI,
    batchSizes = 64,
    stages = @Stage(method = "AdamRef", epochs = 10))
@Track(
    label = "SGD-TR-SGD",
    scales = Scale.STUDY,
    stages = {
      @Stage(method = "SGD", epochs = 7),
      @Stage(method = "TR", epochs = 14),
      @Stage(method = "SGD", epochs = 7)
    })
@Track(
    label = "TR-SGD-TR",
    scales = Scale.STUDY,
    stages = {
      @Stage(method = "TR", epochs = 14),
      @Stage(method = "SGD", epochs = 7),
      @Stage(method = "TR", epochs = 7)
    })
@Track(
    label = "Adam",
    scales = Scale.STUDY,
    batchSizes = 64,
    stages = @Stage(method = "AdamRef", epochs = 14))
@Track(
    label = "SGD-TR-SGD",
    scales = Scale.SMOKE,
    stages = {
      @Stage(method = "SGD", epochs = 1),
      @Stage(method = "TR", epochs = 1),
      @Stage(method = "SGD", epochs = 1)
    })
@Track(
    label = "TR-SGD-TR",
    scales = Scale.SMOKE,
    stages = {
      @Stage(method = "TR", epochs = 1),
      @Stage(method = "SGD", epochs = 1),
      @Stage(method = "TR", epochs = 1)
    })
@Track(
    label = "Adam",
    scales = Scale.SMOKE,
    batchSizes = 64,
    stages = @Stage(method = "AdamRef", epochs = 1))
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.801,
    setting = {"method=SGD-TR-SGD", "batchSize=2048"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, SGD(50)")
@PaperResult(
    metric = "stage2.testAccuracy",
    value = 0.862,
    setting = {"method=SGD-TR-SGD", "batchSize=2048"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, then TR(100)")
@PaperResult(
    metric = "stage3.testAccuracy",
    value = 0.878,
    setting = {"method=SGD-TR-SGD", "batchSize=2048"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, then SGD(50)")
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.856,
    setting = {"method=TR-SGD-TR", "batchSize=2048"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, TR(100)")
@PaperResult(
    metric = "stage2.testAccuracy",
    value = 0.875,
    setting = {"method=TR-SGD-TR", "batchSize=2048"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, then SGD(50)")
@PaperResult(
    metric = "stage3.testAccuracy",
    value = 0.865,
    setting = {"method=TR-SGD-TR", "batchSize=2048"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, then TR(50)")
@PaperResult(
    metric = "stage1.testAccuracy",
    value = 0.866,
    setting = {"method=Adam", "batchSize=64"},
    source = "Table 1",
    paperSetting = "VGG16 on CIFAR-10, Adam(100) at B = 64, best accuracy")
@Claim(
    id = "C3",
    statement =
        "Switching from SGD to TR at a large batch makes the training loss jump up (SGD's sharp"
            + " minimum is left)",
    source = "Table 1, Section 4.3",
    comparison = ClaimComparison.STAGE_JUMP,
    metric = "trainLoss",
    methods = "SGD-TR-SGD",
    stage = 1,
    direction = ClaimDirection.AT_LEAST)
public class TrainingTracks {

  /** Creates the experiment; it only carries annotations. */
  public TrainingTracks() {}
}
