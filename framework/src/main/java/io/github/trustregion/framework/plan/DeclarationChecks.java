package io.github.trustregion.framework.plan;

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
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.method.SettingSpec;
import io.github.trustregion.framework.result.PaperValue;
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
 * {@code @PaperResult}, {@code @AllowedDifferences} and the custom trials it plans.
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
}
