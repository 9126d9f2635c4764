package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.LandscapeExperiment;
import io.github.trustregion.framework.fixtures.ResumeVariants;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.support.FaultySgdProvider;
import io.github.trustregion.framework.support.FlakyWorkload;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stored results a second run keeps, and which trials it runs again. */
class ResumeCheckTest {

  private static final String RESIZED = "resized__SGD__b64__r0";

  @TempDir Path directory;

  private ExperimentOptions options() {
    return ExperimentOptions.defaults(Scale.SMOKE)
        .withResults(directory)
        .withAllureResults(Optional.empty());
  }

  private ResultFiles files() {
    return new ResultFiles(directory);
  }

  private TrialResult stored(String experiment, String trialId) {
    return files().readTrial(experiment, trialId).orElseThrow();
  }

  private static String runId(TrialResult result) {
    return result.environment().get("runId");
  }

  private static TrialResult with(
      TrialResult r, TrialStatus status, Map<String, String> environment) {
    return new TrialResult(
        r.schemaVersion(),
        r.trialId(),
        r.experiment(),
        status,
        r.message(),
        r.parameters(),
        r.methodSettings(),
        r.epochs(),
        r.metrics(),
        r.series(),
        r.wallSeconds(),
        environment);
  }

  private static Map<String, String> without(Map<String, String> environment, String... keys) {
    Map<String, String> copy = new LinkedHashMap<>(environment);
    for (String key : keys) {
      copy.remove(key);
    }
    return copy;
  }

  @AfterEach
  void resetFailures() {
    FaultySgdProvider.FAILURES.set(0);
    FlakyWorkload.FAILURES.set(0);
  }

