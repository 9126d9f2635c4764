package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as an experiment, so that discovery finds it.
 *
 * <p>The class itself is only a carrier of annotations unless it implements {@link
 * io.github.trustregion.framework.custom.CustomTrials}; then it needs a public no-argument
 * constructor that does not touch ND4J or load data. Example:
 *
 * <pre>{@code
 * @Experiment(id = "e3-large-batch", title = "Large-batch generalization")
 * @TrainOn(FashionMnistMlp.class)
 * @Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.1")
 * @Optimizer(label = "TR", method = "TR")
 * @BatchSizes({64, 256, 1024})
 * @Epochs(20)
 * @Repeats(5)
 * @AtScale(scale = Scale.SMOKE, epochs = 1, repeats = 1, batchSizes = 64, trainExamples = 512)
 * public class LargeBatchGeneralization {}
 * }</pre>
 *
 * <p>A variant that exists only at some scales lists them, for example {@code @Experiment(id =
 * "e5-tracks-stl10", scales = Scale.PAPER)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface Experiment {

  /**
   * The experiment's id: its results directory and the prefix of its trial ids. Letters, digits,
   * '.', '_' and '-' only; empty means the class's simple name in kebab case.
   */
  String id() default "";

  /** A one-line title; empty means the id. */
  String title() default "";

  /** What the experiment measures, in a few sentences. */
  String description() default "";

  /** What kind of results its trials carry (the manifest's {@code kind}). */
  ExperimentKind kind() default ExperimentKind.AUTO;

  /**
   * The scales at which the experiment exists; empty means every scale.
   *
   * <p>At a scale not listed the experiment is not an error: planning reports it as not declared at
   * that scale, the engine skips it and the command line lists it as existing only at these scales.
   * Only the scale-independent parts of the declaration (the id, this list and the scales of {@link
   * AtScale}, {@link Optimizer} and {@link Track}) are checked there. Use it for a variant that
   * makes sense only at some scales, such as a paper-only run on a dataset that needs a GPU. Each
   * scale may be listed once, and every {@link AtScale}, and every scale of an {@link Optimizer} or
   * {@link Track}, must name a listed scale.
   */
  Scale[] scales() default {};
}
