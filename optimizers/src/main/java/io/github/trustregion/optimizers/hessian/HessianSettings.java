package io.github.trustregion.optimizers.hessian;

import io.github.trustregion.optimizers.MinibatchObjective;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a method asks for the Hessian-vector products of one step: which finite difference, and over
 * how much of the minibatch.
 *
 * <p>With sub-sampling fraction f &lt; 1, the products of a step are those of the mean loss over a
 * seeded subset S of m = ⌈f·B⌉ of the step's B examples, H_S v = ∇²F_S(x)v, one subset for all
 * products of the step and a new one per step ({@link HessianSubsample}); the gradient and the loss
 * values stay on the whole minibatch (see docs/method.md, "Hessian sub-sampling"; Byrd et al. 2011,
 * Xu et al. 2020). Forward differences on S need ∇F_S(x) as their base: one pass over S per step,
 * reported as {@link SampledHessian#baseGradientEvaluations()}.
 *
 * <p>Products come from an {@link ExampleMeanObjective}. An objective with its own products that is
 * not one (an analytic test function) is used as it is: the mode and the fixed step describe finite
 * differences and do not apply to it, and a fraction below 1 is refused there. Immutable and
 * thread-safe.
 *
 * @param mode the difference, or empty for the objective's own ({@link
 *     ObjectiveOptions#hessianMode()})
 * @param fixedStep ε &gt; 0 for forward differences with a fixed step (the published code's (∇F(x +
 *     v/c) − ∇F(x))·c has ε = 1/c), or 0 for the mode's own ε rule
 * @param batchFraction f ∈ (0, 1]
 */
public record HessianSettings(Optional<HessianMode> mode, double fixedStep, double batchFraction) {

  private static final HessianSettings DEFAULTS = new HessianSettings(Optional.empty(), 0, 1.0);

  /** Validates the settings. */
  public HessianSettings {
    Objects.requireNonNull(mode, "HessianSettings: mode must not be null (use Optional.empty())");
    if (!(fixedStep >= 0) || Double.isInfinite(fixedStep)) {
      throw new IllegalArgumentException(
          "HessianSettings: fixedStep must be finite and >= 0 (0 for the mode's own step) but was "
              + fixedStep);
    }
    if (fixedStep > 0
        && mode.orElse(HessianMode.FORWARD_DIFFERENCE) != HessianMode.FORWARD_DIFFERENCE) {
      throw new IllegalArgumentException(
          "HessianSettings: a fixed difference step applies to forward differences only, but the"
              + " mode is "
              + mode.get());
    }
    HessianSubsample.requireFraction(batchFraction);
  }

  /** Returns the objective's own products on the whole minibatch (today's behaviour). */
  public static HessianSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a copy with the given difference. */
  public HessianSettings withMode(HessianMode newMode) {
    return new HessianSettings(Optional.of(newMode), fixedStep, batchFraction);
  }

  /** Returns a copy with forward differences of the fixed step ε. */
  public HessianSettings withFixedStep(double epsilon) {
    return new HessianSettings(mode, epsilon, batchFraction);
  }

  /** Returns a copy with sub-sampling fraction f. */
  public HessianSettings withBatchFraction(double fraction) {
    return new HessianSettings(mode, fixedStep, fraction);
  }

  /**
   * Adds the settings that differ from forward differences on the whole minibatch to a method's
   * settings map: {@code hessian} (only when central) and {@code hessianBatchFraction} (only when
   * below 1), so that the settings of a method that uses neither read as before these existed.
   */
  public void describeInto(Map<String, String> settings) {
    if (mode.isPresent() && mode.get() == HessianMode.CENTRAL_DIFFERENCE) {
      settings.put("hessian", "central");
    }
    if (batchFraction != 1) {
      settings.put(HessianSubsample.SETTING, Double.toString(batchFraction));
    }
  }

  /**
   * Returns the Hessian operator of one step.
   *
   * @param objective the step's minibatch objective
   * @param x the iterate
   * @param gradientAtX ∇F(x) on the whole minibatch
   * @param seed the trial's seed
   * @param step the step's index within the state
   * @param owner the method's name, for messages
   * @throws IllegalArgumentException if f &lt; 1 and the objective is not an {@link
   *     ExampleMeanObjective} with a known batch size, or the subset has fewer than {@value
   *     HessianSubsample#MIN_EXAMPLES} examples
   */
  public SampledHessian at(
      MinibatchObjective objective,
      INDArray x,
      INDArray gradientAtX,
      long seed,
      long step,
      String owner) {
    if (equals(DEFAULTS)) {
      return SampledHessian.whole(objective.hessianAt(x, gradientAtX));
    }
    if (!(objective instanceof ExampleMeanObjective examples)) {
      if (batchFraction < 1) {
        throw new IllegalArgumentException(
            owner
                + ": "
                + HessianSubsample.SETTING
                + "="
                + batchFraction
                + " needs an objective that is a mean over examples (such as"
                + " NetworkObjective), but the objective is a "
                + objective.getClass().getName()
                + "; use "
                + HessianSubsample.SETTING
                + "=1 with it");
      }
      return SampledHessian.whole(objective.hessianAt(x, gradientAtX));
    }
    int[] subset = null;
    if (batchFraction < 1) {
      OptionalInt known = objective.batchSize();
      if (known.isEmpty()) {
        throw new IllegalArgumentException(
            owner
                + ": "
                + HessianSubsample.SETTING
                + "="
                + batchFraction
                + " needs the minibatch's size, which the objective "
                + objective.getClass().getName()
                + " does not report");
      }
      int batch = known.getAsInt();
      Optional<String> problem = HessianSubsample.check(batchFraction, batch);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(owner + ": " + problem.get());
      }
      int size = HessianSubsample.size(batchFraction, batch);
      if (size < batch) {
        subset = HessianSubsample.select(batch, size, seed, step);
      }
    }
    return examples.hessianAt(x, gradientAtX, mode.orElse(null), fixedStep, subset);
  }
}
