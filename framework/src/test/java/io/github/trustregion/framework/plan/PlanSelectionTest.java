package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentPlanner.PlanOutcome;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Plans candidate classes, keeps those the filter selects, and collects their problems. */
class PlanSelectionTest {

  private static PlanSelection select(ExperimentOptions options, Class<?>... candidates) {
    return PlanSelection.of(
        new ExperimentPlanner(MethodRegistry.standard(), options), List.of(candidates));
  }

  private static PlanSelection select(String filter, Class<?>... candidates) {
    return select(
        ExperimentOptions.defaults(Scale.SMOKE).withFilter(Pattern.compile(filter)), candidates);
  }

  @Test
  void keepsEveryCandidateInItsOrderWithoutFilter() {
    PlanSelection selection = select("", SmokeExperiment.class, DivergingExperiment.class);

    assertThat(selection.outcomes())
        .extracting(PlanOutcome::type)
        .containsExactly(SmokeExperiment.class, DivergingExperiment.class);
    assertThat(selection.plans())
        .extracting(ExperimentPlan::experimentId)
        .containsExactly("smoke-training", "diverging");
    assertThat(selection.problems()).isEmpty();
    assertThat(selection.isEmpty()).isFalse();
  }

  @Test
  void selectsByDeclaredIdOrByClassName() {
    assertThat(select("^smoke-", SmokeExperiment.class, DivergingExperiment.class).outcomes())
        .extracting(PlanOutcome::type)
        .containsExactly(SmokeExperiment.class);
    assertThat(select("Diverging", SmokeExperiment.class, DivergingExperiment.class).outcomes())
        .extracting(PlanOutcome::type)
        .containsExactly(DivergingExperiment.class);
    assertThat(select("^nothing$", SmokeExperiment.class).isEmpty()).isTrue();
  }

  @Test
  void selectsAnInvalidExperimentByItsDeclaredIdAndReportsItsProblems() {
    PlanSelection selection =
        select("^no-batch-sizes$", SmokeExperiment.class, BrokenExperiments.NoBatchSizes.class);

    assertThat(selection.outcomes())
        .extracting(PlanOutcome::type)
        .containsExactly(BrokenExperiments.NoBatchSizes.class);
    assertThat(selection.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.className()).isEqualTo(BrokenExperiments.NoBatchSizes.class.getName());
              assertThat(p.message()).contains("no batch sizes at scale smoke");
            });
    assertThat(selection.plans()).isEmpty();
  }

  @Test
  void leavesOutProblemsOfCandidatesTheFilterDoesNotSelect() {
    assertThat(
            select("^smoke-", SmokeExperiment.class, BrokenExperiments.NoBatchSizes.class)
                .problems())
        .isEmpty();
  }

  @Test
  void reportsAnIdThatTwoSelectedClassesUseAgainstTheSecondOnly() {
    PlanSelection selection =
        select("", PaperOnlyExperiment.class, BrokenExperiments.PaperOnlyIdAgain.class);

    assertThat(selection.problemsOf(PaperOnlyExperiment.class)).isEmpty();
    assertThat(selection.problemsOf(BrokenExperiments.PaperOnlyIdAgain.class))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains(
                        "the id 'paper-only' is also used by "
                            + PaperOnlyExperiment.class.getName()));
    assertThat(selection.problems()).hasSize(1);
    assertThat(selection.notDeclared())
        .extracting(PlanOutcome::type)
        .containsExactly(PaperOnlyExperiment.class);
  }

  @Test
  void separatesPlansAtTheScaleFromExperimentsDeclaredOnlyAtOtherScales() {
    PlanSelection smoke = select("", PaperOnlyExperiment.class, SmokeExperiment.class);

    assertThat(smoke.plans())
        .extracting(ExperimentPlan::experimentId)
        .containsExactly("smoke-training");
    assertThat(smoke.notDeclared())
        .extracting(PlanOutcome::experimentId)
        .containsExactly("paper-only");

    PlanSelection paper =
        select(
            ExperimentOptions.defaults(Scale.PAPER),
            PaperOnlyExperiment.class,
            SmokeExperiment.class);
    assertThat(paper.plans())
        .extracting(ExperimentPlan::experimentId)
        .containsExactly("paper-only", "smoke-training");
    assertThat(paper.notDeclared()).isEmpty();
  }
}
