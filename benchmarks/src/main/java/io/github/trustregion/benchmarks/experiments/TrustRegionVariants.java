package io.github.trustregion.benchmarks.experiments;

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
 * E6: the trust-region variants side by side, each against its cost (see docs/method.md, "The
 * methods compared", "The published code's rule", "Hessian sub-sampling", "Krylov solvers").
 *
 * <p>Five methods from the same initial parameters and minibatch order (the harness gives every
 * method of a repeat both): SGD with step 0.1; the paper's TR (stochastic rule, the two-phase
 * solver with N₁ = N₂ = 1, 3 forward-difference products on the whole minibatch); the same TR with
 * its products on a seeded eighth of each minibatch ({@code hessianBatchFraction = 0.125}); TR with
 * Lanczos at a budget of 3 products, the paper solver's own budget; and TR-code, the rule of the
 * paper's published code with its scripts' η = 0.1, r = 1 and one inner step. Nothing is tuned:
 * these are the settings the paper and its code state.
 *
 * <p>ci: the MLP 784-256-256-10 on 12,000 Fashion-MNIST images, B = 128 (at B = 128 a fraction of
 * 1/8 leaves 16 examples for the Hessian), 8 epochs, 3 repeats. The MLP rather than the small CNN
 * because its gradient is about 8 times cheaper here (E2's 0.57 s per SGD epoch against E3's 5.5
 * s), which keeps five methods × three repeats within the ci budget of about 10 minutes on 2 cores;
 * the report shows the accuracy against epochs and against gradient-equivalents, the acceptance
 * rate and the radius. smoke: 256 images, B = 64 (8 examples for the Hessian), 1 epoch. The
 * experiment has no paper scale: the paper has no such experiment.
 */
@Experiment(
    id = "e6-tr-variants",
    title = "E6: trust-region variants at their cost",
    description =
        "SGD, the paper's TR, TR with a sub-sampled Hessian, TR with a budgeted Lanczos solver and"
            + " the published code's rule, from the same initialization and data order; accuracy"
            + " per epoch and per gradient-equivalent of work.",
    kind = ExperimentKind.TRAINING,
    scales = {Scale.SMOKE, Scale.CI})
@TrainOn(FashionMnistMlp.class)
@Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1")
@Optimizer(label = "TR", method = "TR")
@Optimizer(label = "TR-sub8", method = "TR", settings = "hessianBatchFraction=0.125")
@Optimizer(
    label = "TR-lanczos3",
    method = "TR",
    settings = {"solver=lanczos", "solverProducts=3"})
@Optimizer(
    label = "TR-code",
    method = "TR-code",
    settings = {"learningRate=0.1", "radius=1.0", "innerSteps=1"})
@AllowedDifferences({"learningRate", "hessianBatchFraction", "solver"})
@Metrics({"finalTestAccuracy", "bestTestAccuracy"})
@BatchSizes(128)
@Epochs(8)
@Repeats(3)
@AtScale(
    scale = Scale.SMOKE,
    epochs = 1,
    repeats = 1,
    batchSizes = 64,
    trainExamples = 256,
    testExamples = 128)
public class TrustRegionVariants {

  /** Creates the experiment; it only carries annotations. */
  public TrustRegionVariants() {}
}
