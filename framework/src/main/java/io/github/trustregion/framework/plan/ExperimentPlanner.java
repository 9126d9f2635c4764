package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.PaperResult;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Seed;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.annotation.WeightDecay;
import io.github.trustregion.framework.custom.CustomPlanContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.framework.result.MetricKeys;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TrialMetrics;
import io.github.trustregion.framework.workload.Workload;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads, validates and expands experiment classes into plans, without loading data or touching
 * ND4J.
 *
 * <p>Annotations are found directly on the class or on its composed annotations (presets), as in
 * JUnit 5. At the scale of the {@link ExperimentOptions}, {@code @AtScale} replaces the
 * experiment's values and the options replace both. Validation collects every problem before
 * giving up, each naming the class, the annotation and the fix.
 *
 * <p>An experiment restricted with {@code @Experiment(scales = ...)} to other scales than the
 * options' is not planned and not an error: its {@link PlanOutcome} has neither plan nor
 * problems and says so ({@link PlanOutcome#declaredAtScale()}). Only the scale-independent part
 * of its declaration is checked then: the id, the list of scales and the scales of
 * {@code @AtScale}, {@code @Optimizer} and {@code @Track}.
 *
 * <p>The plan: for every repeat r (seed {@link Seeds#trialSeed}), every batch size, every
 * standalone {@code @Optimizer} and every {@code @Track} with that batch size gives one trial;
 * then the custom trials of a {@link CustomTrials} experiment. Thread-safe if the registry is.
 */
public final class ExperimentPlanner {

  /** The metrics compared when an experiment declares no {@code @Metrics}. */
  public static final List<String> DEFAULT_METRICS = MetricKeys.DEFAULT_COMPARED;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

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
  private static String scaleIds(List<Scale> scales) {
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
    return outcomes.stream().filter(PlanOutcome::declaredAtScale)
        .map(o -> o.plan().orElseThrow()).toList();
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
          problems.add(new ValidationProblem(outcome.type().getName(), "@Experiment",
              "the id '" + outcome.experimentId() + "' is also used by " + previous
                  + "; give one of them another @Experiment(id = ...)."));
        }
      }
    }
    return problems;
  }

  /**
   * Validates and plans one class, returning its plan, its problems, or that it is not declared
   * at the options' scale.
   */
  public PlanOutcome plan(Class<?> type) {
    Reader reader = new Reader(type);
    Optional<ExperimentPlan> plan = reader.read();
    return new PlanOutcome(type, reader.id, options.scale(), reader.scales,
        reader.problems.isEmpty() ? plan : Optional.empty(), reader.problems);
  }

  /**
   * The result of planning one class at one scale: a plan, problems, or neither when the
   * experiment is valid but not declared at the scale.
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
  public record PlanOutcome(Class<?> type, String experimentId, Scale scale, List<Scale> scales,
      Optional<ExperimentPlan> plan, List<ValidationProblem> problems) {

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
     * Returns the scales at which the experiment exists as lower-case ids, such as {@code
     * "paper"} or {@code "ci, paper"}.
     */
    public String scalesText() {
      return scaleIds(scales);
    }

    /**
     * Returns the plan, or throws with every problem, or because the experiment is not declared
     * at the scale.
     *
     * @throws ExperimentValidationException when the declaration has problems
     * @throws IllegalStateException when the experiment does not exist at {@link #scale()}
     */
    public ExperimentPlan orThrow() {
      if (!problems.isEmpty()) {
        throw new ExperimentValidationException(problems);
      }
      if (!declaredAtScale()) {
        throw new IllegalStateException(type.getName() + " (" + experimentId + ") is declared "
            + "only at scale(s) " + scalesText() + " by @Experiment(scales = ...), not at scale "
            + scale.id() + "; plan it at one of those scales.");
      }
      return plan.orElseThrow();
    }
  }

  /** Returns the kebab-case form of a class's simple name, the default experiment id. */
  static String kebab(String simpleName) {
    return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean activeAt(Scale[] scales, Scale scale) {
    return scales.length == 0 || Arrays.asList(scales).contains(scale);
  }

  private static List<Integer> list(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  /** Reads one class; collects problems as it goes. */
  private final class Reader {
    private final Class<?> type;
    private final String className;
    private final List<ValidationProblem> problems = new ArrayList<>();
    private final Scale scale = options.scale();
    private String id;
    private List<Scale> scales = List.of(Scale.values());

    Reader(Class<?> type) {
      this.type = type;
      this.className = type.getName();
      this.id = kebab(type.getSimpleName());
    }

    private void problem(String annotation, String message) {
      problems.add(new ValidationProblem(className, annotation, message));
    }

    Optional<ExperimentPlan> read() {
      Optional<Experiment> experiment = AnnotationSupport.findAnnotation(type, Experiment.class);
      if (experiment.isEmpty()) {
        problem("@Experiment", "the class is not annotated with @Experiment (directly or through a "
            + "preset); add @Experiment(id = \"...\", title = \"...\") or do not select it.");
        return Optional.empty();
      }
      Experiment e = experiment.get();
      if (!e.id().isBlank()) {
        id = e.id();
      }
      checkName(id, "@Experiment(id = \"" + id + "\")", "experiment id");
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        problem("@Experiment", "the class is abstract or an interface; experiments must be "
            + "concrete classes (move shared annotations into a preset annotation instead).");
      }
      readScales(e);
      if (!scales.contains(scale)) {
        return Optional.empty();
      }

      AtScale at = atScale();
      long seed = AnnotationSupport.findAnnotation(type, Seed.class).map(Seed::value).orElse(Seed.DEFAULT);
      int repeats = repeats(at);
      int epochs = epochs(at);
      List<Integer> batchSizes = batchSizes(at);
      double weightDecay = weightDecay();
      if (at != null && (at.trainExamples() < 0 || at.testExamples() < 0)) {
        problem(describe(at), "trainExamples and testExamples must be 0 (the workload's default) "
            + "or positive.");
      }

      Map<String, StageSpec> methods = new LinkedHashMap<>();
      List<Optimizer> standalone = new ArrayList<>();
      readOptimizers(methods, standalone, batchSizes, epochs);
      List<Track> tracks = readTracks(methods, batchSizes);
      boolean trains = !standalone.isEmpty() || !tracks.isEmpty();
      Optional<Workload> workload = workload(at, trains);
      Optional<CustomTrials> custom = customTrials();
      if (!trains && !CustomTrials.class.isAssignableFrom(type)) {
        problem("@Experiment", "nothing to run at scale " + scale.id() + ": declare a standalone "
            + "@Optimizer or a @Track active at this scale, or implement "
            + CustomTrials.class.getName() + ".");
      }
      ExperimentKind kind = e.kind();
      if (kind == ExperimentKind.AUTO) {
        if (!tracks.isEmpty()) {
          kind = ExperimentKind.TRACKS;
        } else if (trains || !CustomTrials.class.isAssignableFrom(type)) {
          kind = ExperimentKind.TRAINING;
        } else {
          problem("@Experiment", "an experiment without training trials must say what its trials "
              + "carry; set @Experiment(kind = ExperimentKind.SUBPROBLEM) or LANDSCAPE.");
        }
      }
      Set<String> recordedMetrics = recordedMetricKeys();
      checkMetrics(recordedMetrics);
      List<PaperValue> paperValues = paperValues(recordedMetrics);
      int trainExamples = at == null ? 0 : Math.max(0, at.trainExamples());
      int testExamples = at == null ? 0 : Math.max(0, at.testExamples());
      if (!problems.isEmpty()) {
        return Optional.empty();
      }
      ExperimentDefinition definition = new ExperimentDefinition(type, id,
          e.title().isBlank() ? id : e.title(), e.description(), kind, scale, workload,
          batchSizes, standalone.isEmpty() ? 0 : epochs, repeats, seed, weightDecay,
          trainExamples, testExamples,
          AnnotationSupport.findAnnotation(type, Metrics.class).map(m -> List.of(m.value()))
              .orElse(DEFAULT_METRICS),
          AnnotationSupport.findAnnotation(type, AllowedDifferences.class)
              .map(a -> List.of(a.value())).orElse(List.of()),
          paperValues, custom);
      List<TrialSpec> trials = trainingTrials(definition, methods, standalone, tracks);
      trials.addAll(customTrialSpecs(definition, trials));
      checkAllowedDifferences(trials);
      if (!problems.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ExperimentPlan(definition, trials));
    }

    private void checkName(String name, String annotation, String what) {
      if (!SAFE.matcher(name).matches() || name.contains("__")) {
        problem(annotation, "the " + what + " '" + name + "' may contain only letters, digits, "
            + "'.', '_' and '-', and not '__' (it becomes part of file names and trial ids); "
            + "rename it.");
      }
    }

    /**
     * Reads {@code @Experiment(scales)}; checks it and that every {@code @AtScale},
     * {@code @Optimizer} and {@code @Track} names only listed scales.
     */
    private void readScales(Experiment e) {
      if (e.scales().length == 0) {
        return;
      }
      String where = "@Experiment(scales = {" + Arrays.stream(e.scales()).map(Scale::name)
          .collect(Collectors.joining(", ")) + "})";
      Set<Scale> listed = new HashSet<>();
      for (Scale listedScale : e.scales()) {
        if (!listed.add(listedScale)) {
          problem(where, "the scale " + listedScale.id() + " is listed twice; list each scale "
              + "once.");
        }
      }
      scales = Arrays.stream(Scale.values()).filter(listed::contains).toList();
      for (Optimizer o : AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class)) {
        checkDeclarationScales(o.scales(), listed, where,
            "@Optimizer(label = \"" + o.label() + "\")");
      }
      for (Track t : AnnotationSupport.findRepeatableAnnotations(type, Track.class)) {
        checkDeclarationScales(t.scales(), listed, where, "@Track(label = \"" + t.label() + "\")");
      }
      for (AtScale at : AnnotationSupport.findRepeatableAnnotations(type, AtScale.class)) {
        if (!listed.contains(at.scale())) {
          problem(describe(at), "the experiment exists only at scale(s) " + scaleIds(scales)
              + " (" + where + "), so values for scale " + at.scale().id() + " are never used;"
              + " remove this @AtScale or add Scale." + at.scale() + " to @Experiment(scales = ...).");
        }
      }
    }

    /**
     * Reports the scales of an {@code @Optimizer} or {@code @Track} that the experiment does not
     * list, at which the declaration would never apply.
     */
    private void checkDeclarationScales(Scale[] declared, Set<Scale> listed, String experimentScales,
        String annotation) {
      List<Scale> absent = Arrays.stream(declared).filter(s -> !listed.contains(s)).distinct()
          .toList();
      if (!absent.isEmpty()) {
        problem(annotation, "its scale(s) " + scaleIds(absent) + " are not among the experiment's"
            + " scales " + scaleIds(scales) + " ("
            + experimentScales + "), so it never applies there; remove "
            + absent.stream().map(s -> "Scale." + s).collect(Collectors.joining(", "))
            + " from its scales or add them to @Experiment(scales = ...).");
      }
    }

    private AtScale atScale() {
      List<AtScale> all = AnnotationSupport.findRepeatableAnnotations(type, AtScale.class);
      AtScale found = null;
      for (AtScale at : all) {
        if (at.scale() == scale) {
          if (found != null) {
            problem(describe(at), "@AtScale is declared twice for scale " + scale.id()
                + "; merge the two declarations.");
          }
          found = at;
        }
      }
      return found;
    }

    private String describe(AtScale at) {
      return "@AtScale(scale = " + at.scale() + ")";
    }

    private int repeats(AtScale at) {
      if (options.repeats().isPresent()) {
        return options.repeats().getAsInt();
      }
      int repeats;
      String source;
      if (at != null && at.repeats() != 0) {
        repeats = at.repeats();
        source = describe(at) + ".repeats";
      } else {
        Optional<Repeats> declared = AnnotationSupport.findAnnotation(type, Repeats.class);
        repeats = declared.map(Repeats::value).orElse(1);
        source = "@Repeats";
      }
      if (repeats < 1) {
        problem(source, "the number of repeats is " + repeats + "; it must be at least 1.");
      }
      return repeats;
    }

    private int epochs(AtScale at) {
      if (at != null && at.epochs() != 0) {
        if (at.epochs() < 0) {
          problem(describe(at) + ".epochs", "epochs is " + at.epochs() + "; it must be at least 1.");
        }
        return at.epochs();
      }
      Optional<Epochs> declared = AnnotationSupport.findAnnotation(type, Epochs.class);
      if (declared.isPresent() && declared.get().value() < 1) {
        problem("@Epochs", "epochs is " + declared.get().value() + "; it must be at least 1.");
      }
      return declared.map(Epochs::value).orElse(0);
    }

    private List<Integer> batchSizes(AtScale at) {
      List<Integer> sizes;
      String source;
      if (at != null && at.batchSizes().length > 0) {
        sizes = list(at.batchSizes());
        source = describe(at) + ".batchSizes";
      } else {
        sizes = AnnotationSupport.findAnnotation(type, BatchSizes.class)
            .map(b -> list(b.value())).orElse(List.of());
        source = "@BatchSizes";
      }
      checkBatchSizes(sizes, source);
      return sizes;
    }

    private void checkBatchSizes(List<Integer> sizes, String source) {
      for (int size : sizes) {
        if (size < 1) {
          problem(source, "the batch size " + size + " is not positive; use sizes of at least 1.");
        }
      }
      if (new HashSet<>(sizes).size() != sizes.size()) {
        problem(source, "the batch sizes " + sizes + " contain duplicates; list each size once.");
      }
    }

    private double weightDecay() {
      Optional<WeightDecay> declared = AnnotationSupport.findAnnotation(type, WeightDecay.class);
      double value = declared.map(WeightDecay::value).orElse(0.0);
      if (!(value >= 0) || Double.isInfinite(value)) {
        problem("@WeightDecay", "the weight decay " + value + " must be a finite number >= 0.");
      }
      return value;
    }

    private void readOptimizers(Map<String, StageSpec> methods, List<Optimizer> standalone,
        List<Integer> batchSizes, int epochs) {
      for (Optimizer o : AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class)) {
        if (!activeAt(o.scales(), scale)) {
          continue;
        }
        String where = "@Optimizer(label = \"" + o.label() + "\")";
        checkName(o.label(), where, "optimizer label");
        String method = o.method().isBlank() ? o.label() : o.method();
        List<String> settings = List.of(o.settings());
        List<String> methodProblems = registry.problems(method, settings);
        methodProblems.forEach(p -> problem(where, p + "; fix @Optimizer(method = ..., settings = ...)."));
        if (methods.containsKey(o.label())) {
          problem(where, "the label '" + o.label() + "' is declared twice at scale " + scale.id()
              + "; give each @Optimizer its own label or restrict one with scales = ....");
        }
        checkBatchSizes(list(o.batchSizes()), where + ".batchSizes");
        if (!o.standalone() && o.batchSizes().length > 0) {
          problem(where, "batchSizes = " + list(o.batchSizes()) + " has no effect on an optimizer "
              + "that is not standalone, since tracks run at their own batch sizes; declare the "
              + "batch size on the @Track (@Track(batchSizes = {...})) and remove it here.");
        }
        Map<String, String> resolved =
            methodProblems.isEmpty() ? registry.resolveSettings(method, settings) : Map.of();
        methods.putIfAbsent(o.label(), new StageSpec(o.label(), method, settings, resolved, epochs));
        if (o.standalone()) {
          standalone.add(o);
          if (o.batchSizes().length == 0 && batchSizes.isEmpty()) {
            problem(where, "no batch sizes at scale " + scale.id() + ": add @BatchSizes({...}) to "
                + "the experiment, @AtScale(scale = " + scale + ", batchSizes = {...}), or "
                + "@Optimizer(batchSizes = {...}).");
          }
          if (epochs == 0) {
            problem(where, "no epochs at scale " + scale.id() + ": add @Epochs(n) or "
                + "@AtScale(scale = " + scale + ", epochs = n) to the experiment, or declare it "
                + "with standalone = false if only tracks use it.");
          }
        }
      }
    }

    private List<Track> readTracks(Map<String, StageSpec> methods, List<Integer> batchSizes) {
      List<Track> tracks = new ArrayList<>();
      Set<String> labels = new HashSet<>();
      for (Track t : AnnotationSupport.findRepeatableAnnotations(type, Track.class)) {
        if (!activeAt(t.scales(), scale)) {
          continue;
        }
        String where = "@Track(label = \"" + t.label() + "\")";
        checkName(t.label(), where, "track label");
        if (methods.containsKey(t.label()) || !labels.add(t.label())) {
          problem(where, "the label '" + t.label() + "' is already used by another @Optimizer or "
              + "@Track at scale " + scale.id() + "; give the track its own label.");
        }
        if (t.stages().length == 0) {
          problem(where, "the track has no stages; add stages = {@Stage(method = \"SGD\", "
              + "epochs = 50), ...}.");
        }
        for (Stage stage : t.stages()) {
          if (!methods.containsKey(stage.method())) {
            problem(where, "the stage @Stage(method = \"" + stage.method() + "\") names no "
                + "@Optimizer declared at scale " + scale.id() + "; declared labels: "
                + methods.keySet() + ". Declare @Optimizer(label = \"" + stage.method()
                + "\", ..., standalone = false) or fix the stage.");
          }
          if (stage.epochs() < 1) {
            problem(where, "the stage @Stage(method = \"" + stage.method() + "\", epochs = "
                + stage.epochs() + ") must train at least 1 epoch.");
          }
        }
        checkBatchSizes(list(t.batchSizes()), where + ".batchSizes");
        if (t.batchSizes().length == 0 && batchSizes.isEmpty()) {
          problem(where, "no batch sizes at scale " + scale.id() + ": add @BatchSizes({...}), "
              + "@AtScale(scale = " + scale + ", batchSizes = {...}) or @Track(batchSizes = {...}).");
        }
        tracks.add(t);
      }
      return tracks;
    }

    private Optional<Workload> workload(AtScale at, boolean trains) {
      Class<? extends Workload> workloadType = null;
      String where = "@TrainOn";
      if (at != null && at.workload() != Workload.class) {
        workloadType = at.workload();
        where = describe(at) + ".workload";
      } else {
        Optional<TrainOn> declared = AnnotationSupport.findAnnotation(type, TrainOn.class);
        if (declared.isPresent()) {
          workloadType = declared.get().value();
        }
      }
      if (workloadType == null) {
        if (trains) {
          problem("@TrainOn", "the experiment trains but names no workload at scale " + scale.id()
              + "; add @TrainOn(YourWorkload.class) (a " + Workload.class.getName()
              + " implementation).");
        }
        return Optional.empty();
      }
      where = where + "(" + workloadType.getSimpleName() + ".class)";
      Optional<Workload> workload = instantiate(workloadType, where, Workload.class);
      if (workload.isPresent()) {
        try {
          for (String requirement : workload.get().requirements(scale)) {
            problem(where, requirement);
          }
        } catch (RuntimeException ex) {
          problem(where, "the workload's requirements(" + scale + ") threw " + ex
              + "; it must report problems as a list, not throw.");
        }
      }
      return workload;
    }

    private Optional<CustomTrials> customTrials() {
      if (!CustomTrials.class.isAssignableFrom(type)) {
        return Optional.empty();
      }
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        return Optional.empty();
      }
      return instantiate(type.asSubclass(CustomTrials.class), "@Experiment", CustomTrials.class);
    }

    private <T> Optional<T> instantiate(Class<? extends T> implementation, String where, Class<T> role) {
      if (implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers())) {
        problem(where, "the " + role.getSimpleName() + " class " + implementation.getName()
            + " is abstract; name a concrete class.");
        return Optional.empty();
      }
      try {
        Constructor<? extends T> constructor = implementation.getConstructor();
        return Optional.of(constructor.newInstance());
      } catch (NoSuchMethodException ex) {
        problem(where, "the " + role.getSimpleName() + " class " + implementation.getName()
            + " has no public no-argument constructor; add one (and make the class public"
            + (implementation.getEnclosingClass() != null ? " and static" : "") + ").");
      } catch (InvocationTargetException ex) {
        problem(where, "the constructor of " + implementation.getName() + " threw "
            + ex.getCause() + "; constructors must not load data or touch ND4J.");
      } catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
        problem(where, "cannot instantiate " + implementation.getName() + ": " + ex
            + "; make the class and its no-argument constructor public.");
      }
      return Optional.empty();
    }

    /**
     * Returns the metric keys the training and track trials of this experiment record at any
     * scale ({@link TrialMetrics#keys}), or empty when they are not known before it runs: when
     * it implements {@link CustomTrials} (whose trials record keys of their own) or declares no
     * training.
     */
    private Set<String> recordedMetricKeys() {
      if (CustomTrials.class.isAssignableFrom(type)) {
        return Set.of();
      }
      Set<String> keys = new TreeSet<>();
      if (AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class).stream()
          .anyMatch(Optimizer::standalone)) {
        keys.addAll(TrialMetrics.keys(1, false));
      }
      List<Track> tracks = AnnotationSupport.findRepeatableAnnotations(type, Track.class);
      if (!tracks.isEmpty()) {
        keys.addAll(TrialMetrics.keys(
            tracks.stream().mapToInt(t -> t.stages().length).max().orElseThrow(), true));
      }
      return keys;
    }

    /** Checks that every {@code @Metrics} key is recorded (when the recorded keys are known). */
    private void checkMetrics(Set<String> recorded) {
      if (recorded.isEmpty()) {
        return;
      }
      AnnotationSupport.findAnnotation(type, Metrics.class).ifPresent(m -> {
        for (String key : m.value()) {
          if (!recorded.contains(key)) {
            problem("@Metrics", unrecordedMetric(key, recorded));
          }
        }
      });
    }

    /**
     * Checks that every {@code @AllowedDifferences} name can match what reports compare: a
     * setting of a method some {@code @Optimizer} declares (at any scale), also without the
     * prefix of a composite method's setting when reports drop it ({@code tr.}, {@code sgd.} or
     * a method label, so {@code tr.subproblemStepSize} is also {@code subproblemStepSize}), or a
     * parameter of a planned trial (such as {@code batchSize} or {@code epochs}).
     */
    private void checkAllowedDifferences(List<TrialSpec> trials) {
      Optional<AllowedDifferences> declared =
          AnnotationSupport.findAnnotation(type, AllowedDifferences.class);
      if (declared.isEmpty()) {
        return;
      }
      List<Optimizer> optimizers = AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class);
      Set<String> labels = new HashSet<>();
      optimizers.forEach(o -> labels.add(o.label().toLowerCase(Locale.ROOT)));
      Set<String> settings = new TreeSet<>();
      for (Optimizer o : optimizers) {
        String method = o.method().isBlank() ? o.label() : o.method();
        registry.find(method).ifPresent(provider -> provider.settings().forEach(spec -> {
          settings.add(spec.name());
          settings.add(SettingSpec.comparableName(spec.name(), labels));
        }));
      }
      Set<String> parameters = new TreeSet<>();
      trials.forEach(t -> parameters.addAll(t.parameters().keySet()));
      for (String name : declared.get().value()) {
        if (!settings.contains(name) && !parameters.contains(name)) {
          problem("@AllowedDifferences", "the name '" + name + "' is neither a setting of the "
              + "experiment's methods nor a trial parameter, so it never matches a difference "
              + "that reports compare; use a method setting " + settings + " or a trial "
              + "parameter " + parameters + ".");
        }
      }
    }

    private String unrecordedMetric(String key, Set<String> recorded) {
      return "the metric '" + key + "' is not recorded by the trials of this experiment, so "
          + "reports and the nightly gate would have nothing to compare; use one of " + recorded
          + ".";
    }

    private List<PaperValue> paperValues(Set<String> recordedMetrics) {
      List<PaperValue> values = new ArrayList<>();
      for (PaperResult p : AnnotationSupport.findRepeatableAnnotations(type, PaperResult.class)) {
        String where = "@PaperResult(metric = \"" + p.metric() + "\", source = \"" + p.source()
            + "\")";
        if (!recordedMetrics.isEmpty() && !recordedMetrics.contains(p.metric())) {
          problem(where, unrecordedMetric(p.metric(), recordedMetrics));
        }
        Map<String, String> setting = new LinkedHashMap<>();
        for (String entry : p.setting()) {
          int eq = entry.indexOf('=');
          if (eq <= 0) {
            problem(where,
                "the setting '" + entry + "' is not of the form key=value (such as method=TR).");
          } else {
            setting.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
          }
        }
        values.add(new PaperValue(setting, p.metric(), p.value(), p.source(), p.paperSetting()));
      }
      return values;
    }

    private List<TrialSpec> trainingTrials(ExperimentDefinition d, Map<String, StageSpec> methods,
        List<Optimizer> standalone, List<Track> tracks) {
      TreeSet<Integer> allSizes = new TreeSet<>(d.batchSizes());
      standalone.forEach(o -> allSizes.addAll(list(o.batchSizes())));
      tracks.forEach(t -> allSizes.addAll(list(t.batchSizes())));
      List<TrialSpec> trials = new ArrayList<>();
      for (int repeat = 0; repeat < d.repeats(); repeat++) {
        long seed = Seeds.trialSeed(d.baseSeed(), repeat);
        for (int batchSize : allSizes) {
          for (Optimizer o : standalone) {
            List<Integer> sizes = o.batchSizes().length > 0 ? list(o.batchSizes()) : d.batchSizes();
            if (sizes.contains(batchSize)) {
              StageSpec stage = methods.get(o.label());
              Map<String, String> parameters = parameters(d, o.label(), TrialType.TRAINING,
                  batchSize, repeat, seed);
              parameters.put("optimizer", stage.method());
              parameters.put("epochs", Integer.toString(stage.epochs()));
              trials.add(new TrialSpec(trialId(d.id(), o.label(), batchSize, repeat),
                  TrialType.TRAINING, o.label(), batchSize, repeat, seed, List.of(stage),
                  parameters, Optional.empty()));
            }
          }
          for (Track t : tracks) {
            List<Integer> sizes = t.batchSizes().length > 0 ? list(t.batchSizes()) : d.batchSizes();
            if (sizes.contains(batchSize)) {
              List<StageSpec> stages = Arrays.stream(t.stages())
                  .map(s -> {
                    StageSpec m = methods.get(s.method());
                    return new StageSpec(m.label(), m.method(), m.settingStrings(), m.settings(),
                        s.epochs());
                  }).toList();
              Map<String, String> parameters = parameters(d, t.label(), TrialType.TRACK,
                  batchSize, repeat, seed);
              parameters.put("stages", stages.stream().map(s -> s.label() + "(" + s.epochs() + ")")
                  .collect(Collectors.joining(" > ")));
              parameters.put("epochs", Integer.toString(stages.stream().mapToInt(StageSpec::epochs).sum()));
              trials.add(new TrialSpec(trialId(d.id(), t.label(), batchSize, repeat),
                  TrialType.TRACK, t.label(), batchSize, repeat, seed, stages, parameters,
                  Optional.empty()));
            }
          }
        }
      }
      return trials;
    }

    private Map<String, String> parameters(ExperimentDefinition d, String label, TrialType kind,
        int batchSize, int repeat, long seed) {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("method", label);
      parameters.put("batchSize", Integer.toString(batchSize));
      parameters.put("seed", Long.toString(seed));
      parameters.put("repeat", Integer.toString(repeat));
      parameters.put("scale", d.scale().id());
      parameters.put("trialType", kind.id());
      parameters.put("weightDecay", Double.toString(d.weightDecay()));
      return parameters;
    }

    private List<TrialSpec> customTrialSpecs(ExperimentDefinition d, List<TrialSpec> training) {
      if (d.customTrials().isEmpty()) {
        return List.of();
      }
      List<PlannedTrial> planned = training.stream().map(TrialSpec::toPlannedTrial).toList();
      Set<String> trainingIds = planned.stream().map(PlannedTrial::trialId).collect(Collectors.toSet());
      List<CustomTrial> customs;
      try {
        customs = d.customTrials().get().planTrials(
            new CustomPlanContext(d.id(), d.scale(), d.repeats(), d.baseSeed(), planned));
      } catch (RuntimeException ex) {
        problem("CustomTrials.planTrials", "planning the custom trials threw " + ex
            + "; planTrials must not fail (and must not load data).");
        return List.of();
      }
      List<TrialSpec> trials = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (CustomTrial custom : customs) {
        String where = "CustomTrials.planTrials: trial '" + custom.name() + "'";
        if (!names.add(custom.name())) {
          problem(where, "the name is planned twice; give every custom trial its own name.");
        }
        for (String dependency : custom.dependsOn()) {
          if (!trainingIds.contains(dependency)) {
            problem(where, "it depends on '" + dependency + "', which is not a planned training "
                + "trial of this experiment at scale " + scale.id() + "; planned: " + trainingIds + ".");
          }
        }
        String trialId = d.id() + "__" + custom.name();
        if (trainingIds.contains(trialId)) {
          problem(where, "its trial id '" + trialId + "' is that of a training trial of this "
              + "experiment, so both would write one result file; rename the custom trial (custom "
              + "trial ids are <experiment>__<name>, training ones <experiment>__<label>__b<batch "
              + "size>__r<repeat>).");
        }
        Map<String, String> parameters = new LinkedHashMap<>(custom.parameters());
        parameters.put("scale", d.scale().id());
        parameters.put("trialType", TrialType.CUSTOM.id());
        trials.add(new TrialSpec(trialId, TrialType.CUSTOM, custom.name(), 0,
            0, d.baseSeed(), List.of(), parameters, Optional.of(custom)));
      }
      return trials;
    }
  }

  /** Returns the stable id of a training or track trial. */
  public static String trialId(String experimentId, String label, int batchSize, int repeat) {
    return experimentId + "__" + label + "__b" + batchSize + "__r" + repeat;
  }
}
