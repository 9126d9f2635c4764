package io.github.trustregion.framework.annotation;

import io.github.trustregion.framework.workload.Workload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replaces an experiment's values at one scale; repeatable, once per scale. Attributes left at
 * their blank default (0, empty, {@code Workload.class}) keep the experiment's value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(AtScales.class)
public @interface AtScale {

  /** The scale these values apply to. */
  Scale scale();

  /** Replaces {@link Epochs}; 0 keeps it. */
  int epochs() default 0;

  /** Replaces {@link Repeats}; 0 keeps it. */
  int repeats() default 0;

  /**
   * The index of the first repeat at this scale (default 0): the repeats are {@code firstRepeat, …,
   * firstRepeat + repeats − 1}, each with the seed of its index, on the same data subset (which
   * depends on the base seed only). A run that must not share seeds with another run of the same
   * experiment, such as a nightly against a baseline blessed from repeats 0 … 29, starts later.
   */
  int firstRepeat() default 0;

  /** Replaces {@link BatchSizes}; empty keeps it. */
  int[] batchSizes() default {};

  /** The number of training examples to use; 0 means the workload's default for the scale. */
  int trainExamples() default 0;

  /** The number of test examples to use; 0 means the workload's default for the scale. */
  int testExamples() default 0;

  /** Replaces {@link TrainOn}; {@code Workload.class} keeps it. */
  Class<? extends Workload> workload() default Workload.class;
}
