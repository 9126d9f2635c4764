package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A number the paper reports, shown by reports beside ours where the setting matches (becomes a
 * {@link io.github.trustregion.framework.result.PaperValue} in the manifest); repeatable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(PaperResults.class)
public @interface PaperResult {

  /**
   * The metric key, such as {@code "finalTestAccuracy"}; checked like the keys of {@link Metrics}.
   */
  String metric();

  /** The value in the metric's units (accuracies in [0, 1]). */
  double value();

  /** The matching trial parameters as {@code "key=value"}, such as {@code "method=TR"}. */
  String[] setting() default {};

  /** Where in the paper, such as {@code "Figure 3"}. */
  String source();

  /** The paper's own setting in words (model, dataset). */
  String paperSetting() default "";
}
