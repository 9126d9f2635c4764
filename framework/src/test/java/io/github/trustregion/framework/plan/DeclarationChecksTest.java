package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.PaperResult;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.custom.CustomOutcome;
import io.github.trustregion.framework.custom.CustomPlanContext;
import io.github.trustregion.framework.custom.CustomRunContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.PaperValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

/** Each declaration check, its problem's annotation and message. */
class DeclarationChecksTest {

  @Experiment(scales = {Scale.CI, Scale.PAPER, Scale.CI})
  @Optimizer(
      label = "SGD",
      method = "SGD",
      scales = {Scale.SMOKE, Scale.CI})
  @Track(label = "chain", stages = @Stage(method = "SGD", epochs = 1), scales = Scale.SMOKE)
  @AtScale(scale = Scale.SMOKE, epochs = 1)
  static class Scales {}

  @Experiment
  static class EveryScale {}

  @Experiment
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "SGD", method = "Adagrad", settings = "x=1")
  @Optimizer(label = "bad label", method = "SGD", standalone = false, batchSizes = 64)
  static class Optimizers {}

  @Experiment
  @Optimizer(label = "SGD", method = "SGD", standalone = false)
  @Track(
      label = "SGD",
      stages = {@Stage(method = "TR", epochs = 0)})
  @Track(
      label = "empty",
      stages = {})
  static class Tracks {}

  @Experiment
  @Optimizer(label = "SGD", method = "SGD")
  @Track(
      label = "chain",
      stages = {@Stage(method = "SGD", epochs = 1), @Stage(method = "SGD", epochs = 1)})
  @Metrics({"finalTestAccuracy", "stage2.testAccuracy", "finalTestAcc"})
  @PaperResult(
      metric = "stage3.testAccuracy",
      value = 0.5,
      source = "Table 1",
      setting = {"method = TR", "batchSize=64", "nonsense"})
  static class Metered {}

  @Experiment(kind = ExperimentKind.SUBPROBLEM)
  @Metrics("anything")
  @PaperResult(metric = "ownKey", value = 1, source = "Figure 2")
  static class Custom implements CustomTrials {
    @Override
    public List<CustomTrial> planTrials(CustomPlanContext context) {
      return List.of();
    }

    @Override
    public CustomOutcome runTrial(CustomTrial trial, CustomRunContext context) {
      throw new UnsupportedOperationException("never run");
    }
  }

  @Experiment
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "H", method = "Hybrid")
  @AllowedDifferences({
    "learningRate",
    "sgd.learningRate",
    "subproblemStepSize",
    "batchSize",
    "learningRat",
    "patience"
  })
  static class Differences {}

  @Experiment
  abstract static class Abstract {}

  private final Problems problems = new Problems("test.Experiment");

  private DeclarationChecks checks(Class<?> type) {
    return new DeclarationChecks(type, MethodRegistry.standard(), problems);
  }

  private static Experiment experiment(Class<?> type) {
    return AnnotationSupport.findAnnotation(type, Experiment.class).orElseThrow();
  }

  private static List<Optimizer> optimizers(Class<?> type) {
    return AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class);
  }

  private static List<Track> tracks(Class<?> type) {
    return AnnotationSupport.findRepeatableAnnotations(type, Track.class);
  }

  private List<String> annotations() {
    return problems.list().stream().map(ValidationProblem::annotation).toList();
  }

  private List<String> messages() {
    return problems.list().stream().map(ValidationProblem::message).toList();
  }

  @Test
  void acceptsNamesOfLettersDigitsDotsUnderscoresAndHyphens() {
    checks(EveryScale.class)
        .checkName("E3_large-batch.v2", "@Experiment(id = \"x\")", "experiment id");

    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void reportsNamesThatCannotBePartOfFileNamesOrTrialIds() {
    checks(EveryScale.class)
        .checkName("bad label", "@Optimizer(label = \"bad label\")", "optimizer label");
    checks(EveryScale.class).checkName("a__b", "@Track(label = \"a__b\")", "track label");

    assertThat(annotations())
        .containsExactly("@Optimizer(label = \"bad label\")", "@Track(label = \"a__b\")");
    assertThat(messages().get(0))
        .startsWith(
            "the optimizer label 'bad label' may contain only "
                + "letters, digits, '.', '_' and '-', and not '__'")
        .endsWith("rename it.");
    assertThat(messages().get(1)).startsWith("the track label 'a__b' may contain only");
  }

  @Test
  void reportsAnAbstractExperiment() {
    checks(Abstract.class).checkConcrete();
    checks(EveryScale.class).checkConcrete();

    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Experiment");
              assertThat(p.message())
                  .contains("abstract or an interface")
                  .contains("preset annotation");
            });
  }

  @Test
  void returnsEveryScaleWhenTheExperimentListsNone() {
    assertThat(checks(EveryScale.class).experimentScales(experiment(EveryScale.class)))
        .containsExactly(Scale.SMOKE, Scale.CI, Scale.STUDY, Scale.PAPER);
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void returnsTheListedScalesInTheirOrderAndReportsEachDeclarationAtAnUnlistedScale() {
    List<Scale> scales = checks(Scales.class).experimentScales(experiment(Scales.class));

    assertThat(scales).containsExactly(Scale.CI, Scale.PAPER);
    String where = "@Experiment(scales = {CI, PAPER, CI})";
    assertThat(annotations())
        .containsExactly(
            where,
            "@Optimizer(label = \"SGD\")",
            "@Track(label = \"chain\")",
            "@AtScale(scale = SMOKE)");
    assertThat(messages().get(0)).isEqualTo("the scale ci is listed twice; list each scale once.");
    assertThat(messages().get(1))
        .isEqualTo(
            "its scale(s) smoke are not among the experiment's "
                + "scales ci, paper ("
                + where
                + "), so it never applies there; remove Scale.SMOKE from "
                + "its scales or add them to @Experiment(scales = ...).");
    assertThat(messages().get(2)).startsWith("its scale(s) smoke are not among");
    assertThat(messages().get(3))
        .isEqualTo(
            "the experiment exists only at scale(s) ci, paper ("
                + where
                + "), so values for scale smoke are never used; remove this @AtScale or add "
                + "Scale.SMOKE to @Experiment(scales = ...).");
  }

  @Test
  void reportsBatchSizesBelowOneAndDuplicates() {
    DeclarationChecks.checkBatchSizes(List.of(32, 64), "@BatchSizes", problems);
    assertThat(problems.isEmpty()).isTrue();

    DeclarationChecks.checkBatchSizes(List.of(-1, 32, 32), "@BatchSizes", problems);
    assertThat(messages())
        .containsExactly(
            "the batch size -1 is not positive; use sizes of at least 1.",
            "the batch sizes [-1, 32, 32] contain duplicates; list each size once.");
  }

  @Test
  void reportsOptimizerMethodsLabelsBatchSizesAndMissingEpochs() {
    checks(Optimizers.class)
        .checkOptimizers(optimizers(Optimizers.class), Scale.SMOKE, List.of(), 0);

    assertThat(annotations())
        .containsExactly(
            "@Optimizer(label = \"SGD\")", "@Optimizer(label = \"SGD\")",
            "@Optimizer(label = \"SGD\")", "@Optimizer(label = \"SGD\")",
            "@Optimizer(label = \"SGD\")", "@Optimizer(label = \"SGD\")",
            "@Optimizer(label = \"bad label\")", "@Optimizer(label = \"bad label\")");
    List<String> messages = messages();
    assertThat(messages.get(0)).startsWith("no batch sizes at scale smoke: add @BatchSizes({...})");
    assertThat(messages.get(1)).startsWith("no epochs at scale smoke: add @Epochs(n)");
    assertThat(messages.get(2))
        .contains("the method 'Adagrad' is unknown")
        .endsWith("; fix @Optimizer(method = ..., settings = ...).");
    assertThat(messages.get(3)).startsWith("the label 'SGD' is declared twice at scale smoke");
    assertThat(messages.get(4)).startsWith("no batch sizes at scale smoke");
    assertThat(messages.get(5)).startsWith("no epochs at scale smoke");
    assertThat(messages.get(6)).startsWith("the optimizer label 'bad label' may contain only");
    assertThat(messages.get(7))
        .startsWith("batchSizes = [64] has no effect on an optimizer that " + "is not standalone");
  }

  @Test
  void acceptsStandaloneOptimizersWithBatchSizesAndEpochs() {
    checks(Optimizers.class)
        .checkOptimizers(optimizers(Optimizers.class).subList(0, 1), Scale.CI, List.of(32), 3);

    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void reportsTrackLabelsStagesAndMissingBatchSizes() {
    checks(Tracks.class)
        .checkTracks(tracks(Tracks.class), optimizers(Tracks.class), Scale.CI, List.of());

    assertThat(annotations())
        .containsExactly(
            "@Track(label = \"SGD\")",
            "@Track(label = \"SGD\")",
            "@Track(label = \"SGD\")",
            "@Track(label = \"SGD\")",
            "@Track(label = \"empty\")",
            "@Track(label = \"empty\")");
    List<String> messages = messages();
    assertThat(messages.get(0))
        .isEqualTo(
            "the label 'SGD' is already used by another @Optimizer "
                + "or @Track at scale ci; give the track its own label.");
    assertThat(messages.get(1))
        .isEqualTo(
            "the stage @Stage(method = \"TR\") names no @Optimizer "
                + "declared at scale ci; declared labels: [SGD]. Declare @Optimizer(label = \"TR\", ..., "
                + "standalone = false) or fix the stage.");
    assertThat(messages.get(2))
        .isEqualTo(
            "the stage @Stage(method = \"TR\", epochs = 0) must " + "train at least 1 epoch.");
    assertThat(messages.get(3))
        .isEqualTo(
            "no batch sizes at scale ci: add @BatchSizes({...}), "
                + "@AtScale(scale = CI, batchSizes = {...}) or @Track(batchSizes = {...}).");
    assertThat(messages.get(4)).startsWith("the track has no stages");
    assertThat(messages.get(5)).startsWith("no batch sizes at scale ci");
  }

  @Test
  void reportsAnExperimentThatTrainsWithoutWorkloadOrRunsNothing() {
    checks(EveryScale.class).checkWorkloadNamed(true, true, Scale.CI);
    checks(EveryScale.class).checkWorkloadNamed(false, false, Scale.CI);
    checks(Custom.class).checkSomethingToRun(false, Scale.CI);
    assertThat(problems.isEmpty()).isTrue();

    checks(EveryScale.class).checkWorkloadNamed(false, true, Scale.CI);
    checks(EveryScale.class).checkSomethingToRun(false, Scale.PAPER);

    assertThat(annotations()).containsExactly("@TrainOn", "@Experiment");
    assertThat(messages().get(0))
        .startsWith(
            "the experiment trains but names no workload at "
                + "scale ci; add @TrainOn(YourWorkload.class)");
    assertThat(messages().get(1))
        .startsWith(
            "nothing to run at scale paper: declare a standalone " + "@Optimizer or a @Track");
  }

  @Test
  void derivesAnAutomaticKindFromTheTrialsAndAsksACustomOnlyExperimentForIt() {
    Experiment auto = experiment(EveryScale.class);

    assertThat(checks(EveryScale.class).kind(auto, true, true)).isEqualTo(ExperimentKind.TRACKS);
    assertThat(checks(EveryScale.class).kind(auto, false, true)).isEqualTo(ExperimentKind.TRAINING);
    assertThat(checks(EveryScale.class).kind(auto, false, false))
        .isEqualTo(ExperimentKind.TRAINING);
    assertThat(checks(Custom.class).kind(experiment(Custom.class), false, false))
        .isEqualTo(ExperimentKind.SUBPROBLEM);
    assertThat(problems.isEmpty()).isTrue();

    checks(Custom.class).kind(auto, false, false);
    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("@Experiment");
              assertThat(p.message()).contains("kind = ExperimentKind.SUBPROBLEM");
            });
  }

  @Test
  void knowsTheKeysThatTrainingAndTrackTrialsRecordButNotThoseOfCustomTrials() {
    Set<String> keys = checks(Metered.class).recordedMetricKeys();

    assertThat(keys)
        .contains(
            "finalTestAccuracy", "bestTestAccuracy", "stage1.testAccuracy", "stage2.testAccuracy")
        .doesNotContain("stage3.testAccuracy", "finalTestAcc");
    assertThat(checks(Custom.class).recordedMetricKeys()).isEmpty();
    assertThat(checks(EveryScale.class).recordedMetricKeys()).isEmpty();
  }

  @Test
  void reportsMetricsAndPaperResultsThatNoTrialRecordsAndMalformedSettings() {
    DeclarationChecks checks = checks(Metered.class);
    Set<String> recorded = checks.recordedMetricKeys();

    checks.checkMetrics(recorded);
    List<PaperValue> values = checks.paperValues(recorded);

    String paper = "@PaperResult(metric = \"stage3.testAccuracy\", source = \"Table 1\")";
    assertThat(annotations()).containsExactly("@Metrics", paper, paper);
    assertThat(messages().get(0))
        .startsWith(
            "the metric 'finalTestAcc' is not recorded by the " + "trials of this experiment")
        .contains("use one of [");
    assertThat(messages().get(1)).startsWith("the metric 'stage3.testAccuracy' is not recorded");
    assertThat(messages().get(2))
        .isEqualTo("the setting 'nonsense' is not of the form key=value " + "(such as method=TR).");
    assertThat(values)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.setting())
                  .containsExactly(Map.entry("method", "TR"), Map.entry("batchSize", "64"));
              assertThat(v.value()).isEqualTo(0.5);
              assertThat(v.source()).isEqualTo("Table 1");
            });
  }

  @Test
  void acceptsAnyMetricOfAnExperimentWhoseTrialsRecordKeysOfTheirOwn() {
    DeclarationChecks checks = checks(Custom.class);

    checks.checkMetrics(checks.recordedMetricKeys());
    assertThat(checks.paperValues(checks.recordedMetricKeys())).hasSize(1);

    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void reportsCustomTrialsPlannedTwiceDependingOnUnplannedTrialsOrTakingATrainingTrialsId() {
    List<CustomTrial> customs =
        List.of(
            new CustomTrial("path", Map.of(), List.of("e__SGD__b64__r0")),
            new CustomTrial("path", Map.of(), List.of("e__TR__b64__r0")),
            CustomTrial.of("SGD__b64__r0", Map.of()));

    checks(Custom.class).checkCustomTrials("e", Scale.SMOKE, customs, Set.of("e__SGD__b64__r0"));

    assertThat(annotations())
        .containsExactly(
            "CustomTrials.planTrials: trial 'path'",
            "CustomTrials.planTrials: trial 'path'",
            "CustomTrials.planTrials: trial 'SGD__b64__r0'");
    assertThat(messages().get(0))
        .isEqualTo("the name is planned twice; give every custom trial " + "its own name.");
    assertThat(messages().get(1))
        .isEqualTo(
            "it depends on 'e__TR__b64__r0', which is not a "
                + "planned training trial of this experiment at scale smoke; planned: [e__SGD__b64__r0].");
    assertThat(messages().get(2))
        .startsWith(
            "its trial id 'e__SGD__b64__r0' is that of a training " + "trial of this experiment");
  }

  @Test
  void reportsAllowedDifferencesThatAreNeitherMethodSettingsNorTrialParameters() {
    TrialSpec trial =
        new TrialSpec(
            "d__SGD__b32__r0",
            TrialType.TRAINING,
            "SGD",
            32,
            0,
            1L,
            List.of(),
            Map.of("batchSize", "32", "method", "SGD"),
            Optional.empty());

    checks(Differences.class).checkAllowedDifferences(List.of(trial));

    assertThat(annotations()).containsExactly("@AllowedDifferences", "@AllowedDifferences");
    assertThat(messages().get(0))
        .startsWith(
            "the name 'learningRat' is neither a setting of the "
                + "experiment's methods nor a trial parameter")
        .contains("trial parameter [batchSize, method]");
    assertThat(messages().get(1)).startsWith("the name 'patience' is neither");
  }
}
