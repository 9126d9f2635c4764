package io.github.trustregion.framework.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.github.trustregion.framework.fixtures.DivergingExperiment;
import io.github.trustregion.framework.fixtures.LandscapeExperiment;
import io.github.trustregion.framework.fixtures.PaperOnlyExperiment;
import io.github.trustregion.framework.fixtures.SmokeExperiment;
import io.github.trustregion.framework.fixtures.SubproblemExperiment;
import io.github.trustregion.framework.fixtures.broken.BrokenExperiments;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Resolves each kind of selector into candidate experiment classes and trials. */
class ExperimentSelectorResolverTest {

  private static final UniqueId ENGINE = UniqueId.forEngine(ExperimentTestEngine.ENGINE_ID);
  private static final String FIXTURES = SmokeExperiment.class.getPackageName();
  private static final DiscoveryFilter<String> NOT_BROKEN =
      ClassNameFilter.excludeClassNamePatterns(".*\\.broken\\..*");

  private static UniqueId experiment(Class<?> type) {
    return ENGINE.append(ExperimentDescriptor.SEGMENT, type.getName());
  }

  private static UniqueId trial(Class<?> type, String trialId) {
    return experiment(type).append(TrialDescriptor.SEGMENT, trialId);
  }

  /**
   * Resolves the request; returns the candidate classes in order, each with its trial candidates.
   */
  private static Map<Class<?>, Candidate> resolve(EngineDiscoveryRequest request) {
    EngineDescriptor root = new EngineDescriptor(ENGINE, "test");
    ExperimentSelectorResolver.resolver()
        .resolve(ExperimentSelectorResolver.withConfiguredPackages(request), root);
    Map<Class<?>, Candidate> found = new LinkedHashMap<>();
    for (TestDescriptor child : root.getChildren()) {
      Candidate candidate = (Candidate) child;
      assertThat(found.put(candidate.experimentClass(), candidate)).as("listed once").isNull();
    }
    return found;
  }

  private static Map<Class<?>, Candidate> resolve(DiscoverySelector... selectors) {
    return resolve(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build());
  }

  private static List<String> trialCandidates(Candidate candidate) {
    return candidate.getChildren().stream()
        .map(c -> c.getUniqueId().getLastSegment().getValue())
        .toList();
  }

  @Test
  void selectsAnExperimentClassWithAllItsTrialsAndIgnoresOtherClasses() {
    Map<Class<?>, Candidate> found =
        resolve(
            selectClass(SmokeExperiment.class),
            selectClass(ExperimentSelectorResolverTest.class),
            selectClass(String.class));

    assertThat(found).containsOnlyKeys(SmokeExperiment.class);
    Candidate smoke = found.get(SmokeExperiment.class);
    assertThat(smoke.getUniqueId()).isEqualTo(experiment(SmokeExperiment.class));
    assertThat(smoke.getType()).isEqualTo(TestDescriptor.Type.CONTAINER);
    assertThat(smoke.selectsTrial("any trial")).isTrue();
  }

  @Test
  void selectsTheExperimentClassesOfAPackageAndItsSubpackagesSortedByName() {
    Map<Class<?>, Candidate> found = resolve(selectPackage(FIXTURES));

    assertThat(found.keySet())
        .contains(
            SmokeExperiment.class, LandscapeExperiment.class, BrokenExperiments.NoBatchSizes.class);
    assertThat(found.keySet()).noneMatch(c -> c.getSimpleName().equals("SmallBatchSweep"));
    List<String> names = found.keySet().stream().map(Class::getName).toList();
    assertThat(names).isSorted();
  }

  @Test
  void appliesClassNameAndPackageNameFiltersToEverySelectedClass() {
    Map<Class<?>, Candidate> found =
        resolve(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(
                    selectPackage(FIXTURES),
                    selectClass(BrokenExperiments.ZeroRepeats.class),
                    selectUniqueId(experiment(BrokenExperiments.NoBatchSizes.class)))
                .filters(NOT_BROKEN)
                .build());

    assertThat(found)
        .containsKey(SmokeExperiment.class)
        .doesNotContainKeys(
            BrokenExperiments.ZeroRepeats.class, BrokenExperiments.NoBatchSizes.class);

    Map<Class<?>, Candidate> onlyFixtures =
        resolve(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(
                    selectClass(SmokeExperiment.class),
                    selectClass(BrokenExperiments.ZeroRepeats.class))
                .filters(
                    PackageNameFilter.excludePackageNames(BrokenExperiments.class.getPackageName()))
                .build());
    assertThat(onlyFixtures).containsOnlyKeys(SmokeExperiment.class);
  }

  @Test
  void selectsTheExperimentClassesUnderAClassPathRoot() throws URISyntaxException {
    Path root =
        Path.of(SmokeExperiment.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    Map<Class<?>, Candidate> found =
        resolve(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(root)))
                .filters(NOT_BROKEN)
                .build());

