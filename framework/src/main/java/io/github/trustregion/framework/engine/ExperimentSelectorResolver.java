package io.github.trustregion.framework.engine;

import io.github.trustregion.framework.plan.ExperimentDiscovery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves the selectors of a discovery request into {@link Candidate}s: experiment classes and the
 * trials selected one by one.
 *
 * <ul>
 *   <li>a class selector selects the class with all its trials, if it is an experiment ({@link
 *       ExperimentDiscovery#isExperiment}); other classes belong to other engines;
 *   <li>a package or class-path-root selector selects the experiment classes found there, sorted by
 *       name;
 *   <li>a unique-id selector {@code [engine:...]/[experiment:<class>]} selects the class with all
 *       its trials, {@code .../[trial:<trial id>]} that trial only (as IDEs re-run a test);
 *   <li>a method selector whose class is an experiment and whose method name is a trial id (the
 *       source of a trial descriptor, as test reports name it) selects that trial.
 * </ul>
 *
 * <p>The request's class-name and package-name filters apply to every class. Selecting a class
 * wholly and one of its trials selects the whole class.
 */
final class ExperimentSelectorResolver implements SelectorResolver {

  private final Predicate<String> classNameFilter;
  private final UniqueId engineId;

  private ExperimentSelectorResolver(Predicate<String> classNameFilter, UniqueId engineId) {
    this.classNameFilter = classNameFilter;
    this.engineId = engineId;
  }

  /** Returns the request resolver of the engine, which adds candidates to an engine descriptor. */
  static EngineDiscoveryRequestResolver<EngineDescriptor> resolver() {
    return EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
        .addSelectorResolver(
            context ->
                new ExperimentSelectorResolver(
                    context.getClassNameFilter(), context.getEngineDescriptor().getUniqueId()))
        .build();
  }

  /**
   * Returns the request with its selectors in the order in which the engine lists experiments
   * (classes, then packages, class-path roots, the packages of the parameter {@value
   * ExperimentTestEngine#PACKAGES}, unique ids, methods and the rest), where the packages of that
   * parameter are added as package selectors unless the request selects by unique id alone.
   */
  static EngineDiscoveryRequest withConfiguredPackages(EngineDiscoveryRequest request) {
    List<DiscoverySelector> selectors =
        new ArrayList<>(request.getSelectorsByType(DiscoverySelector.class));
    boolean onlyUniqueIds =
        selectors.stream().anyMatch(UniqueIdSelector.class::isInstance)
            && selectors.stream()
                .noneMatch(
                    s ->
                        s instanceof ClassSelector
                            || s instanceof PackageSelector
                            || s instanceof ClasspathRootSelector);
    if (!onlyUniqueIds) {
      request
          .getConfigurationParameters()
          .get(ExperimentTestEngine.PACKAGES)
          .ifPresent(
              packages ->
                  Arrays.stream(packages.split(","))
                      .map(String::trim)
                      .filter(p -> !p.isEmpty())
                      .forEach(p -> selectors.add(new ConfiguredPackage(p))));
    }
    selectors.sort(Comparator.comparingInt(ExperimentSelectorResolver::rank));
    List<DiscoverySelector> ordered =
        selectors.stream()
            .map(
                s ->
                    s instanceof ConfiguredPackage p
                        ? DiscoverySelectors.selectPackage(p.name())
                        : s)
            .toList();
    return new OrderedRequest(request, ordered);
  }

  private static int rank(DiscoverySelector selector) {
    if (selector instanceof ClassSelector) {
      return 0;
    } else if (selector instanceof PackageSelector) {
      return 1;
    } else if (selector instanceof ClasspathRootSelector) {
      return 2;
    } else if (selector instanceof ConfiguredPackage) {
      return 3;
    } else if (selector instanceof UniqueIdSelector) {
      return 4;
    } else if (selector instanceof MethodSelector) {
      return 5;
    }
    return 6;
  }

  /** A package of the parameter {@value ExperimentTestEngine#PACKAGES}, until it is ordered. */
  private record ConfiguredPackage(String name) implements DiscoverySelector {}

  /** A request with other selectors, otherwise the same. */
  private record OrderedRequest(EngineDiscoveryRequest request, List<DiscoverySelector> selectors)
      implements EngineDiscoveryRequest {

    @Override
    public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> selectorType) {
      return selectors.stream().filter(selectorType::isInstance).map(selectorType::cast).toList();
    }

    @Override
    public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> filterType) {
      return request.getFiltersByType(filterType);
    }

    @Override
    public ConfigurationParameters getConfigurationParameters() {
      return request.getConfigurationParameters();
    }

    @Override
    public EngineDiscoveryListener getDiscoveryListener() {
      return request.getDiscoveryListener();
    }
  }

  @Override
  public Resolution resolve(ClassSelector selector, Context context) {
    Optional<Class<?>> type = load(selector::getJavaClass);
    if (type.isEmpty() || !ExperimentDiscovery.isExperiment(type.get())) {
      return Resolution.unresolved();
    }
    return selectAll(type.get(), context);
  }

  @Override
  public Resolution resolve(PackageSelector selector, Context context) {
    return selectAll(
        ExperimentDiscovery.inPackage(selector.getPackageName(), classNameFilter), context);
  }

  @Override
  public Resolution resolve(ClasspathRootSelector selector, Context context) {
    return selectAll(ExperimentDiscovery.inClasspathRoot(selector.getClasspathRoot()), context);
  }

  /**
   * Resolves a unique id of this engine (the platform passes no other). An id that selects no
   * experiment (another segment type, an unknown class, a class the filters exclude) selects
   * nothing and is no error: it resolves to the engine itself, since the platform would abort the
   * whole discovery on an id of this engine left unresolved.
   */
  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
    if (segments.size() < 2 || !segments.get(1).getType().equals(ExperimentDescriptor.SEGMENT)) {
      return nothing();
    }
    Class<?> type;
    try {
      type =
          Class.forName(
              segments.get(1).getValue(), false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return nothing();
    }
    Resolution resolution =
        segments.size() >= 3 && segments.get(2).getType().equals(TrialDescriptor.SEGMENT)
            ? selectTrial(type, segments.get(2).getValue(), context)
            : selectAll(type, context);
    return resolution.isResolved() ? resolution : nothing();
  }

  /**
   * Returns a resolution that selects nothing: the engine's own unique id, which has no children.
   */
  private Resolution nothing() {
    return Resolution.selectors(Set.of(DiscoverySelectors.selectUniqueId(engineId)));
  }

  @Override
  public Resolution resolve(MethodSelector selector, Context context) {
    Optional<Class<?>> type = load(selector::getJavaClass);
    if (type.isEmpty()
        || !ExperimentDiscovery.isExperiment(type.get())
        || !selector.getParameterTypeNames().isEmpty()) {
      return Resolution.unresolved();
    }
    return selectTrial(type.get(), selector.getMethodName(), context);
  }

  /** Returns the class a selector names, or empty when it cannot be loaded (not ours to report). */
  private static Optional<Class<?>> load(java.util.function.Supplier<Class<?>> type) {
    try {
      return Optional.of(type.get());
    } catch (PreconditionViolationException e) {
      return Optional.empty();
    }
  }

  private Resolution selectAll(List<Class<?>> types, Context context) {
    Set<Match> matches = new LinkedHashSet<>();
    for (Class<?> type : types) {
      matches.addAll(selectAll(type, context).getMatches());
    }
    return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
  }

  private Resolution selectAll(Class<?> type, Context context) {
    Optional<Candidate> experiment = experiment(type, context);
    experiment.ifPresent(Candidate::selectAllTrials);
    return experiment.map(c -> Resolution.match(Match.exact(c))).orElse(Resolution.unresolved());
  }

  private Resolution selectTrial(Class<?> type, String trialId, Context context) {
    return experiment(type, context)
        .map(c -> Resolution.match(Match.exact(c.trial(trialId))))
        .orElse(Resolution.unresolved());
  }

  /** Returns the candidate of the class, added to the tree once, unless the filters exclude it. */
  private Optional<Candidate> experiment(Class<?> type, Context context) {
    if (!classNameFilter.test(type.getName())) {
      return Optional.empty();
    }
    return context.addToParent(parent -> Optional.of(Candidate.experiment(parent, type)));
  }
}
