package io.github.trustregion.framework.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import io.github.trustregion.framework.plan.ExperimentOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Discovers the test tree of selected experiments without running a trial. */
class ExperimentTestEngineDiscoveryTest {

  private static final UniqueId ENGINE = UniqueId.forEngine(ExperimentTestEngine.ENGINE_ID);

  private static TestDescriptor discover(String filter, DiscoverySelector... selectors) {
    return new ExperimentTestEngine()
        .discover(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter(ExperimentTestEngine.ENABLED, "true")
                .configurationParameter(ExperimentOptions.SCALE, "smoke")
                .configurationParameter(ExperimentOptions.FILTER, filter)
                .build(),
            ENGINE);
  }

  private static TestDescriptor discover(DiscoverySelector... selectors) {
    return discover("", selectors);
  }

  private static List<String> experiments(TestDescriptor engine) {
    return engine.getChildren().stream()
        .map(c -> c.getUniqueId().getLastSegment().getValue())
        .toList();
  }

  private static List<String> trials(TestDescriptor experiment) {
    return experiment.getChildren().stream()
        .map(c -> c.getUniqueId().getLastSegment().getValue())
        .toList();
  }

  private static TestDescriptor only(TestDescriptor engine) {
    assertThat(engine.getChildren()).hasSize(1);
    return engine.getChildren().iterator().next();
  }

  @Test
  void discoversEveryTrialOfASelectedClassInPlanOrder() {
    TestDescriptor experiment = only(discover(selectClass(DivergingExperiment.class)));

    assertThat(experiment).isInstanceOf(ExperimentDescriptor.class);
    assertThat(experiment.getUniqueId())
        .isEqualTo(
            ENGINE.append(ExperimentDescriptor.SEGMENT, DivergingExperiment.class.getName()));
    assertThat(trials(experiment))
        .containsExactly("diverging__SGD-huge__b64__r0", "diverging__SGD__b64__r0");
    assertThat(experiment.getChildren())
        .allSatisfy(t -> assertThat(t).isInstanceOf(TrialDescriptor.class));
  }

  @Test
  void discoversOnlyTheTrialThatAMethodSelectorNames() {
    TestDescriptor experiment =
        only(
            discover(selectMethod(DivergingExperiment.class.getName(), "diverging__SGD__b64__r0")));

    assertThat(trials(experiment)).containsExactly("diverging__SGD__b64__r0");
  }

  @Test
  void discoversAllTrialsInPlanOrderWhenOneTrialAndItsClassAreSelected() {
    UniqueId trial =
        ENGINE
            .append(ExperimentDescriptor.SEGMENT, DivergingExperiment.class.getName())
            .append(TrialDescriptor.SEGMENT, "diverging__SGD__b64__r0");

    TestDescriptor experiment =
        only(discover(selectUniqueId(trial), selectClass(DivergingExperiment.class)));

    assertThat(trials(experiment))
        .containsExactly("diverging__SGD-huge__b64__r0", "diverging__SGD__b64__r0");
  }

  @Test
  void discoversNothingForAUniqueIdOfThisEngineThatNamesNoClassAndDoesNotFail() {
    TestDescriptor engine =
        discover(
            selectUniqueId(ENGINE.append(ExperimentDescriptor.SEGMENT, "no.such.Experiment")),
            selectClass(DivergingExperiment.class));

    assertThat(experiments(engine)).containsExactly(DivergingExperiment.class.getName());
  }

  @Test
  void discoversOnlyTheExperimentsThatTheFilterSelectsInTheOrderOfTheSelectors() {
    TestDescriptor engine =
        discover(
            "SmokeExperiment$|PaperOnlyExperiment$|NoBatchSizes$",
            selectPackage(SmokeExperiment.class.getPackageName() + ".broken"),
            selectClass(SmokeExperiment.class),
            selectClass(PaperOnlyExperiment.class),
            selectClass(DivergingExperiment.class));

    assertThat(experiments(engine))
        .containsExactly(
            SmokeExperiment.class.getName(),
            PaperOnlyExperiment.class.getName(),
            BrokenExperiments.NoBatchSizes.class.getName());
    List<ExperimentDescriptor> experiments =
        engine.getChildren().stream().map(ExperimentDescriptor.class::cast).toList();
    assertThat(experiments.get(0).plan()).isPresent();
    assertThat(experiments.get(1).notDeclared())
        .hasValueSatisfying(reason -> assertThat(reason).contains("only at scale(s) paper"));
    assertThat(experiments.get(1).getChildren()).isEmpty();
    assertThat(experiments.get(2).problems()).isNotEmpty();
    assertThat(experiments.get(2).getChildren()).isEmpty();
  }
}