    assertThat(found.keySet())
        .contains(SmokeExperiment.class, DivergingExperiment.class, PaperOnlyExperiment.class)
        .noneMatch(c -> c.getName().contains(".broken."));
  }

  @Test
  void selectsAWholeExperimentByItsUniqueId() {
    Map<Class<?>, Candidate> found = resolve(selectUniqueId(experiment(DivergingExperiment.class)));

    assertThat(found).containsOnlyKeys(DivergingExperiment.class);
    assertThat(found.get(DivergingExperiment.class).selectsTrial("diverging__SGD__b64__r0"))
        .isTrue();
  }

  @Test
  void selectsOnlyTheTrialsNamedByTheirUniqueIds() {
    Map<Class<?>, Candidate> found =
        resolve(
            selectUniqueId(trial(DivergingExperiment.class, "diverging__SGD__b64__r0")),
            selectUniqueId(trial(DivergingExperiment.class, "diverging__SGD-huge__b64__r0")));

    Candidate diverging = found.get(DivergingExperiment.class);
    assertThat(trialCandidates(diverging))
        .containsExactly("diverging__SGD__b64__r0", "diverging__SGD-huge__b64__r0");
    assertThat(diverging.getChildren())
        .allSatisfy(c -> assertThat(c.getType()).isEqualTo(TestDescriptor.Type.TEST));
    assertThat(diverging.selectsTrial("diverging__SGD__b64__r0")).isTrue();
    assertThat(diverging.selectsTrial("diverging__other__b64__r0")).isFalse();
  }

  @Test
  void selectsEveryTrialOfAClassSelectedWhollyAndByOneTrialInEitherOrder() {
    String one = "diverging__SGD__b64__r0";
    List<List<DiscoverySelector>> requests =
        List.of(
            List.of(
                selectUniqueId(trial(DivergingExperiment.class, one)),
                selectUniqueId(experiment(DivergingExperiment.class))),
            List.of(
                selectUniqueId(experiment(DivergingExperiment.class)),
                selectUniqueId(trial(DivergingExperiment.class, one))),
            List.of(
                selectUniqueId(trial(DivergingExperiment.class, one)),
                selectClass(DivergingExperiment.class)));
    for (List<DiscoverySelector> selectors : requests) {
      Map<Class<?>, Candidate> found = resolve(selectors.toArray(DiscoverySelector[]::new));

      assertThat(found).as(selectors.toString()).containsOnlyKeys(DivergingExperiment.class);
      assertThat(found.get(DivergingExperiment.class).selectsTrial("diverging__SGD-huge__b64__r0"))
          .as(selectors.toString())
          .isTrue();
    }
  }

  @Test
  void ignoresUniqueIdsOfOtherEnginesUnknownClassesAndOtherSegments() {
    assertThat(
            resolve(
                selectUniqueId(
                    UniqueId.forEngine("junit-jupiter")
                        .append("class", SmokeExperiment.class.getName())),
                selectUniqueId(ENGINE.append(ExperimentDescriptor.SEGMENT, "no.such.Experiment")),
                selectUniqueId(ENGINE.append("class", SmokeExperiment.class.getName()))))
        .isEmpty();
  }

  @Test
  void selectsTheTrialThatAMethodSelectorNamesAsTestReportsDo() {
    Map<Class<?>, Candidate> found =
        resolve(
            selectMethod(DivergingExperiment.class.getName(), "diverging__SGD__b64__r0"),
            selectMethod(
                ExperimentSelectorResolverTest.class.getName(),
                "selectsTheTrialThatAMethodSelectorNamesAsTestReportsDo"),
            selectMethod("no.such.Class", "method"));

    assertThat(found).containsOnlyKeys(DivergingExperiment.class);
    assertThat(trialCandidates(found.get(DivergingExperiment.class)))
        .containsExactly("diverging__SGD__b64__r0");
    assertThat(found.get(DivergingExperiment.class).selectsTrial("diverging__SGD-huge__b64__r0"))
        .isFalse();
  }

  @Test
  void addsThePackagesOfTheParameterUnlessTheRequestSelectsByUniqueIdAlone() {
    String packages = SubproblemExperiment.class.getPackageName() + ".broken , ";

    Map<Class<?>, Candidate> withClass =
        resolve(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SmokeExperiment.class))
                .configurationParameter(ExperimentTestEngine.PACKAGES, packages)
                .build());
    assertThat(withClass).containsKeys(SmokeExperiment.class, BrokenExperiments.NoBatchSizes.class);

    Map<Class<?>, Candidate> byUniqueId =
        resolve(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId(experiment(DivergingExperiment.class)))
                .configurationParameter(ExperimentTestEngine.PACKAGES, packages)
                .build());
    assertThat(byUniqueId).containsOnlyKeys(DivergingExperiment.class);
  }

  @Test
  void listsClassesSelectedByNameThenThoseOfPackagesThenThoseOfTheParameterThenUniqueIds() {
    Map<Class<?>, Candidate> found =
        resolve(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(
                    selectUniqueId(experiment(BrokenExperiments.ZeroRepeats.class)),
                    selectPackage(FIXTURES + ".broken"),
                    selectClass(DivergingExperiment.class))
                .configurationParameter(ExperimentTestEngine.PACKAGES, FIXTURES)
                .filters(
                    ClassNameFilter.excludeClassNamePatterns(
                        ".*ZeroRepeats"
                            + "|.*broken\\.BrokenExperiments\\$(?!NoBatchSizes).*|.*NearMisses.*"))
                .build());

    assertThat(found.keySet()).first().isEqualTo(DivergingExperiment.class);
    List<Class<?>> order = List.copyOf(found.keySet());
    assertThat(order.get(1)).isEqualTo(BrokenExperiments.NoBatchSizes.class);
    assertThat(order.subList(2, order.size()))
        .contains(SmokeExperiment.class)
        .doesNotContain(DivergingExperiment.class, BrokenExperiments.NoBatchSizes.class);
  }
}
