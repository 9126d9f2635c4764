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
 *
 * <p>Each key must be one the experiment's training or track trials record (a {@code stage<k>.*}
 * key needs a track with at least k stages at some scale); planning reports any other as a problem.
 * The keys of an experiment that implements {@link
 * io.github.trustregion.framework.custom.CustomTrials} are not checked, since its custom trials
 * record metrics of their own only when they run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Metrics {

  /** The metric keys. */
  String[] value();
}
