package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.AllowedDifferences;
import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.Claim;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.ExperimentKind;
import io.github.trustregion.framework.annotation.Metrics;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.PaperResult;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.framework.result.ClaimBatch;
import io.github.trustregion.framework.result.ClaimComparison;
import io.github.trustregion.framework.result.ClaimDeclaration;
import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.TrialMetrics;
import io.github.trustregion.framework.workload.Workload;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * The checks of one experiment class's declaration that relate its annotations to each other and to
 * what the trials record: names, scales, optimizers and tracks, the workload, {@code @Metrics},
 * {@code @PaperResult}, {@code @AllowedDifferences}, {@code @Claim} and the custom trials it plans.
 *
 * <p>Every problem names the class, the annotation as written and the fix; checks report and go on,
 * so that one pass finds every problem.
 */
final class DeclarationChecks {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  private final Class<?> type;
  private final MethodRegistry registry;
  private final Problems problems;

  /** Checks {@code type}, resolving methods in {@code registry}, reporting to {@code problems}. */
  DeclarationChecks(Class<?> type, MethodRegistry registry, Problems problems) {
    this.type = type;
    this.registry = registry;
    this.problems = problems;
  }

  /**
   * Reports a name that cannot be part of file names and trial ids: anything but letters, digits,
   * '.', '_' and '-', or containing "__" (the separator of trial ids).
   *
   * @param what what the name is, such as "optimizer label"
   */
  void checkName(String name, String annotation, String what) {
    if (!SAFE.matcher(name).matches() || name.contains("__")) {
      problems.add(
          annotation,
          "the "
              + what
              + " '"
              + name
              + "' may contain only letters, digits, "
              + "'.', '_' and '-', and not '__' (it becomes part of file names and trial ids); "
              + "rename it.");
    }
  }

