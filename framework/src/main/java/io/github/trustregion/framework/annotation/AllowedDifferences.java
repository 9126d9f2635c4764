package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method settings that differ between the compared methods on purpose (such as {@code
 * "learningRate"}); reports flag every other difference as an undeclared asymmetry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface AllowedDifferences {

  /** The setting names. */
  String[] value();
}
