package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The batch-size axis of an experiment: every standalone {@link Optimizer} and every {@link Track}
 * without its own batch sizes runs once per value (and per repeat). {@link AtScale#batchSizes()}
 * replaces it at one scale.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface BatchSizes {

  /** The batch sizes, each at least 1. */
  int[] value();
}
