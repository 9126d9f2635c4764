package io.github.trustregion.framework.run;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.ResumeExperiment;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A child-JVM program that runs one shard of {@link ResumeExperiment} on a shared results directory
 * and appends the id of every trial it starts to a file.
 */
public final class ShardedRunMain {

  private ShardedRunMain() {}

  /** Arguments: results directory, shard K/N, the file of started trials. */
  public static void main(String[] args) {
    Path results = Path.of(args[0]);
    Shard shard = Shard.parse(args[1]);
    Path started = Path.of(args[2]);
    ExperimentOptions options =
        ExperimentOptions.defaults(Scale.SMOKE)
            .withResults(results)
            .withAllureResults(Optional.empty());
    List<ExperimentPlan> plans = Experiments.validate(options, ResumeExperiment.class);
    new ExperimentRunner(
            MethodRegistry.standard(),
            options,
            BackendCheck.nd4j(),
            new ExperimentRunner.Sharing(shard, true))
        .run(
            plans,
            new TrialListener() {
              @Override
              public void trialStarted(ExperimentPlan plan, TrialSpec trial) {
                try {
                  Files.writeString(
                      started,
                      trial.trialId() + "\n",
                      StandardCharsets.UTF_8,
                      StandardOpenOption.CREATE,
                      StandardOpenOption.APPEND);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
  }
}
