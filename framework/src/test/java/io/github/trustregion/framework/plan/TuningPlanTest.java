package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.TuningExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenTunings;
import io.github.trustregion.framework.method.MethodRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningPlanTest {

  private static ExperimentPlanner.PlanOutcome plan(Class<?> type) {
    return new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.SMOKE))
        .plan(type);
  }

  private static List<String> messages(Class<?> type) {
    return plan(type).problems().stream().map(p -> p.annotation() + ": " + p.message()).toList();
  }

  @Test
  void plansTheTuningTrialsFirstThenTheRepeatsMarkedWithTheirTuning() {
    ExperimentPlan plan = plan(TuningExperiment.class).orThrow();

    assertThat(plan.trials().subList(0, 6))
        .extracting(TrialSpec::trialId)
        .containsExactly(
            "smoke-tuning__SGD-tuned__tune0__b32__r0",
            "smoke-tuning__SGD-tuned__tune1__b32__r0",
            "smoke-tuning__SGD-tuned__tune2__b32__r0",
            "smoke-tuning__SGD-tuned__tune0__b64__r0",
            "smoke-tuning__SGD-tuned__tune1__b64__r0",
            "smoke-tuning__SGD-tuned__tune2__b64__r0");
    assertThat(plan.trials()).hasSize(6 + 8);
    TrialSpec point = plan.trials().get(2);
    assertThat(point.type()).isEqualTo(TrialType.TUNING);
    assertThat(point.parameters())
        .containsEntry("trialType", "tuning")
        .containsEntry("tuningPoint", "learningRate=3.0")
        .containsEntry("tuningMetric", "finalValidationAccuracy");
    assertThat(point.stages().get(0).settings()).containsEntry("learningRate", "3.0");
    TrialSpec tunedRepeat =
        plan.trials().stream()
            .filter(t -> t.trialId().equals("smoke-tuning__SGD-tuned__b64__r1"))
            .findFirst()
            .orElseThrow();
    assertThat(plan.tuningOf(tunedRepeat)).isPresent();
    assertThat(tunedRepeat.parameters()).containsEntry("tuningBudget", "12");
    TrialSpec fixed =
        plan.trials().stream()
            .filter(t -> t.trialId().equals("smoke-tuning__SGD__b64__r1"))
            .findFirst()
            .orElseThrow();
    assertThat(plan.tuningOf(fixed)).isEmpty();
    assertThat(fixed.parameters())
        .containsEntry("tuning", "not tuned")
        .containsEntry("tuningBudget", "0");
    assertThat(plan.tuningOf(point)).isEmpty();
  }

  @Test
  void tuningTrialsShareTheirSeedsAcrossPointsAndDifferFromTheRepeats() {
    ExperimentPlan plan = plan(TuningExperiment.class).orThrow();

    assertThat(plan.trials().subList(0, 6))
        .extracting(TrialSpec::seed)
        .containsOnly(plan.trials().get(0).seed());
    assertThat(plan.trials().subList(6, 14))
        .extracting(TrialSpec::seed)
        .doesNotContain(plan.trials().get(0).seed());
  }

  @Test
  void refusesAGridWithAnUnknownSettingNamingTheAnnotationAndTheKnownSettings() {
    assertThat(messages(BrokenTunings.UnknownSetting.class))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith("@Tune(optimizer = \"SGD\")")
                    .contains("stepSize")
                    .contains("learningRate"));
  }

  @Test
  void refusesAnEmptyListAndAnEmptyGridNamingTheAnnotation() {
    assertThat(messages(BrokenTunings.EmptyList.class))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("@Tune(optimizer = \"SGD\")").contains("empty"));
    assertThat(messages(BrokenTunings.EmptyGrid.class))
        .singleElement()
        .satisfies(
            m -> assertThat(m).startsWith("@Tune(optimizer = \"SGD\")").contains("grid is empty"));
  }

  @Test
  void refusesATuneNamingNoDeclaredOptimizer() {
    assertThat(messages(BrokenTunings.UnknownOptimizer.class))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("@Tune(optimizer = \"Adam\")").contains("[SGD]"));
  }

  @Test
  void refusesUnequalTuningBudgetsNamingTheMethodsAndTheirBudgets() {
    assertThat(messages(BrokenTunings.UnequalBudgets.class))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains("different tuning budgets")
                    .contains("SGD: 3 grid points")
                    .contains("= 3 epochs")
                    .contains("TR: 2 grid points")
                    .contains("= 2 epochs")
                    .contains("@AllowedDifferences({\"tuningBudget\"})"));
  }

  @Test
  void acceptsUnequalBudgetsThatAllowedDifferencesDeclares() {
    ExperimentPlan plan = plan(BrokenTunings.UnequalBudgetsAllowed.class).orThrow();

    assertThat(plan.tunings()).extracting(TuningSpec::budget).containsExactly(3, 2);
    assertThat(plan.trials()).hasSize(3 + 2 + 2);
  }
}
