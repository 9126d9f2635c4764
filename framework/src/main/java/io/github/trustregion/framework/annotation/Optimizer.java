package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one configured training method of an experiment; repeatable.
 *
 * <p>The {@link #method()} names a method known to the {@link
 * io.github.trustregion.framework.method.MethodRegistry} (built in: {@code SGD}, {@code Momentum},
 * {@code Adam}, {@code TR}, {@code Hybrid}; more through {@link
 * io.github.trustregion.framework.method.MethodProvider}). Each declared optimizer runs as one
 * trial per batch size and repeat, unless {@link #standalone()} is false, and may be named by the
 * stages of a {@link Track}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Optimizers.class)
public @interface Optimizer {

  /**
   * The label that names this configuration in trial ids, reports and {@link Stage#method()};
   * letters, digits, '.', '_' and '-' only, unique within the experiment at each scale.
   */
  String label();

  /** The method's registry name, such as {@code "SGD"} or {@code "TR"}; empty means the label. */
  String method() default "";

  /**
   * Settings as {@code "key=value"} strings, such as {@code "learningRate=0.1"}; each key must be a
   * known setting of the method (unknown keys are validation errors that list the known ones), and
   * settings not given keep the method's defaults.
   */
  String[] settings() default {};

  /**
   * The batch sizes of this optimizer's trials; empty means the experiment's {@link BatchSizes} (at
   * the scale that runs). Used for a reference run at its own batch size (Adam at B = 64). Only for
   * a standalone optimizer: tracks run at their own batch sizes, so batch sizes here on an
   * optimizer with {@code standalone = false} are a validation error.
   */
  int[] batchSizes() default {};

  /**
   * The scales at which this declaration applies; empty means every scale. Each must be one of the
   * experiment's {@link Experiment#scales()} when it lists any.
   */
  Scale[] scales() default {};

  /** Whether it runs as a single-method trial; false declares it only for the stages of tracks. */
  boolean standalone() default true;
}