  @Test
  void retriesAFailedTrialOnTheNextRunAndKeepsADivergedOne() {
    FaultySgdProvider.FAILURES.set(1);
    Experiments.run(options(), ResumeVariants.FailingOnce.class);
    TrialResult diverged = stored("failing-once", "failing-once__SGD-huge__b64__r0");
    TrialResult failed = stored("failing-once", "failing-once__Faulty__b64__r0");
    assertThat(diverged.status()).isEqualTo(TrialStatus.DIVERGED);
    assertThat(failed.status()).isEqualTo(TrialStatus.FAILED);

    RunSummary second = Experiments.run(options(), ResumeVariants.FailingOnce.class);

    assertThat(second.resumed()).isEqualTo(1);
    assertThat(stored("failing-once", "failing-once__SGD-huge__b64__r0")).isEqualTo(diverged);
    TrialResult retried = stored("failing-once", "failing-once__Faulty__b64__r0");
    assertThat(retried.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(runId(retried)).isNotEqualTo(runId(failed));
  }

  @Test
  void retriesEveryTrialWhoseDataFailedToLoadOnTheNextRun() {
    FlakyWorkload.FAILURES.set(1);
    RunSummary first = Experiments.run(options(), ResumeVariants.FlakyData.class);
    assertThat(first.results())
        .extracting(TrialResult::status)
        .containsExactly(TrialStatus.FAILED, TrialStatus.FAILED);

    RunSummary second = Experiments.run(options(), ResumeVariants.FlakyData.class);

    assertThat(second.resumed()).isZero();
    assertThat(second.results())
        .extracting(TrialResult::status)
        .containsExactly(TrialStatus.COMPLETED, TrialStatus.COMPLETED);
  }

  /** Runs {@code variant} and checks that it ran the trial again, on the given data. */
  private void assertRunAgain(Class<?> variant, String train, String test, String workload) {
    String before = runId(stored("resized", RESIZED));

    RunSummary summary = Experiments.run(options(), variant);

    assertThat(summary.resumed()).as(variant.getSimpleName()).isZero();
    TrialResult result = stored("resized", RESIZED);
    assertThat(runId(result)).as(variant.getSimpleName()).isNotEqualTo(before);
    assertThat(result.environment())
        .as(variant.getSimpleName())
        .containsEntry("trainExamples", train)
        .containsEntry("testExamples", test)
        .containsEntry("workload", workload);
  }

  @Test
  void runsATrialAgainWhenItsExampleCountsOrItsWorkloadChangedAndKeepsItOtherwise() {
    Experiments.run(options(), ResumeVariants.Small.class);
    assertThat(Experiments.run(options(), ResumeVariants.Small.class).resumed()).isEqualTo(1);

    assertRunAgain(ResumeVariants.MoreTraining.class, "192", "64", "blobs");
    assertRunAgain(ResumeVariants.Small.class, "128", "64", "blobs");
    assertRunAgain(ResumeVariants.MoreTest.class, "128", "128", "blobs");
    assertRunAgain(ResumeVariants.Small.class, "128", "64", "blobs");
    assertRunAgain(ResumeVariants.OtherWorkload.class, "128", "64", "flaky-blobs");
    assertRunAgain(ResumeVariants.Small.class, "128", "64", "blobs");
    assertRunAgain(ResumeVariants.DefaultCounts.class, "256", "128", "blobs");
    assertThat(Experiments.run(options(), ResumeVariants.DefaultCounts.class).resumed())
        .isEqualTo(1);
  }

  @Test
  void comparesAResultThatDoesNotRecordTheRequestedCountsByItsActualCounts() {
    Experiments.run(options(), ResumeVariants.Small.class);
    TrialResult small = stored("resized", RESIZED);
    TrialResult older =
        with(
            small,
            small.status(),
            without(
                small.environment(),
                ResumeCheck.REQUESTED_TRAIN_EXAMPLES,
                ResumeCheck.REQUESTED_TEST_EXAMPLES));
    files().writeTrial(older);

    assertThat(Experiments.run(options(), ResumeVariants.Small.class).resumed()).isEqualTo(1);
    assertThat(stored("resized", RESIZED)).isEqualTo(older);
    assertThat(Experiments.run(options(), ResumeVariants.MoreTraining.class).resumed()).isZero();
  }

  @Test
  void runsACustomTrialAgainWhenATrainingTrialItDependsOnWasRunAgain() {
    String sgdId = "landscape__SGD__b64__r0";
    String customId = "landscape__SGD-vs-TR";
    Experiments.run(options(), LandscapeExperiment.class);
    TrialResult sgd = stored("landscape", sgdId);
    TrialResult custom = stored("landscape", customId);
    assertThat(custom.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(custom.environment())
        .containsEntry(ResumeCheck.DEPENDENCY_PREFIX + sgdId, ResumeCheck.identity(sgd));
    assertThat(Experiments.run(options(), LandscapeExperiment.class).resumed()).isEqualTo(3);

    files().writeTrial(with(sgd, TrialStatus.FAILED, sgd.environment()));
    RunSummary second = Experiments.run(options(), LandscapeExperiment.class);

    assertThat(second.resumed()).isEqualTo(1);
    TrialResult rerunSgd = stored("landscape", sgdId);
    TrialResult rerunCustom = stored("landscape", customId);
    assertThat(runId(rerunSgd)).isNotEqualTo(runId(sgd));
    assertThat(runId(rerunCustom)).isNotEqualTo(runId(custom)).isEqualTo(runId(rerunSgd));
    assertThat(rerunCustom.environment())
        .containsEntry(ResumeCheck.DEPENDENCY_PREFIX + sgdId, ResumeCheck.identity(rerunSgd));
  }

  @Test
  void trainsAgainATrialWhoseSavedNetworkIsMissingWhileACustomTrialThatLoadsItIsNotFinished()
      throws Exception {
    String sgdId = "landscape__SGD__b64__r0";
    String customId = "landscape__SGD-vs-TR";
    Experiments.run(options(), LandscapeExperiment.class);
    TrialResult sgd = stored("landscape", sgdId);
    Path sgdNetwork = ModelFiles.finalModel(files(), "landscape", sgdId);
    assertThat(sgdNetwork).exists();
    Path networks = files().modelDirectory("landscape");
    for (String trialId : new String[] {sgdId, "landscape__TR__b64__r0"}) {
      java.nio.file.Files.delete(ModelFiles.finalModel(files(), "landscape", trialId));
    }
    java.nio.file.Files.delete(networks);

    RunSummary customFinished = Experiments.run(options(), LandscapeExperiment.class);

    assertThat(customFinished.resumed()).isEqualTo(3);
    assertThat(networks).doesNotExist();

    java.nio.file.Files.delete(files().trialFile("landscape", customId));
    RunSummary customPending = Experiments.run(options(), LandscapeExperiment.class);

    assertThat(customPending.resumed()).isZero();
    TrialResult rerunSgd = stored("landscape", sgdId);
    TrialResult rerunCustom = stored("landscape", customId);
    assertThat(runId(rerunSgd)).isNotEqualTo(runId(sgd));
    assertThat(sgdNetwork).exists();
    assertThat(rerunCustom.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(rerunCustom.environment())
        .containsEntry(ResumeCheck.DEPENDENCY_PREFIX + sgdId, ResumeCheck.identity(rerunSgd));
  }

  @Test
  void runsACustomTrialAgainWhenItDoesNotRecordWhichResultsItWasComputedFrom() {
    Experiments.run(options(), LandscapeExperiment.class);
    TrialResult custom = stored("landscape", "landscape__SGD-vs-TR");
    files()
        .writeTrial(
            with(
                custom,
                custom.status(),
                without(
                    custom.environment(),
                    ResumeCheck.DEPENDENCY_PREFIX + "landscape__SGD__b64__r0")));

    RunSummary second = Experiments.run(options(), LandscapeExperiment.class);

    assertThat(second.resumed()).isEqualTo(2);
    assertThat(runId(stored("landscape", "landscape__SGD-vs-TR"))).isNotEqualTo(runId(custom));
  }

  @Test
  void recomputesOnlyAPlannedTrialWhoseFileIsTruncatedAndKeepsTheOthers() throws Exception {
    Experiments.run(options(), ResumeVariants.FlakyData.class);
    TrialResult kept = stored("flaky-data", "flaky-data__SGD__b64__r0");
    Path truncated =
        directory
            .resolve("flaky-data")
            .resolve(ResultFiles.TRIALS)
            .resolve("flaky-data__SGD__b32__r0.json");
    String json = java.nio.file.Files.readString(truncated);
    java.nio.file.Files.writeString(truncated, json.substring(0, json.length() / 2));

    RunSummary second = Experiments.run(options(), ResumeVariants.FlakyData.class);

    assertThat(second.resumed()).isEqualTo(1);
    assertThat(runId(stored("flaky-data", "flaky-data__SGD__b64__r0"))).isEqualTo(runId(kept));
    TrialResult recomputed = stored("flaky-data", "flaky-data__SGD__b32__r0");
    assertThat(recomputed.status()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(runId(recomputed)).isNotEqualTo(runId(kept));
  }
}
