package io.github.trustregion.framework.annotation;

import io.github.trustregion.framework.result.ClaimBatch;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDirection;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A claim about the experiment's results that reports test and give a verdict on (becomes a {@link
 * io.github.trustregion.framework.result.ClaimDeclaration} in the manifest); repeatable.
 *
 * <p>What decides it is typed: a {@link ClaimComparison} reads the methods, the metric and the
 * parameters its documentation names, at the batch sizes and setting given, and the claim states
 * that this quantity lies on one side ({@link #direction()}) of {@link #threshold()}. Example, the
 * trust-region method at least as accurate as SGD at the largest batch:
 *
 * <pre>{@code
 * @Claim(id = "C1", statement = "TR reaches at least SGD's test accuracy at a large batch",
 *     source = "Figure 3", comparison = ClaimComparison.DIFFERENCE,
 *     metric = "bestTestAccuracy", methods = {"TR", "SGD"}, batch = ClaimBatch.LARGEST,
 *     direction = ClaimDirection.AT_LEAST)
 * }</pre>
 *
 * <p>Planning refuses a claim (at the scales it is declared at) whose methods are not methods of
 * the experiment's trials, whose metric the trials do not record (checked where known before
 * running: for training and track trials, and for the epoch quantities and interpolation columns),
 * whose setting names a parameter or value no planned trial has, or that sets parameters its
 * comparison does not read. Reports evaluate each claim with the paired t-test where trials pair by
 * repeat index and Welch's test otherwise, Holm-adjusted across the claims of a run (see
 * docs/method.md, "Statistics", "Claims").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Claims.class)
public @interface Claim {

  /** A short id, unique within the experiment, such as {@code "C1"}. */
  String id();

  /** The claim in words. */
  String statement();

  /** Where it comes from, such as {@code "Figure 3"} or {@code "Table 1"}. */
  String source();

  /** What decides it. */
  ClaimComparison comparison();

  /**
   * The trial metric (such as {@code "bestTestAccuracy"}), epoch quantity ({@link
   * ClaimComparison#STAGE_JUMP}) or interpolation column ({@link ClaimComparison#BASIN_SHARPNESS})
   * it is about.
   */
  String metric();

  /** The method labels the comparison reads, in its order (such as {@code {"TR", "SGD"}}). */
  String[] methods();

  /** The batch sizes at which it holds; the same at every scale. */
  ClaimBatch batch() default ClaimBatch.ALL;

  /**
   * Further trial parameters that select where it holds, as {@code "key=value"}; empty: at every
   * setting (one evaluation each).
   */
  String[] setting() default {};

  /** Whether the quantity is claimed to be at least or at most {@link #threshold()}. */
  ClaimDirection direction();

  /** The value the quantity is compared with: 0 for a difference, 3 for "at most 3 times". */
  double threshold() default 0;

  /** {@link ClaimComparison#STAGE_JUMP}: the 1-based stage after whose end the jump is measured. */
  int stage() default 0;

  /** {@link ClaimComparison#TREND}: the numeric trial parameter, such as {@code "lambda"}. */
  String parameter() default "";

  /** {@link ClaimComparison#BOUND}: the metric subtracted, such as {@code "lemma6Bound"}. */
  String against() default "";

  /** {@link ClaimComparison#BASIN_SHARPNESS}: the step h in α on each side of the ends. */
  double alphaStep() default 0;

  /**
   * The scales at which the claim is declared (planned, recorded in the manifest and tested); empty
   * means every scale. A claim about a method that only some scales run (a tuned baseline, say)
   * names those scales, since elsewhere its methods do not exist. Each must be one of the
   * experiment's {@link Experiment#scales()} when it lists any.
   */
  Scale[] scales() default {};
}
