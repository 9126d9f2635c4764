package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metric keys that reports and the nightly gate compare between methods, most important first
 * (the manifest's {@code metrics}; keys as in {@link
 * io.github.trustregion.framework.result.TrialResult}). Default: {@code finalTestAccuracy,
 * bestTestAccuracy}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Metrics {

  /** The metric keys. */
  String[] value();
}
