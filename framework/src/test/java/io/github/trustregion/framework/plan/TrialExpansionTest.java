package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.custom.CustomOutcome;
import io.github.trustregion.framework.custom.CustomPlanContext;
import io.github.trustregion.framework.custom.CustomRunContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.PlannedTrial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

/** Expands a definition into trials: ids, seeds, parameters and their order. */
class TrialExpansionTest {

  @Experiment
  @Optimizer(label = "SGD", method = "SGD", settings = "learningRate=0.5")
  @Optimizer(label = "TR", method = "TR", batchSizes = 128)
  @Optimizer(label = "Adam", method = "Adam", standalone = false)
  @Track(
      label = "Adam-SGD",
      stages = {@Stage(method = "Adam", epochs = 2), @Stage(method = "SGD", epochs = 3)},
      batchSizes = 64)
  static class Declared {}

  /** Plans one trial per training trial it is given, remembering what it was given. */
  static class PairsUp implements CustomTrials {
    final List<CustomPlanContext> contexts = new ArrayList<>();

    @Override
    public List<CustomTrial> planTrials(CustomPlanContext context) {
      contexts.add(context);
      return context.trainingTrials().stream()
          .map(
              t ->
                  new CustomTrial(
                      "eval-" + t.parameters().get("method") + "-r" + t.parameters().get("repeat"),
                      Map.of("of", t.trialId()),
                      List.of(t.trialId())))
          .toList();
    }

    @Override
    public CustomOutcome runTrial(CustomTrial trial, CustomRunContext context) {
      throw new UnsupportedOperationException("never run");
    }
  }

  private static final MethodRegistry REGISTRY = MethodRegistry.standard();

  private static ExperimentDefinition definition(
      List<Integer> batchSizes, int repeats, Optional<CustomTrials> custom) {
    return new ExperimentDefinition(
        Declared.class,
        "e",
        "E",
        "",
        ExperimentKind.TRACKS,
        Scale.CI,
        Optional.empty(),
        batchSizes,
        4,
        repeats,
        0,
        11L,
        0.0005,
        0,
        0,
        List.of(),
        List.of(),
        List.of(),
        custom);
  }

  private static List<Optimizer> optimizers() {
    return AnnotationSupport.findRepeatableAnnotations(Declared.class, Optimizer.class);
  }

  private static List<TrialSpec> trainingTrials(ExperimentDefinition d) {
    List<Optimizer> optimizers = optimizers();
    return TrialExpansion.trainingTrials(
        d,
        TrialExpansion.methods(optimizers, REGISTRY, 4),
        optimizers.stream().filter(Optimizer::standalone).toList(),
        AnnotationSupport.findRepeatableAnnotations(Declared.class, Track.class));
  }

  @Test
  void resolvesTheSettingsOfEveryOptimizerLabelWithTheExperimentsEpochs() {
    Map<String, StageSpec> methods = TrialExpansion.methods(optimizers(), REGISTRY, 4);

    assertThat(methods).containsOnlyKeys("SGD", "TR", "Adam");
    StageSpec sgd = methods.get("SGD");
    assertThat(sgd.method()).isEqualTo("SGD");
    assertThat(sgd.epochs()).isEqualTo(4);
    assertThat(sgd.settingStrings()).containsExactly("learningRate=0.5");
    assertThat(sgd.settings()).containsEntry("learningRate", "0.5");
  }

