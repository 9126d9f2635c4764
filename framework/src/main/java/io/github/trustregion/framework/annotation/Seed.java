package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The base seed of an experiment (default {@link #DEFAULT}); repeat r runs with a seed derived from
 * the base seed and r, the same for every method and batch size. The dataset's subset and split use
 * the base seed itself, so every trial sees the same data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Seed {

  /** The base seed when an experiment declares none. */
  long DEFAULT = 20180101L;

  /** The base seed. */
  long value();
}
