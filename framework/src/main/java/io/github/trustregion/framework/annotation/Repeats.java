package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many times each configuration runs, each time with another seed (shared by every method of
 * the configuration). Default 1. {@link AtScale#repeats()} replaces it at one scale, and the system
 * property {@code experiments.repeats} replaces both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Repeats {

  /** The number of repeats, at least 1. */
  int value();
}
