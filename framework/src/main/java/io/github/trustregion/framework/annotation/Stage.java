package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One stage of a {@link Track}: a method trains for a number of epochs, starting from the model the
 * previous stage ended with.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Stage {

  /** The label of an {@link Optimizer} of the same experiment. */
  String method();

  /** The number of epochs this stage trains, at least 1. */
  int epochs();
}
