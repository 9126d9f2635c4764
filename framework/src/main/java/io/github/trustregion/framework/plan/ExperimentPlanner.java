package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.workload.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads, validates and expands experiment classes into plans, without loading data or touching
 * ND4J.
 *
 * <p>Annotations are found directly on the class or on its composed annotations (presets), as in
 * JUnit 5. At the scale of the {@link ExperimentOptions}, {@code @AtScale} replaces the
 * experiment's values and the options replace both. Validation collects every problem before giving
 * up, each naming the class, the annotation and the fix.
 *
 * <p>An experiment restricted with {@code @Experiment(scales = ...)} to other scales than the
 * options' is not planned and not an error: its {@link PlanOutcome} has neither plan nor problems
 * and says so ({@link PlanOutcome#declaredAtScale()}). Only the scale-independent part of its
 * declaration is checked then: the id, the list of scales and the scales of {@code @AtScale},
 * {@code @Optimizer} and {@code @Track}.
 *
 * <p>The plan: first the tuning trials of every {@code @Tune} ({@link TuningSpec}); then for every
 * repeat r (seed {@link Seeds#trialSeed}), every batch size, every standalone {@code @Optimizer}
 * and every {@code @Track} with that batch size gives one trial; then the custom trials of a {@link
 * CustomTrials} experiment. Thread-safe if the registry is.
 *
 * <p>The planner only orders the steps; each has a class of its own in this package: the values at
 * a scale ({@code ScaledValues}), the declaration checks ({@code DeclarationChecks}), the instances
 * a declaration names ({@code Instantiator}) and the expansion into trials ({@code
 * TrialExpansion}).
 */
public final class ExperimentPlanner {

  /** The metrics compared when an experiment declares no {@code @Metrics}. */
  public static final List<String> DEFAULT_METRICS = MetricKeys.DEFAULT_COMPARED;

  private final MethodRegistry registry;
  private final ExperimentOptions options;

  /** Creates a planner that resolves methods in {@code registry} and applies {@code options}. */
  public ExperimentPlanner(MethodRegistry registry, ExperimentOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** Returns the options this planner applies. */
  public ExperimentOptions options() {
    return options;
  }

  /** Returns the scales' lower-case ids joined by ", ", such as {@code "ci, paper"}. */
  static String scaleIds(List<Scale> scales) {
    return scales.stream().map(Scale::id).collect(Collectors.joining(", "));
  }

  /**
   * Validates and plans every class; throws with every problem of every class when any is found.
   * Classes that are valid but not declared at the options' scale are left out of the result.
   *
   * @throws ExperimentValidationException listing all problems
   */
  public List<ExperimentPlan> planAll(Collection<Class<?>> types) {
    List<PlanOutcome> outcomes = types.stream().map(this::plan).toList();
    List<ValidationProblem> problems = problemsOf(outcomes);
    if (!problems.isEmpty()) {
      throw new ExperimentValidationException(problems);
    }
    return outcomes.stream()
        .filter(PlanOutcome::declaredAtScale)
        .map(o -> o.plan().orElseThrow())
        .toList();
  }

  /**
   * Returns every problem of the outcomes, plus one for each experiment id used by two classes
   * whose declarations are otherwise valid (whether or not they exist at the planned scale).
   */
  public static List<ValidationProblem> problemsOf(List<PlanOutcome> outcomes) {
    List<ValidationProblem> problems = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    for (PlanOutcome outcome : outcomes) {
      problems.addAll(outcome.problems());
      if (outcome.problems().isEmpty()) {
        String previous = ids.putIfAbsent(outcome.experimentId(), outcome.type().getName());
        if (previous != null) {
          problems.add(
              new ValidationProblem(
                  outcome.type().getName(),
                  "@Experiment",
                  "the id '"
                      + outcome.experimentId()
                      + "' is also used by "
                      + previous
                      + "; give one of them another @Experiment(id = ...)."));
        }
      }
    }
    return problems;
  }

  /**
   * Validates and plans one class, returning its plan, its problems, or that it is not declared at
   * the options' scale.
   */
  public PlanOutcome plan(Class<?> type) {
    Problems problems = new Problems(type.getName());
    String id = kebab(type.getSimpleName());
    List<Scale> scales = List.of(Scale.values());
    Optional<ExperimentPlan> plan = Optional.empty();
    Optional<Experiment> experiment = AnnotationSupport.findAnnotation(type, Experiment.class);
    if (experiment.isEmpty()) {
      problems.add(
          "@Experiment",
          "the class is not annotated with @Experiment (directly or "
              + "through a preset); add @Experiment(id = \"...\", title = \"...\") or do not "
              + "select it.");
    } else {
      Experiment e = experiment.get();
      if (!e.id().isBlank()) {
        id = e.id();
      }
      DeclarationChecks checks = new DeclarationChecks(type, registry, problems);
      checks.checkName(id, "@Experiment(id = \"" + id + "\")", "experiment id");
      checks.checkConcrete();
      scales = checks.experimentScales(e);
      if (scales.contains(options.scale())) {
        plan = planAtScale(type, e, id, checks, problems);
      }
    }
    return new PlanOutcome(
        type,
        id,
        options.scale(),
        scales,
        problems.isEmpty() ? plan : Optional.empty(),
        problems.list());
  }

  /**
   * The result of planning one class at one scale: a plan, problems, or neither when the experiment
   * is valid but not declared at the scale.
   *
   * @param type the class
   * @param experimentId the declared id: {@code @Experiment(id)}, else the class's simple name in
   *     kebab case (known even when planning failed, so that filters can select the class)
   * @param scale the scale planned at
   * @param scales the scales at which the experiment exists, in the order of {@link Scale}: those
   *     of {@code @Experiment(scales)}, or every scale when it lists none
   * @param plan its plan when it is valid and declared at {@code scale}
   * @param problems every problem found (empty when valid)
   */
  public record PlanOutcome(
      Class<?> type,
      String experimentId,
      Scale scale,
      List<Scale> scales,
      Optional<ExperimentPlan> plan,
      List<ValidationProblem> problems) {

    /** Copies the lists. */
    public PlanOutcome {
      scales = List.copyOf(scales);
      problems = List.copyOf(problems);
    }

    /** Returns whether the experiment exists at the scale it was planned at. */
    public boolean declaredAtScale() {
      return scales.contains(scale);
    }

    /**
     * Returns the scales at which the experiment exists as lower-case ids, such as {@code "paper"}
     * or {@code "ci, paper"}.
     */
    public String scalesText() {
      return scaleIds(scales);
    }

    /**
     * Returns the plan, or throws with every problem, or because the experiment is not declared at
     * the scale.
     *
     * @throws ExperimentValidationException when the declaration has problems
     * @throws IllegalStateException when the experiment does not exist at {@link #scale()}
     */
    public ExperimentPlan orThrow() {
      if (!problems.isEmpty()) {
        throw new ExperimentValidationException(problems);
      }
      if (!declaredAtScale()) {
        throw new IllegalStateException(
            type.getName()
                + " ("
                + experimentId
                + ") is declared "
                + "only at scale(s) "
                + scalesText()
                + " by @Experiment(scales = ...), not at scale "
                + scale.id()
                + "; plan it at one of those scales.");
      }
      return plan.orElseThrow();
    }
  }

  /** Returns the kebab-case form of a class's simple name, the default experiment id. */
  static String kebab(String simpleName) {
    return simpleName
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Plans an experiment found at the options' scale: resolves its values at the scale, checks the
   * declaration, instantiates what it names and, when no problem was found, expands the trials.
   * Problems are reported in the order of these steps.
   */
  private Optional<ExperimentPlan> planAtScale(
      Class<?> type, Experiment e, String id, DeclarationChecks checks, Problems problems) {
    ScaledValues values = new ScaledValues(type, options, problems);
    Scale scale = values.scale();
    long seed = values.seed();
    int repeats = values.repeats();
    int firstRepeat = values.firstRepeat();
    int epochs = values.epochs();
    List<Integer> batchSizes = values.batchSizes();
    double weightDecay = values.weightDecay();
    ScaledValues.Examples examples = values.examples();

    List<Optimizer> optimizers = values.optimizers();
    List<Optimizer> standalone = optimizers.stream().filter(Optimizer::standalone).toList();
    List<Track> tracks = values.tracks();
    checks.checkOptimizers(optimizers, scale, batchSizes, epochs);
    checks.checkTracks(tracks, optimizers, scale, batchSizes);
    boolean trains = !standalone.isEmpty() || !tracks.isEmpty();
    Optional<ScaledValues.DeclaredWorkload> declaredWorkload = values.workload();
    checks.checkWorkloadNamed(declaredWorkload.isPresent(), trains, scale);
    Instantiator instantiator = new Instantiator(problems);
    Optional<Workload> workload =
        declaredWorkload.flatMap(w -> instantiator.workload(w.type(), w.where(), scale));
    Optional<CustomTrials> custom = instantiator.customTrials(type);
    checks.checkSomethingToRun(trains, scale);
    if (firstRepeat != 0 && custom.isPresent()) {
      problems.add(
          "@AtScale(scale = " + scale + ").firstRepeat",
          "is "
              + firstRepeat
              + " but the experiment plans custom trials, which number their repeats from 0;"
              + " remove firstRepeat.");
    }
    ExperimentKind kind = checks.kind(e, !tracks.isEmpty(), trains);
    Set<String> recordedMetrics = checks.recordedMetricKeys();
    checks.checkMetrics(recordedMetrics);
    List<PaperValue> paperValues = checks.paperValues(recordedMetrics);
    List<String> allowed =
        AnnotationSupport.findAnnotation(type, AllowedDifferences.class)
            .map(a -> List.of(a.value()))
            .orElse(List.of());
    List<TuningSpec> tunings =
        new TuningDeclarations(type, registry, problems)
            .resolve(standalone, batchSizes, epochs, allowed);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }

    ExperimentDefinition definition =
        new ExperimentDefinition(
            type,
            id,
            e.title().isBlank() ? id : e.title(),
            e.description(),
            kind,
            scale,
            workload,
            batchSizes,
            standalone.isEmpty() ? 0 : epochs,
            repeats,
            firstRepeat,
            seed,
            weightDecay,
            examples.train(),
            examples.test(),
            AnnotationSupport.findAnnotation(type, Metrics.class)
                .map(m -> List.of(m.value()))
                .orElse(DEFAULT_METRICS),
            allowed,
            paperValues,
            custom);
    Map<String, StageSpec> methods = TrialExpansion.methods(optimizers, registry, epochs);
    List<TrialSpec> trials =
        new ArrayList<>(TrialExpansion.tuningTrials(definition, methods, tunings, registry));
    trials.addAll(
        TrialExpansion.markTuned(
            TrialExpansion.trainingTrials(definition, methods, standalone, tracks), tunings));
    List<CustomTrial> customs = TrialExpansion.planCustomTrials(definition, trials, problems);
    checks.checkCustomTrials(
        id, scale, customs, trials.stream().map(TrialSpec::trialId).collect(Collectors.toSet()));
    trials.addAll(TrialExpansion.customTrialSpecs(definition, customs));
    checks.checkAllowedDifferences(trials);
    checks.checkMethodsAtBatchSizes(trials, scale);
    List<ClaimDeclaration> claims = checks.claims(trials, recordedMetrics, scale);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ExperimentPlan(definition, trials, tunings, claims));
  }

  /** Returns the stable id of a training or track trial. */
  public static String trialId(String experimentId, String label, int batchSize, int repeat) {
    return TrialExpansion.trialId(experimentId, label, batchSize, repeat);
  }
}
