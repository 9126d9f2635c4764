package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The L2 weight decay λ of the training objective F(x) = mean loss + (λ/2)‖x‖², the same for every
 * method of the experiment (regularization lives in the objective, not in the methods). Default 0.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface WeightDecay {

  /** The coefficient λ, at least 0. */
  double value();
}
