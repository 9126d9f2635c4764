package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method settings that differ between the compared methods on purpose (such as {@code
 * "learningRate"}); reports flag every other difference as an undeclared asymmetry.
 *
 * <p>Each name is a setting of a declared method as its {@code @Optimizer(settings)} names it (such
 * as TR's {@code subproblemStepSize}; a Hybrid setting with or without its {@code tr.} or {@code
 * sgd.} prefix), which reports compare through the trials' declared settings, or a trial parameter
 * such as {@code batchSize} or {@code epochs}; planning reports any other name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface AllowedDifferences {

  /** The setting names. */
  String[] value();
}
