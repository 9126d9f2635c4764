package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.benchmarks.workloads.Cifar10Vgg16;
import io.github.trustregion.benchmarks.workloads.FashionMnistMlp;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Claim;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.custom.CustomOutcome;
import io.github.trustregion.framework.custom.CustomPlanContext;
import io.github.trustregion.framework.custom.CustomRunContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDirection;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.Series;
import io.github.trustregion.framework.workload.WorkloadData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * E4 (the paper's Figure 4): the loss landscape on the line through two solutions, w(α) = α w_A +
 * (1 − α) w_B, for the pairs (SGD, TR), (SGD, Hybrid) and (TR, Hybrid) trained at one large batch
 * from the same initialization and data order.
 *
 * <p>The training trials (one per method and repeat) save their final networks; one custom trial
 * per pair and repeat then evaluates, for α on a grid from −0.5 to 1.5 (step 0.1; 0.5 at smoke
 * scale), the loss and accuracy on the training and the test set (the harness's evaluation, the
 * same as the training trials'), as the series {@code "interpolation"} with columns {@code alpha,
 * trainLoss, trainAccuracy, testLoss, testAccuracy}, and the metric {@code distance} = ‖w_A −
 * w_B‖₂. α = 1 is A's solution, α = 0 is B's. Paper scale: VGG16 on CIFAR-10, B = 2048, 100 epochs;
 * ci: the MLP on 12,000 Fashion-MNIST images, B = 1024, 6 epochs; study: the MLP on the whole
 * Fashion-MNIST, B = 2048, 28 epochs, 5 repeats; smoke: 256 images, B = 128, 1 epoch.
 *
 * <p>Claims C4a and C4b: the basin around SGD's solution is the sharper one of the pair, measured
 * on the training loss as rise(1) − rise(0) ≥ 0 with rise(a) = (L(a − ½) + L(a + ½))/2 − L(a), the
 * loss's rise half the distance between the solutions away from each end (α = 1 is SGD's solution,
 * α = 0 TR's or Hybrid's).
 */
@Experiment(
    id = "e4-loss-landscape",
    title = "E4: loss landscape between SGD, TR and Hybrid solutions",
    description =
        "Loss and accuracy on the training and test sets along the line through two"
            + " solutions (α from −0.5 to 1.5), and their distance; the paper finds TR and Hybrid in a"
            + " shared wide basin and SGD's basin sharp.",
    kind = ExperimentKind.LANDSCAPE)
@TrainOn(FashionMnistMlp.class)
@SgdTrHybrid
@BatchSizes(1024)
@Epochs(6)
@Repeats(1)
@AtScale(scale = Scale.SMOKE, epochs = 1, batchSizes = 128, trainExamples = 256, testExamples = 128)
@AtScale(scale = Scale.STUDY, epochs = 28, repeats = 5, batchSizes = 2048)
@AtScale(scale = Scale.PAPER, epochs = 100, batchSizes = 2048, workload = Cifar10Vgg16.class)
@Claim(
    id = "C4a",
    statement = "TR's solution lies in a wider basin than SGD's",
    source = "Figure 4",
    comparison = ClaimComparison.BASIN_SHARPNESS,
    metric = "trainLoss",
    methods = {"SGD", "TR"},
    alphaStep = 0.5,
    direction = ClaimDirection.AT_LEAST)
@Claim(
    id = "C4b",
    statement = "Hybrid's solution lies in a wider basin than SGD's",
    source = "Figure 4",
    comparison = ClaimComparison.BASIN_SHARPNESS,
    metric = "trainLoss",
    methods = {"SGD", "Hybrid"},
    alphaStep = 0.5,
    direction = ClaimDirection.AT_LEAST)
public class LossLandscape implements CustomTrials {

  /** The compared pairs (A, B), in the order of the paper's figure. */
  static final List<List<String>> PAIRS =
      List.of(List.of("SGD", "TR"), List.of("SGD", "Hybrid"), List.of("TR", "Hybrid"));

  /** Creates the experiment; touches no ND4J. */
  public LossLandscape() {}

  /** Returns the α grid at a scale: −0.5 … 1.5, step 0.1 (0.5 at smoke scale). */
  static List<Double> alphas(Scale scale) {
    int steps = scale == Scale.SMOKE ? 4 : 20;
    List<Double> alphas = new ArrayList<>();
    for (int k = 0; k <= steps; k++) {
      alphas.add(-0.5 + 2.0 * k / steps);
    }
    return alphas;
  }

  @Override
  public List<CustomTrial> planTrials(CustomPlanContext context) {
    List<CustomTrial> trials = new ArrayList<>();
    for (int repeat = 0; repeat < context.repeats(); repeat++) {
      for (List<String> pair : PAIRS) {
        Optional<PlannedTrial> a = find(context, pair.get(0), repeat);
        Optional<PlannedTrial> b = find(context, pair.get(1), repeat);
        if (a.isEmpty() || b.isEmpty()) {
          continue;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("method", pair.get(0) + "-vs-" + pair.get(1));
        parameters.put("methodA", pair.get(0));
        parameters.put("methodB", pair.get(1));
        parameters.put("pair", pair.get(0) + " vs " + pair.get(1));
        parameters.put("batchSize", a.get().parameters().get("batchSize"));
        parameters.put("repeat", Integer.toString(repeat));
        parameters.put("seed", a.get().parameters().get("seed"));
        trials.add(
            new CustomTrial(
                pair.get(0) + "-vs-" + pair.get(1) + "__r" + repeat,
                parameters,
                List.of(a.get().trialId(), b.get().trialId())));
      }
    }
    return trials;
  }

  private static Optional<PlannedTrial> find(CustomPlanContext context, String method, int repeat) {
    return context.trainingTrials().stream()
        .filter(t -> method.equals(t.parameters().get("method")))
        .filter(t -> Integer.toString(repeat).equals(t.parameters().get("repeat")))
        .findFirst();
  }

  @Override
  public CustomOutcome runTrial(CustomTrial trial, CustomRunContext context) {
    // dependsOn lists A's training trial, then B's (see planTrials).
    String trialA = trial.dependsOn().get(0);
    String trialB = trial.dependsOn().get(1);
    Model modelA = context.loadFinalModel(trialA);
    Model modelB = context.loadFinalModel(trialB);
    INDArray weightsA = modelA.params().dup();
    INDArray weightsB = modelB.params().dup();
    if (weightsA.length() != weightsB.length()) {
      throw new IllegalStateException(
          "E4: the networks of "
              + trialA
              + " and "
              + trialB
              + " have different parameter counts ("
              + weightsA.length()
              + " and "
              + weightsB.length()
              + "); they must share an architecture.");
    }
    WorkloadData data = context.data();
    List<List<Double>> rows = new ArrayList<>();
    INDArray point = weightsA.dup();
    for (double alpha : alphas(context.scale())) {
      // w(α) = α w_A + (1 − α) w_B = w_B + α (w_A − w_B)
      point.assign(weightsA).subi(weightsB).muli(alpha).addi(weightsB);
      modelA.setParams(point);
      CustomRunContext.Evaluation train = context.evaluate(modelA, data.train());
      CustomRunContext.Evaluation test = context.evaluate(modelA, data.test());
      rows.add(List.of(alpha, train.loss(), train.accuracy(), test.loss(), test.accuracy()));
    }
    double distance = weightsA.distance2(weightsB);
    return new CustomOutcome(
        Map.of("distance", distance),
        Map.of(
            "interpolation",
            new Series(
                List.of("alpha", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy"), rows)));
  }
}
