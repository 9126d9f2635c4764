package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Optimizer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A preset of what E5's tracks share (the paper's Tables 1–3): SGD with step 0.1 as a stage method
 * (not a trial of its own) and the test accuracy at the end of each of the three stages as the
 * metrics compared.
 *
 * <p>The TR stage method is declared by each experiment, since its subproblem step differs between
 * networks (0.1 for VGG16, 0.01 for MobileNet, the paper's choices; see docs/method.md, "E5
 * training tracks"), and so are the tracks, whose epochs differ. The step sizes differ between the
 * methods on purpose and are declared as allowed differences; an experiment with more methods
 * declares its own {@code @AllowedDifferences}, which replaces this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1", standalone = false)
@Metrics({"stage1.testAccuracy", "stage2.testAccuracy", "stage3.testAccuracy"})
@AllowedDifferences({"learningRate", "subproblemStepSize"})
public @interface ThreeStageTracks {}
