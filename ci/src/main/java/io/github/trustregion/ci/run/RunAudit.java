package io.github.trustregion.ci.run;

import io.github.trustregion.framework.result.ExperimentManifest;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names the trials that make a run incomplete: planned in the manifest but without a result file,
 * diverged, failed, or completed without a finite value of a gated metric. Stateless.
 *
 * <p>Custom trials (parameter {@code trialType=custom}, such as E4's interpolation paths) carry
 * their own metrics and series instead of accuracies, so only training and track trials must carry
 * the gated metrics.
 */
public final class RunAudit {

  private static final String TRIAL_TYPE = "trialType";
  private static final String CUSTOM = "custom";

  private RunAudit() {}

  /**
   * Audits one experiment's trials against its manifest.
   *
   * @param manifest the experiment's plan
   * @param trials the result files found for it
   * @param metrics the metric keys every completed trial must carry as finite numbers
   * @return the problems, in plan order (an empty list when the experiment is complete)
   */
  public static List<TrialProblem> audit(
      ExperimentManifest manifest, List<TrialResult> trials, List<String> metrics) {
    String experiment = manifest.experiment();
    Map<String, TrialResult> byId =
        trials.stream()
            .collect(Collectors.toMap(TrialResult::trialId, Function.identity(), (a, b) -> a));
    List<TrialProblem> problems = new ArrayList<>();
    Set<String> planned = manifest.trialsById().keySet();
    for (PlannedTrial plannedTrial : manifest.trials()) {
      TrialResult trial = byId.get(plannedTrial.trialId());
      if (trial == null) {
        problems.add(
            new TrialProblem(
                experiment,
                plannedTrial.trialId(),
                TrialProblem.Kind.MISSING,
                "planned in the manifest but no result file; run the experiments again to resume it"));
      }
    }
    for (TrialResult trial : trials) {
      if (!planned.contains(trial.trialId())) {
        continue;
      }
      switch (trial.status()) {
        case DIVERGED ->
            problems.add(
                new TrialProblem(
                    experiment,
                    trial.trialId(),
                    TrialProblem.Kind.DIVERGED,
                    messageOf(trial, "the loss became NaN or infinite")));
        case FAILED ->
            problems.add(
                new TrialProblem(
                    experiment,
                    trial.trialId(),
                    TrialProblem.Kind.FAILED,
                    messageOf(trial, "the trial threw an exception")));
        case COMPLETED -> {
          if (isCustom(trial)) {
            continue;
          }
          for (String metric : metrics) {
            Double value = trial.metrics() == null ? null : trial.metrics().get(metric);
            if (value == null || !Double.isFinite(value)) {
              problems.add(
                  new TrialProblem(
                      experiment,
                      trial.trialId(),
                      TrialProblem.Kind.NO_METRIC,
                      "completed but metric '"
                          + metric
                          + "' is "
                          + (value == null ? "absent" : value)));
            }
          }
        }
      }
    }
    return problems;
  }

  private static boolean isCustom(TrialResult trial) {
    return trial.parameters() != null && CUSTOM.equals(trial.parameters().get(TRIAL_TYPE));
  }

  private static String messageOf(TrialResult trial, String fallback) {
    return trial.message() == null || trial.message().isBlank() ? fallback : trial.message();
  }
}
