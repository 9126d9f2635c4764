package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The number of epochs each standalone optimizer trains (tracks give theirs per stage); {@link
 * AtScale#epochs()} replaces it at one scale.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Epochs {

  /** The number of epochs, at least 1. */
  int value();
}