  @Test
  void ordersTrialsByRepeatThenIncreasingBatchSizeThenOptimizersThenTracks() {
    List<TrialSpec> trials = trainingTrials(definition(List.of(64, 32), 2, Optional.empty()));

    assertThat(trials)
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "e__SGD__b32__r0",
            "e__SGD__b64__r0",
            "e__Adam-SGD__b64__r0",
            "e__TR__b128__r0",
            "e__SGD__b32__r1",
            "e__SGD__b64__r1",
            "e__Adam-SGD__b64__r1",
            "e__TR__b128__r1");
    assertThat(trials)
        .extracting(TrialSpec::type)
        .containsExactly(
            TrialType.TRAINING,
            TrialType.TRAINING,
            TrialType.TRACK,
            TrialType.TRAINING,
            TrialType.TRAINING,
            TrialType.TRAINING,
            TrialType.TRACK,
            TrialType.TRAINING);
  }

  @Test
  void givesEveryTrialOfARepeatTheSeedOfThatRepeat() {
    List<TrialSpec> trials = trainingTrials(definition(List.of(32, 64), 2, Optional.empty()));

    assertThat(trials)
        .allSatisfy(
            t -> {
              assertThat(t.seed()).isEqualTo(Seeds.trialSeed(11L, t.repeat()));
              assertThat(t.parameters()).containsEntry("seed", Long.toString(t.seed()));
            });
    assertThat(Seeds.trialSeed(11L, 0)).isNotEqualTo(Seeds.trialSeed(11L, 1));
  }

  @Test
  void writesTheParametersOfATrainingTrialInTheirOrder() {
    TrialSpec sgd = trainingTrials(definition(List.of(32), 1, Optional.empty())).get(0);

    assertThat(sgd.label()).isEqualTo("SGD");
    assertThat(sgd.batchSize()).isEqualTo(32);
    assertThat(sgd.stages()).singleElement().satisfies(s -> assertThat(s.epochs()).isEqualTo(4));
    assertThat(sgd.parameters())
        .containsExactly(
            Map.entry("method", "SGD"),
            Map.entry("batchSize", "32"),
            Map.entry("seed", Long.toString(Seeds.trialSeed(11L, 0))),
            Map.entry("repeat", "0"),
            Map.entry("scale", "ci"),
            Map.entry("trialType", "training"),
            Map.entry("weightDecay", "5.0E-4"),
            Map.entry("optimizer", "SGD"),
            Map.entry("epochs", "4"));
  }

  @Test
  void givesATrackTrialItsStagesWithTheirOwnEpochsAndTheirSum() {
    TrialSpec track =
        trainingTrials(definition(List.of(32), 1, Optional.empty())).stream()
            .filter(t -> t.type() == TrialType.TRACK)
            .findFirst()
            .orElseThrow();

    assertThat(track.stages())
        .extracting(StageSpec::label, StageSpec::method, StageSpec::epochs)
        .containsExactly(Tuple.tuple("Adam", "Adam", 2), Tuple.tuple("SGD", "SGD", 3));
    assertThat(track.stages().get(1).settings()).containsEntry("learningRate", "0.5");
    assertThat(track.parameters())
        .containsEntry("stages", "Adam(2) > SGD(3)")
        .containsEntry("epochs", "5")
        .containsEntry("trialType", "track")
        .doesNotContainKey("optimizer");
    assertThat(track.totalEpochs()).isEqualTo(5);
  }

  @Test
  void plansCustomTrialsFromTheTrainingTrialsAndGivesThemTheExperimentsIdAndSeed() {
    PairsUp custom = new PairsUp();
    ExperimentDefinition d = definition(List.of(32), 1, Optional.of(custom));
    List<TrialSpec> training = trainingTrials(d);
    Problems problems = new Problems(Declared.class.getName());

    List<CustomTrial> customs = TrialExpansion.planCustomTrials(d, training, problems);
    List<TrialSpec> trials = TrialExpansion.customTrialSpecs(d, customs);

    assertThat(problems.isEmpty()).isTrue();
    assertThat(custom.contexts)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.experimentId()).isEqualTo("e");
              assertThat(c.trainingTrials())
                  .extracting(PlannedTrial::trialId)
                  .containsExactly("e__SGD__b32__r0", "e__Adam-SGD__b64__r0", "e__TR__b128__r0");
            });
    assertThat(trials)
        .extracting(TrialSpec::trialId)
        .containsExactly("e__eval-SGD-r0", "e__eval-Adam-SGD-r0", "e__eval-TR-r0");
    assertThat(trials)
        .allSatisfy(
            t -> {
              assertThat(t.type()).isEqualTo(TrialType.CUSTOM);
              assertThat(t.seed()).isEqualTo(11L);
              assertThat(t.stages()).isEmpty();
              assertThat(t.custom()).isPresent();
            });
    assertThat(trials.get(0).parameters())
        .containsExactly(
            Map.entry("of", "e__SGD__b32__r0"),
            Map.entry("scale", "ci"),
            Map.entry("trialType", "custom"));
  }

  @Test
  void reportsAPlanTrialsThatThrowsAndPlansNoCustomTrial() {
    CustomTrials failing =
        new PairsUp() {
          @Override
          public List<CustomTrial> planTrials(CustomPlanContext context) {
            throw new IllegalStateException("read a file");
          }
        };
    ExperimentDefinition d = definition(List.of(32), 1, Optional.of(failing));
    Problems problems = new Problems(Declared.class.getName());

    assertThat(TrialExpansion.planCustomTrials(d, trainingTrials(d), problems)).isEmpty();
    assertThat(problems.list())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.annotation()).isEqualTo("CustomTrials.planTrials");
              assertThat(p.message())
                  .isEqualTo(
                      "planning the custom trials threw "
                          + "java.lang.IllegalStateException: read a file; planTrials must not fail (and must not "
                          + "load data).");
            });
  }

  @Test
  void plansNoCustomTrialForAnExperimentThatDoesNotPlanAny() {
    ExperimentDefinition d = definition(List.of(32), 1, Optional.empty());

    assertThat(TrialExpansion.planCustomTrials(d, trainingTrials(d), new Problems("x"))).isEmpty();
  }

  @Test
  void namesTrainingAndCustomTrialsByExperimentLabelBatchSizeAndRepeatOrByName() {
    assertThat(TrialExpansion.trialId("e3", "SGD-TR", 512, 2)).isEqualTo("e3__SGD-TR__b512__r2");
    assertThat(TrialExpansion.customTrialId("e4", CustomTrial.of("path", Map.of())))
        .isEqualTo("e4__path");
  }
}
