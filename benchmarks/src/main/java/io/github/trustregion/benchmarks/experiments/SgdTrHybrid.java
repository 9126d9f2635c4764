package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Scale;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A preset of the paper's three methods (see docs/method.md, "The methods compared") as the
 * experiments E3 and E4 compare them: SGD with step 0.1, TR with subproblem step 0.1, and Hybrid
 * (TR until the training accuracy stops improving, then SGD) with the same settings.
 *
 * <p>Hybrid's plateau patience is 3 epochs at the study and paper scales (the paper's) and 1 at the
 * shorter ci and smoke runs, so that it can switch within them. The step sizes and the plateau rule
 * differ between methods on purpose and are declared as allowed differences.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1")
@Optimizer(label = "TR", method = "TR", settings = "subproblemStepSize=0.1")
@Optimizer(
    label = "Hybrid",
    method = "Hybrid",
    scales = {Scale.STUDY, Scale.PAPER},
    settings = {"tr.subproblemStepSize=0.1", "sgd.learningRate=0.1", "plateau.patience=3"})
@Optimizer(
    label = "Hybrid",
    method = "Hybrid",
    scales = {Scale.CI, Scale.SMOKE},
    settings = {"tr.subproblemStepSize=0.1", "sgd.learningRate=0.1", "plateau.patience=1"})
@AllowedDifferences({
  "learningRate",
  "subproblemStepSize",
  "tr.subproblemStepSize",
  "sgd.learningRate",
  "plateau.patience",
  "plateau.minImprovement"
})
public @interface SgdTrHybrid {}
