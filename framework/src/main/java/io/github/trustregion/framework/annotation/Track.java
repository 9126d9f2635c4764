package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a chain of stages, such as SGD(50) → TR(100) → SGD(50), run as one trial per batch size
 * and repeat; each stage starts from the model the previous stage ended with, with a fresh method
 * state. Repeatable; declare the same label once per scale to give each scale its own epochs:
 *
 * <pre>{@code
 * @Track(label = "SGD-TR-SGD", scales = Scale.PAPER, batchSizes = 2048,
 *     stages = {@Stage(method = "SGD", epochs = 50), @Stage(method = "TR", epochs = 100),
 *               @Stage(method = "SGD", epochs = 50)})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Tracks.class)
public @interface Track {

  /** The track's label, used like an optimizer's label in trial ids and reports. */
  String label();

  /** The stages in order; at least one. */
  Stage[] stages();

  /** The batch sizes; empty means the experiment's {@link BatchSizes} at the scale that runs. */
  int[] batchSizes() default {};

  /**
   * The scales at which this declaration applies; empty means every scale. Each must be one of the
   * experiment's {@link Experiment#scales()} when it lists any.
   */
  Scale[] scales() default {};
}
