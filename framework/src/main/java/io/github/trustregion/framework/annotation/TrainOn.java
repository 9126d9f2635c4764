package io.github.trustregion.framework.annotation;

import io.github.trustregion.framework.workload.Workload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The workload (dataset and model) an experiment trains on; {@link AtScale#workload()} replaces it
 * at one scale. Required when the experiment declares an {@link Optimizer} or a {@link Track}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface TrainOn {

  /** The workload class; it needs a public no-argument constructor that touches no ND4J. */
  Class<? extends Workload> value();
}
