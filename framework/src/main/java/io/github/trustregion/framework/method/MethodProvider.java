package io.github.trustregion.framework.method;

import io.github.trustregion.optimizers.TrainingMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one kind of training method from {@code "key=value"} settings; the service interface
 * through which {@link MethodRegistry} finds methods.
 *
 * <p>To add a method, implement this interface with a public no-argument constructor and list the
 * class in {@code META-INF/services/io.github.trustregion.framework.method.MethodProvider}.
 * Implementations are stateless and thread-safe, and {@link #name()} and {@link #settings()} must
 * not touch ND4J (validation calls them).
 */
public interface MethodProvider {

  /** Returns the name that {@code @Optimizer(method = ...)} uses, such as {@code "SGD"}. */
  String name();

  /** Returns the method in one sentence, with its reference. */
  String description();

  /** Returns every setting the method accepts, with its default. */
  List<SettingSpec> settings();

  /**
   * Creates the method from a complete map of settings: every key of {@link #settings()}, the
   * defaults filled in, each value already checked by {@link SettingSpec#problem(String)}.
   *
   * @throws IllegalArgumentException naming the setting when values are inconsistent together
   */
  TrainingMethod create(Map<String, String> settings);

  /**
   * Returns why the method cannot run at a batch size with these settings, or empty when it can;
   * the trial planner asks once per planned batch size, before anything runs. The default finds
   * nothing; the trust-region providers refuse a {@code hessianBatchFraction} that leaves fewer
   * than 8 examples of the minibatch for the Hessian.
   *
   * @param settings the complete settings, as for {@link #create}
   * @param batchSize the minibatch size B of the trial
   */
  default Optional<String> problemAtBatchSize(Map<String, String> settings, int batchSize) {
    return Optional.empty();
  }
}