  /** Reports an abstract experiment class or an interface. */
  void checkConcrete() {
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      problems.add(
          "@Experiment",
          "the class is abstract or an interface; experiments must be "
              + "concrete classes (move shared annotations into a preset annotation instead).");
    }
  }

  /**
   * Returns the scales at which the experiment exists, in the order of {@link Scale}: those of
   * {@code @Experiment(scales)}, or every scale when it lists none. Reports a scale listed twice
   * and every {@code @Optimizer}, {@code @Track} and {@code @AtScale} that names a scale not listed
   * (at any scale, since these problems do not depend on the scale planned at).
   */
  List<Scale> experimentScales(Experiment experiment) {
    if (experiment.scales().length == 0) {
      return List.of(Scale.values());
    }
    String where =
        "@Experiment(scales = {"
            + Arrays.stream(experiment.scales()).map(Scale::name).collect(Collectors.joining(", "))
            + "})";
    Set<Scale> listed = new HashSet<>();
    for (Scale listedScale : experiment.scales()) {
      if (!listed.add(listedScale)) {
        problems.add(
            where,
            "the scale " + listedScale.id() + " is listed twice; list each scale " + "once.");
      }
    }
    List<Scale> scales = Arrays.stream(Scale.values()).filter(listed::contains).toList();
    for (Optimizer o : AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class)) {
      checkDeclarationScales(
          o.scales(), scales, where, "@Optimizer(label = \"" + o.label() + "\")");
    }
    for (Track t : AnnotationSupport.findRepeatableAnnotations(type, Track.class)) {
      checkDeclarationScales(t.scales(), scales, where, "@Track(label = \"" + t.label() + "\")");
    }
    for (Claim c : AnnotationSupport.findRepeatableAnnotations(type, Claim.class)) {
      checkDeclarationScales(c.scales(), scales, where, "@Claim(id = \"" + c.id() + "\")");
    }
    for (AtScale at : AnnotationSupport.findRepeatableAnnotations(type, AtScale.class)) {
      if (!listed.contains(at.scale())) {
        problems.add(
            ScaledValues.describe(at),
            "the experiment exists only at scale(s) "
                + ExperimentPlanner.scaleIds(scales)
                + " ("
                + where
                + "), so values for scale "
                + at.scale().id()
                + " are never used; remove this @AtScale or add Scale."
                + at.scale()
                + " to @Experiment(scales = ...).");
      }
    }
    return scales;
  }

  private void checkDeclarationScales(
      Scale[] declared, List<Scale> scales, String experimentScales, String annotation) {
    List<Scale> absent =
        Arrays.stream(declared).filter(s -> !scales.contains(s)).distinct().toList();
    if (!absent.isEmpty()) {
      problems.add(
          annotation,
          "its scale(s) "
              + ExperimentPlanner.scaleIds(absent)
              + " are not "
              + "among the experiment's scales "
              + ExperimentPlanner.scaleIds(scales)
              + " ("
              + experimentScales
              + "), so it never applies there; remove "
              + absent.stream().map(s -> "Scale." + s).collect(Collectors.joining(", "))
              + " from its scales or add them to @Experiment(scales = ...).");
    }
  }

  /** Reports batch sizes below 1 and duplicates; {@code source} names where they are declared. */
  static void checkBatchSizes(List<Integer> sizes, String source, Problems problems) {
    for (int size : sizes) {
      if (size < 1) {
        problems.add(
            source, "the batch size " + size + " is not positive; use sizes of at " + "least 1.");
      }
    }
    if (new HashSet<>(sizes).size() != sizes.size()) {
      problems.add(
          source, "the batch sizes " + sizes + " contain duplicates; list each size once.");
    }
  }

  /**
   * Checks the {@code @Optimizer}s active at the scale: label, method and settings, labels declared
   * twice, batch sizes, and that a standalone one has batch sizes and epochs.
   *
   * @param batchSizes the experiment's batch sizes at the scale
   * @param epochs the experiment's epochs at the scale (0: none declared)
   */
  void checkOptimizers(List<Optimizer> active, Scale scale, List<Integer> batchSizes, int epochs) {
    Set<String> labels = new HashSet<>();
    for (Optimizer o : active) {
      String where = "@Optimizer(label = \"" + o.label() + "\")";
      checkName(o.label(), where, "optimizer label");
      String method = o.method().isBlank() ? o.label() : o.method();
      registry
          .problems(method, List.of(o.settings()))
          .forEach(p -> problems.add(where, p + "; fix @Optimizer(method = ..., settings = ...)."));
      if (!labels.add(o.label())) {
        problems.add(
            where,
            "the label '"
                + o.label()
                + "' is declared twice at scale "
                + scale.id()
                + "; give each @Optimizer its own label or restrict one with scales = "
                + "....");
      }
      checkBatchSizes(ScaledValues.list(o.batchSizes()), where + ".batchSizes", problems);
      if (!o.standalone() && o.batchSizes().length > 0) {
        problems.add(
            where,
            "batchSizes = "
                + ScaledValues.list(o.batchSizes())
                + " has no effect "
                + "on an optimizer that is not standalone, since tracks run at their own batch sizes; "
                + "declare the batch size on the @Track (@Track(batchSizes = {...})) and remove it "
                + "here.");
      }
      if (o.standalone()) {
        if (o.batchSizes().length == 0 && batchSizes.isEmpty()) {
          problems.add(
              where,
              "no batch sizes at scale "
                  + scale.id()
                  + ": add @BatchSizes({...}) "
                  + "to the experiment, @AtScale(scale = "
                  + scale
                  + ", batchSizes = {...}), or "
                  + "@Optimizer(batchSizes = {...}).");
        }
        if (epochs == 0) {
          problems.add(
              where,
              "no epochs at scale "
                  + scale.id()
                  + ": add @Epochs(n) or "
                  + "@AtScale(scale = "
                  + scale
                  + ", epochs = n) to the experiment, or declare it "
                  + "with standalone = false if only tracks use it.");
        }
      }
    }
  }

  /**
   * Checks the {@code @Track}s active at the scale: label (unique among optimizers and tracks),
   * stages naming declared optimizers with at least one epoch each, and batch sizes.
   *
   * @param optimizers the {@code @Optimizer}s active at the scale
   * @param batchSizes the experiment's batch sizes at the scale
   */
  void checkTracks(
      List<Track> active, List<Optimizer> optimizers, Scale scale, List<Integer> batchSizes) {
    Set<String> methods = new LinkedHashSet<>();
    optimizers.forEach(o -> methods.add(o.label()));
    Set<String> labels = new HashSet<>();
    for (Track t : active) {
      String where = "@Track(label = \"" + t.label() + "\")";
      checkName(t.label(), where, "track label");
      if (methods.contains(t.label()) || !labels.add(t.label())) {
        problems.add(
            where,
            "the label '"
                + t.label()
                + "' is already used by another @Optimizer "
                + "or @Track at scale "
                + scale.id()
                + "; give the track its own label.");
      }
      if (t.stages().length == 0) {
        problems.add(
            where,
            "the track has no stages; add stages = {@Stage(method = \"SGD\", "
                + "epochs = 50), ...}.");
      }
      for (Stage stage : t.stages()) {
        if (!methods.contains(stage.method())) {
          problems.add(
              where,
              "the stage @Stage(method = \""
                  + stage.method()
                  + "\") names no "
                  + "@Optimizer declared at scale "
                  + scale.id()
                  + "; declared labels: "
                  + methods
                  + ". Declare @Optimizer(label = \""
                  + stage.method()
                  + "\", ..., standalone = false)"
                  + " or fix the stage.");
        }
        if (stage.epochs() < 1) {
          problems.add(
              where,
              "the stage @Stage(method = \""
                  + stage.method()
                  + "\", epochs = "
                  + stage.epochs()
                  + ") must train at least 1 epoch.");
        }
      }
      checkBatchSizes(ScaledValues.list(t.batchSizes()), where + ".batchSizes", problems);
      if (t.batchSizes().length == 0 && batchSizes.isEmpty()) {
        problems.add(
            where,
            "no batch sizes at scale "
                + scale.id()
                + ": add @BatchSizes({...}), "
                + "@AtScale(scale = "
                + scale
                + ", batchSizes = {...}) or @Track(batchSizes = {...}).");
      }
    }
  }

  /** Reports an experiment that trains at the scale but names no workload. */
  void checkWorkloadNamed(boolean named, boolean trains, Scale scale) {
    if (!named && trains) {
      problems.add(
          "@TrainOn",
          "the experiment trains but names no workload at scale "
              + scale.id()
              + "; add @TrainOn(YourWorkload.class) (a "
              + Workload.class.getName()
              + " implementation).");
    }
  }

  /** Reports an experiment with neither training trials at the scale nor custom trials. */
  void checkSomethingToRun(boolean trains, Scale scale) {
    if (!trains && !CustomTrials.class.isAssignableFrom(type)) {
      problems.add(
          "@Experiment",
          "nothing to run at scale "
              + scale.id()
              + ": declare a "
              + "standalone @Optimizer or a @Track active at this scale, or implement "
              + CustomTrials.class.getName()
              + ".");
    }
  }

  /**
   * Returns the declared kind, or for {@link ExperimentKind#AUTO} the kind its trials imply: tracks
   * when it has tracks, training when it trains or plans no custom trials; an experiment of custom
   * trials alone must say its kind, which is reported (and AUTO returned).
   *
   * @param hasTracks whether tracks are active at the scale
   * @param trains whether standalone optimizers or tracks are active at the scale
   */
  ExperimentKind kind(Experiment experiment, boolean hasTracks, boolean trains) {
    ExperimentKind kind = experiment.kind();
    if (kind != ExperimentKind.AUTO) {
      return kind;
    }
    if (hasTracks) {
      return ExperimentKind.TRACKS;
    }
    if (trains || !CustomTrials.class.isAssignableFrom(type)) {
      return ExperimentKind.TRAINING;
    }
    problems.add(
        "@Experiment",
        "an experiment without training trials must say what its trials "
            + "carry; set @Experiment(kind = ExperimentKind.SUBPROBLEM) or LANDSCAPE.");
    return kind;
  }

  /**
   * Returns the metric keys the training and track trials of this experiment record at any scale
   * ({@link TrialMetrics#keys}), or empty when they are not known before it runs: when it
   * implements {@link CustomTrials} (whose trials record keys of their own) or declares no
   * training.
   */
  Set<String> recordedMetricKeys() {
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
      keys.addAll(
          TrialMetrics.keys(
              tracks.stream().mapToInt(t -> t.stages().length).max().orElseThrow(), true));
    }
    return keys;
  }

  /** Checks that every {@code @Metrics} key is recorded (when the recorded keys are known). */
  void checkMetrics(Set<String> recorded) {
    if (recorded.isEmpty()) {
      return;
    }
    AnnotationSupport.findAnnotation(type, Metrics.class)
        .ifPresent(
            m -> {
              for (String key : m.value()) {
                if (!recorded.contains(key)) {
                  problems.add("@Metrics", unrecordedMetric(key, recorded));
                }
              }
            });
  }

  /**
   * Returns the paper's values that the {@code @PaperResult}s declare, after checking that each
   * metric is recorded (when the recorded keys are known) and each setting reads key=value.
   */
  List<PaperValue> paperValues(Set<String> recorded) {
    List<PaperValue> values = new ArrayList<>();
    for (PaperResult p : AnnotationSupport.findRepeatableAnnotations(type, PaperResult.class)) {
      String where =
          "@PaperResult(metric = \"" + p.metric() + "\", source = \"" + p.source() + "\")";
      if (!recorded.isEmpty() && !recorded.contains(p.metric())) {
        problems.add(where, unrecordedMetric(p.metric(), recorded));
      }
      Map<String, String> setting = new LinkedHashMap<>();
      for (String entry : p.setting()) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          problems.add(
              where,
              "the setting '" + entry + "' is not of the form key=value (such as method=TR).");
        } else {
          setting.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
      }
      values.add(new PaperValue(setting, p.metric(), p.value(), p.source(), p.paperSetting()));
    }
    return values;
  }

  private static String unrecordedMetric(String key, Set<String> recorded) {
    return "the metric '"
        + key
        + "' is not recorded by the trials of this experiment, so "
        + "reports and the nightly gate would have nothing to compare; use one of "
        + recorded
        + ".";
  }

  /**
   * Checks the custom trials an experiment plans: each name once, dependencies on planned training
   * trials only, and no trial id equal to that of a training trial.
   *
   * @param trainingIds the ids of the experiment's training and track trials
   */
  void checkCustomTrials(
      String experimentId, Scale scale, List<CustomTrial> customs, Set<String> trainingIds) {
    Set<String> names = new HashSet<>();
    for (CustomTrial custom : customs) {
      String where = "CustomTrials.planTrials: trial '" + custom.name() + "'";
      if (!names.add(custom.name())) {
        problems.add(where, "the name is planned twice; give every custom trial its own name.");
      }
      for (String dependency : custom.dependsOn()) {
        if (!trainingIds.contains(dependency)) {
          problems.add(
              where,
              "it depends on '"
                  + dependency
                  + "', which is not a planned "
                  + "training trial of this experiment at scale "
                  + scale.id()
                  + "; planned: "
                  + trainingIds
                  + ".");
        }
      }
      String trialId = TrialExpansion.customTrialId(experimentId, custom);
      if (trainingIds.contains(trialId)) {
        problems.add(
            where,
            "its trial id '"
                + trialId
                + "' is that of a training trial of this "
                + "experiment, so both would write one result file; rename the custom trial (custom "
                + "trial ids are <experiment>__<name>, training ones <experiment>__<label>__b<batch "
                + "size>__r<repeat>).");
      }
    }
  }

  /**
   * Checks that every {@code @AllowedDifferences} name can match what reports compare: a setting of
   * a method some {@code @Optimizer} declares (at any scale), also without the prefix of a
   * composite method's setting when reports drop it ({@code tr.}, {@code sgd.} or a method label,
   * so {@code tr.subproblemStepSize} is also {@code subproblemStepSize}), or a parameter of a
   * planned trial (such as {@code batchSize} or {@code epochs}).
   */
  void checkAllowedDifferences(List<TrialSpec> trials) {
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
      registry
          .find(method)
          .ifPresent(
              provider ->
                  provider
                      .settings()
                      .forEach(
                          spec -> {
                            settings.add(spec.name());
                            settings.add(SettingSpec.comparableName(spec.name(), labels));
                          }));
    }
    Set<String> parameters = new TreeSet<>();
    trials.forEach(t -> parameters.addAll(t.parameters().keySet()));
    for (String name : declared.get().value()) {
      if (!settings.contains(name) && !parameters.contains(name)) {
        problems.add(
            "@AllowedDifferences",
            "the name '"
                + name
                + "' is neither a setting of the "
                + "experiment's methods nor a trial parameter, so it never matches a difference "
                + "that reports compare; use a method setting "
                + settings
                + " or a trial "
                + "parameter "
                + parameters
                + ".");
      }
    }
  }

  /**
   * Reports every planned stage whose method cannot run at its trial's batch size (such as a {@code
   * hessianBatchFraction} that leaves fewer than 8 examples of a minibatch for the Hessian), once
   * per optimizer or track stage and batch size, naming the setting and the batch size.
   */
  void checkMethodsAtBatchSizes(List<TrialSpec> trials, Scale scale) {
    Set<String> reported = new HashSet<>();
    for (TrialSpec trial : trials) {
      for (StageSpec stage : trial.stages()) {
        String where =
            trial.type() == TrialType.TRACK
                ? "@Track(label = \""
                    + trial.label()
                    + "\"), @Stage(method = \""
                    + stage.label()
                    + "\")"
                : "@Optimizer(label = \"" + stage.label() + "\")";
        if (!reported.add(where + "@" + trial.batchSize())) {
          continue;
        }
        registry
            .problemsAtBatchSize(stage.method(), stage.settingStrings(), trial.batchSize())
            .forEach(
                p ->
                    problems.add(
                        where,
                        p
                            + "; fix @Optimizer(label = \""
                            + stage.label()
                            + "\", settings = ...) or the batch sizes at scale "
                            + scale.id()
                            + "."));
      }
    }
  }

  /**
   * Returns the claims the {@code @Claim}s declare, after checking each against the planned trials:
   * a unique non-blank id, a statement and a source; methods that are methods of the trials
   * (parameters {@code method}, {@code methodA}, {@code methodB}), as many as the comparison reads;
   * a metric the trials record (when the recorded keys are known; the epoch quantities for {@link
   * ClaimComparison#STAGE_JUMP} and {@link ClaimComparison#BASIN_SHARPNESS}); a setting whose keys
   * and values some planned trial has; and no parameter the comparison does not read.
   *
   * <p>Claims declared for other scales only ({@code @Claim(scales)}) are left out: not checked and
   * not returned.
   *
   * @param trials every planned trial at the scale
   * @param recorded the metric keys the training and track trials record (empty: not known)
   * @param scale the scale planned at
   */
  List<ClaimDeclaration> claims(List<TrialSpec> trials, Set<String> recorded, Scale scale) {
    List<ClaimDeclaration> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> methods = new TreeSet<>();
    Map<String, Set<String>> parameterValues = new java.util.TreeMap<>();
    for (TrialSpec t : trials) {
      for (String key : List.of(ParameterKeys.METHOD, "methodA", "methodB")) {
        String value = t.parameters().get(key);
        if (value != null) {
          methods.add(value);
        }
      }
      t.parameters()
          .forEach((k, v) -> parameterValues.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
    }
    for (Claim c : AnnotationSupport.findRepeatableAnnotations(type, Claim.class)) {
      String where = "@Claim(id = \"" + c.id() + "\")";
      boolean atThisScale = c.scales().length == 0 || Arrays.asList(c.scales()).contains(scale);
      if (c.id().isBlank() || !ids.add(c.id())) {
        problems.add(
            where,
            c.id().isBlank()
                ? "the id is blank; give every claim a short id such as \"C1\"."
                : "the id is declared twice; give every claim of the experiment its own id.");
      }
      if (c.statement().isBlank() || c.source().isBlank()) {
        problems.add(
            where,
            "the statement or the source is blank; say what is claimed and where it comes "
                + "from (such as source = \"Figure 3\").");
      }
      if (!atThisScale) {
        continue;
      }
      checkClaimMethods(c, where, methods, trials);
      checkClaimMetric(c, where, recorded, trials);
      checkClaimParameters(c, where, trials, parameterValues);
      Map<String, String> setting = new LinkedHashMap<>();
      for (String entry : c.setting()) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          problems.add(
              where,
              "the setting '" + entry + "' is not of the form key=value (such as scale=ci).");
          continue;
        }
        String key = entry.substring(0, eq).trim();
        String value = entry.substring(eq + 1).trim();
        setting.put(key, value);
        if (!parameterValues.containsKey(key)) {
          problems.add(
              where,
              "the setting names the parameter '"
                  + key
                  + "', which no planned trial has; use one of "
                  + parameterValues.keySet()
                  + " or remove it from @Claim(setting = ...).");
        } else if (!parameterValues.get(key).contains(value)) {
          problems.add(
              where,
              "no planned trial has "
                  + key
                  + "="
                  + value
                  + " (planned values: "
                  + parameterValues.get(key)
                  + "); fix @Claim(setting = ...), or use batch = ClaimBatch.SMALLEST or LARGEST "
                  + "for a batch size that differs between scales.");
        }
      }
      if (!Double.isFinite(c.threshold())) {
        problems.add(where, "the threshold " + c.threshold() + " is not a finite number.");
      }
      out.add(
          new ClaimDeclaration(
              c.id(),
              c.statement(),
              c.source(),
              c.comparison(),
              c.metric(),
              List.of(c.methods()),
              c.batch(),
              setting,
              c.direction(),
              c.threshold(),
              c.stage(),
              c.parameter(),
              c.against(),
              c.alphaStep()));
    }
    return out;
  }

  private void checkClaimMethods(
      Claim c, String where, Set<String> methods, List<TrialSpec> trials) {
    int n = c.methods().length;
    boolean countOk =
        switch (c.comparison()) {
          case DIFFERENCE, RATIO, BASIN_SHARPNESS -> n == 2;
          case MARGIN_OVER_MAX -> n >= 3;
          case BATCH_DROP -> n == 1 || n == 2;
          case STAGE_JUMP, TREND, BOUND, FIT_QUALITY -> n == 1;
        };
    if (!countOk) {
      problems.add(
          where,
          "comparison = "
              + c.comparison()
              + " reads "
              + switch (c.comparison()) {
                case DIFFERENCE, RATIO, BASIN_SHARPNESS -> "two methods";
                case MARGIN_OVER_MAX -> "at least three methods (the first against the others)";
                case BATCH_DROP -> "one or two methods";
                case STAGE_JUMP, TREND, BOUND, FIT_QUALITY -> "one method";
              }
              + " but methods = "
              + Arrays.toString(c.methods())
              + " names "
              + n
              + "; fix @Claim(methods = ...).");
    }
    for (String m : c.methods()) {
      if (!methods.contains(m)) {
        problems.add(
            where,
            "the method '"
                + m
                + "' is not a method of this experiment's trials at this scale; "
                + "its methods: "
                + methods
                + ". Fix @Claim(methods = ...).");
      }
    }
    if (c.comparison() == ClaimComparison.STAGE_JUMP && n == 1) {
      trials.stream()
          .filter(t -> t.type() == TrialType.TRACK && t.label().equals(c.methods()[0]))
          .findFirst()
          .ifPresentOrElse(
              t -> {
                if (c.stage() < 1 || c.stage() >= t.stages().size()) {
                  problems.add(
                      where,
                      "stage = "
                          + c.stage()
                          + " names no stage boundary of the track '"
                          + t.label()
                          + "', which has "
                          + t.stages().size()
                          + " stage(s); use a stage from 1 to "
                          + (t.stages().size() - 1)
                          + " (the jump is measured after its end).");
                }
              },
              () ->
                  problems.add(
                      where,
                      "comparison = STAGE_JUMP needs a @Track, but '"
                          + c.methods()[0]
                          + "' is not the label of a track of this experiment; fix @Claim(methods "
                          + "= ...)."));
    }
    if (c.comparison() == ClaimComparison.BASIN_SHARPNESS && n == 2) {
      boolean pair =
          trials.stream()
              .anyMatch(
                  t ->
                      c.methods()[0].equals(t.parameters().get("methodA"))
                          && c.methods()[1].equals(t.parameters().get("methodB")));
      if (!pair) {
        problems.add(
            where,
            "no planned trial interpolates between '"
                + c.methods()[0]
                + "' (α = 1, parameter methodA) and '"
                + c.methods()[1]
                + "' (α = 0, parameter methodB); name a planned pair in that order.");
      }
    }
  }

  private void checkClaimMetric(
      Claim c, String where, Set<String> recorded, List<TrialSpec> trials) {
    if (c.comparison() == ClaimComparison.STAGE_JUMP
        || c.comparison() == ClaimComparison.BASIN_SHARPNESS) {
      if (!ClaimDeclaration.EPOCH_QUANTITIES.contains(c.metric())) {
        problems.add(
            where,
            "comparison = "
                + c.comparison()
                + " reads the quantity '"
                + c.metric()
                + "', which is none of "
                + ClaimDeclaration.EPOCH_QUANTITIES
                + "; fix @Claim(metric = ...).");
      }
      return;
    }
    boolean trains = trials.stream().anyMatch(t -> t.type() != TrialType.CUSTOM);
    List<String> metrics = new ArrayList<>(List.of(c.metric()));
    if (c.comparison() == ClaimComparison.BOUND) {
      metrics.add(c.against());
    }
    for (String metric : metrics) {
      if (metric.isBlank()) {
        problems.add(where, "a metric is blank; name a metric the trials record.");
      } else if (metric.equals(ClaimDeclaration.SECONDS_PER_EPOCH)) {
        if (!trains) {
          problems.add(
              where,
              "the quantity '"
                  + metric
                  + "' comes from training epochs, but this experiment plans no "
                  + "training or track trials; use a metric its trials record.");
        }
      } else if (!recorded.isEmpty() && !recorded.contains(metric)) {
        problems.add(
            where,
            "the metric '"
                + metric
                + "' is not recorded by the trials of this experiment; use one "
                + "of "
                + recorded
                + " or "
                + ClaimDeclaration.SECONDS_PER_EPOCH
                + ".");
      }
    }
  }

  private void checkClaimParameters(
      Claim c, String where, List<TrialSpec> trials, Map<String, Set<String>> parameterValues) {
    ClaimComparison k = c.comparison();
    List<String> unread = new ArrayList<>();
    if (c.stage() != 0 && k != ClaimComparison.STAGE_JUMP) {
      unread.add("stage");
    }
    if (!c.parameter().isBlank() && k != ClaimComparison.TREND) {
      unread.add("parameter");
    }
    if (!c.against().isBlank() && k != ClaimComparison.BOUND) {
      unread.add("against");
    }
    if (c.alphaStep() != 0 && k != ClaimComparison.BASIN_SHARPNESS) {
      unread.add("alphaStep");
    }
    if (!unread.isEmpty()) {
      problems.add(
          where,
          "comparison = "
              + k
              + " does not read "
              + String.join(", ", unread)
              + "; remove "
              + (unread.size() == 1 ? "it" : "them")
              + " or choose the comparison that reads "
              + (unread.size() == 1 ? "it" : "them")
              + ".");
    }
    if (k == ClaimComparison.TREND && !parameterValues.containsKey(c.parameter())) {
      problems.add(
          where,
          "comparison = TREND needs parameter = the name of a numeric trial parameter, but '"
              + c.parameter()
              + "' is none of "
              + parameterValues.keySet()
              + ".");
    }
    if (k == ClaimComparison.FIT_QUALITY && !parameterValues.containsKey("lambda")) {
      problems.add(
          where,
          "comparison = FIT_QUALITY fits T(λ) against the parameter 'lambda', which no "
              + "planned trial has.");
    }
    if (k == ClaimComparison.BASIN_SHARPNESS && !(c.alphaStep() > 0)) {
      problems.add(
          where,
          "comparison = BASIN_SHARPNESS needs alphaStep > 0 (the step h in α on each side "
              + "of the ends, a multiple of the α grid's step such as 0.5).");
    }
    if (k == ClaimComparison.BATCH_DROP) {
      if (c.batch() != ClaimBatch.ALL) {
        problems.add(
            where,
            "comparison = BATCH_DROP compares the smallest with the largest batch size; "
                + "leave batch at ClaimBatch.ALL.");
      }
      long sizes =
          trials.stream()
              .filter(t -> t.type() != TrialType.CUSTOM)
              .map(t -> t.parameters().get(ParameterKeys.BATCH_SIZE))
              .distinct()
              .count();
      if (sizes < 2) {
        problems.add(
            where,
            "comparison = BATCH_DROP needs trials at two batch sizes or more, but this "
                + "experiment has "
                + sizes
                + " at this scale; declare more @BatchSizes or drop the claim.");
      }
    }
    if (c.batch() != ClaimBatch.ALL && !parameterValues.containsKey(ParameterKeys.BATCH_SIZE)) {
      problems.add(
          where,
          "batch = " + c.batch() + " needs trials with a batch size; leave it at ClaimBatch.ALL.");
    }
  }
}
