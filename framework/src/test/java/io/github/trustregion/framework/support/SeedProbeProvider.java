package io.github.trustregion.framework.support;

import io.github.trustregion.framework.method.MethodProvider;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.optimizers.MethodState;
import io.github.trustregion.optimizers.TrainingMethod;
import io.github.trustregion.optimizers.method.Sgd;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A method for tests that build their own registry (not registered as a service): SGD whose {@code
 * newState(dimension, seed)} records the seed it was given, so that tests see which seed the runner
 * passes to a method's state (the seed a sub-sampled Hessian draws its subsets from).
 */
public final class SeedProbeProvider implements MethodProvider {

  /** Every seed given to a state of this method, in order; clear it before use. */
  public static final List<Long> SEEDS = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "SeedProbe";
  }

  @Override
  public String description() {
    return "SGD that records the seed of each new state (tests only).";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.of("learningRate", SettingSpec.Type.POSITIVE_DOUBLE, "0.1", "the step size"));
  }

  @Override
  public TrainingMethod create(Map<String, String> settings) {
    return new Probe(new Sgd(Double.parseDouble(settings.get("learningRate"))));
  }

  /** The method: SGD, recording the seed of each state. */
  record Probe(Sgd sgd) implements TrainingMethod {
    @Override
    public String name() {
      return "SeedProbe";
    }

    @Override
    public Map<String, String> settings() {
      return sgd.settings();
    }

    @Override
    public MethodState newState(long dimension) {
      throw new AssertionError("the runner must give the state the trial's seed");
    }

    @Override
    public MethodState newState(long dimension, long seed) {
      SEEDS.add(seed);
      return sgd.newState(dimension, seed);
    }
  }
}
