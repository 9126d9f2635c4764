package io.github.trustregion.framework.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tunes settings of one standalone {@link Optimizer} on a validation split before its repeats run;
 * repeatable, one per tuned optimizer.
 *
 * <p>Each point of the {@link #grid()} (the Cartesian product of the listed values, the first
 * setting varying slowest) trains {@link #repeats()} times as a trial of its own (type {@code
 * tuning}, id {@code <experiment>__<label>__tune<i>__b<batchSize>__r<k>}) on the training set minus
 * a held-out, stratified, seeded {@link #validationFraction()} of it, evaluated on that held-out
 * part; the test set is not read. The point with the best mean {@link #select()} metric over the
 * tuning repeats (the first one on ties; diverged trials count as the worst) is then used by the
 * optimizer's repeats, which train on the whole training set. The choice is made at run time from
 * the tuning trials' result files (see docs/method.md, "Tuning").
 *
 * <p>The tuning budget of a method is its number of tuning trials times its epochs; the planner
 * refuses an experiment whose tuned methods have different budgets unless {@link
 * AllowedDifferences} names {@code "tuningBudget"}. A {@code @Tune} naming an optimizer that is not
 * declared at the scale that runs is ignored there. Tracks whose stages name a tuned optimizer use
 * its declared settings: only its standalone repeats use the chosen one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Tunes.class)
public @interface Tune {

  /** The label of the standalone {@link Optimizer} whose settings are tuned. */
  String optimizer();

  /**
   * The grid, one entry per tuned setting, each {@code "setting=v1,v2,..."}, such as {@code
   * "learningRate=0.01,0.03,0.1,0.3,1.0"}; every setting must be one of the method's, and every
   * value valid for it. The values replace the optimizer's declared value of that setting.
   */
  String[] grid();

  /** The metric the choice maximizes (or, for a loss, minimizes). */
  Metric select() default Metric.FINAL_VALIDATION_ACCURACY;

  /** The number of tuning trials per grid point (seeds of their own, shared across methods). */
  int repeats() default 1;

  /** Whether one value is chosen per batch size or one for every batch size. */
  Scope scope() default Scope.PER_BATCH_SIZE;

  /**
   * For {@link Scope#ALL_BATCH_SIZES}: the batch size at which the grid trains; 0 means the
   * smallest of the optimizer's batch sizes. Must be 0 for {@link Scope#PER_BATCH_SIZE}.
   */
  int batchSize() default 0;

  /**
   * The fraction of the training set held out for validation while tuning, in (0, 1); the same for
   * every {@code @Tune} of an experiment, so that all methods are tuned on the same split.
   */
  double validationFraction() default 0.2;

  /** What the choice of a grid point maximizes or minimizes. */
  enum Metric {
    /** The validation accuracy after the last epoch (maximized). */
    FINAL_VALIDATION_ACCURACY("finalValidationAccuracy"),
    /** The best validation accuracy over the epochs (maximized). */
    BEST_VALIDATION_ACCURACY("bestValidationAccuracy"),
    /** The training loss after the last epoch, on the part trained on (minimized). */
    FINAL_TRAINING_LOSS("finalTrainLoss");

    private final String key;

    Metric(String key) {
      this.key = key;
    }

    /** Returns the metric's key as trial parameters and reports name it. */
    public String key() {
      return key;
    }
  }

  /** Which trials share one choice. */
  enum Scope {
    /** Each batch size gets its own grid and its own choice. */
    PER_BATCH_SIZE("batchSize"),
    /** One grid, at {@link Tune#batchSize()}, chooses the value for every batch size. */
    ALL_BATCH_SIZES("all");

    private final String id;

    Scope(String id) {
      this.id = id;
    }

    /** Returns the scope's id as trial parameters name it. */
    public String id() {
      return id;
    }
  }
}
