package io.github.trustregion.benchmarks.experiments;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.Optimizer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A preset of the two methods that E2 compares with the paper's settings (see docs/method.md, "The
 * methods compared"): SGD with step 0.1 and TR with N₁ = N₂ = 1, subproblem step 0.1 and r₀ = 1,
 * each a standalone trial.
 *
 * <p>The step sizes differ between the methods on purpose and are declared as allowed differences.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1")
@Optimizer(label = "TR", method = "TR", settings = "subproblemStepSize=0.1")
@AllowedDifferences({"learningRate", "subproblemStepSize"})
public @interface SgdVersusTr {}
