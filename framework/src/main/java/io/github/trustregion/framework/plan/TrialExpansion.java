package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.custom.CustomPlanContext;
import io.github.trustregion.framework.custom.CustomTrial;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.PlannedTrial;
import io.github.trustregion.framework.result.TuningChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Expands a validated experiment definition into its trials, with stable ids and seeds.
 *
 * <p>For every repeat r (seed {@link Seeds#trialSeed}), every batch size in increasing order, every
 * standalone {@code @Optimizer} and then every {@code @Track} with that batch size (in the declared
 * order) gives one trial; the custom trials of a {@code CustomTrials} experiment follow, in the
 * order it plans them. Only valid declarations are expanded: the checks run first.
 */
final class TrialExpansion {

  private TrialExpansion() {}

  /**
   * Returns the stage of each {@code @Optimizer} label with its settings resolved, training {@code
   * epochs} epochs; the first declaration of a label wins.
   */
  static Map<String, StageSpec> methods(
      List<Optimizer> optimizers, MethodRegistry registry, int epochs) {
    Map<String, StageSpec> methods = new LinkedHashMap<>();
    for (Optimizer o : optimizers) {
      String method = o.method().isBlank() ? o.label() : o.method();
      List<String> settings = List.of(o.settings());
      methods.computeIfAbsent(
          o.label(),
          label ->
              new StageSpec(
                  label, method, settings, registry.resolveSettings(method, settings), epochs));
    }
    return methods;
  }

  /**
   * Returns the training trials of the standalone optimizers and the track trials.
   *
   * @param methods the stage of every optimizer label active at the scale ({@link #methods})
   */
  static List<TrialSpec> trainingTrials(
      ExperimentDefinition d,
      Map<String, StageSpec> methods,
      List<Optimizer> standalone,
      List<Track> tracks) {
    TreeSet<Integer> allSizes = new TreeSet<>(d.batchSizes());
    standalone.forEach(o -> allSizes.addAll(ScaledValues.list(o.batchSizes())));
    tracks.forEach(t -> allSizes.addAll(ScaledValues.list(t.batchSizes())));
    List<TrialSpec> trials = new ArrayList<>();
    for (int repeat = d.firstRepeat(); repeat < d.firstRepeat() + d.repeats(); repeat++) {
      long seed = Seeds.trialSeed(d.baseSeed(), repeat);
      for (int batchSize : allSizes) {
        for (Optimizer o : standalone) {
          if (sizes(o.batchSizes(), d).contains(batchSize)) {
            StageSpec stage = methods.get(o.label());
            Map<String, String> parameters =
                parameters(d, o.label(), TrialType.TRAINING, batchSize, repeat, seed);
            parameters.put("optimizer", stage.method());
            parameters.put("epochs", Integer.toString(stage.epochs()));
            trials.add(
                new TrialSpec(
                    trialId(d.id(), o.label(), batchSize, repeat),
                    TrialType.TRAINING,
                    o.label(),
                    batchSize,
                    repeat,
                    seed,
                    List.of(stage),
                    parameters,
                    Optional.empty()));
          }
        }
        for (Track t : tracks) {
          if (sizes(t.batchSizes(), d).contains(batchSize)) {
            List<StageSpec> stages =
                Arrays.stream(t.stages())
                    .map(
                        s -> {
                          StageSpec m = methods.get(s.method());
                          return new StageSpec(
                              m.label(), m.method(), m.settingStrings(), m.settings(), s.epochs());
                        })
                    .toList();
            Map<String, String> parameters =
                parameters(d, t.label(), TrialType.TRACK, batchSize, repeat, seed);
            parameters.put(
                "stages",
                stages.stream()
                    .map(s -> s.label() + "(" + s.epochs() + ")")
                    .collect(Collectors.joining(" > ")));
            parameters.put(
                "epochs", Integer.toString(stages.stream().mapToInt(StageSpec::epochs).sum()));
            trials.add(
                new TrialSpec(
                    trialId(d.id(), t.label(), batchSize, repeat),
                    TrialType.TRACK,
                    t.label(),
                    batchSize,
                    repeat,
                    seed,
                    stages,
                    parameters,
                    Optional.empty()));
          }
        }
      }
    }
    return trials;
  }

  /**
   * Returns the tuning trials of the tunings: per tuning (in declared order), tuning batch size,
   * grid point and tuning repeat, one trial with the point's values in place of the declared ones.
   */
  static List<TrialSpec> tuningTrials(
      ExperimentDefinition d,
      Map<String, StageSpec> methods,
      List<TuningSpec> tunings,
      MethodRegistry registry) {
    List<TrialSpec> trials = new ArrayList<>();
    for (TuningSpec t : tunings) {
      StageSpec declared = methods.get(t.label());
      for (int batchSize : t.batchSizes()) {
        for (int p = 0; p < t.points().size(); p++) {
          List<String> settings = t.withPoint(declared.settingStrings(), p);
          StageSpec stage =
              new StageSpec(
                  declared.label(),
                  declared.method(),
                  settings,
                  registry.resolveSettings(declared.method(), settings),
                  declared.epochs());
          for (int k = 0; k < t.repeats(); k++) {
            long seed = TuningSpec.seed(d.baseSeed(), k);
            Map<String, String> parameters =
                parameters(d, t.label(), TrialType.TUNING, batchSize, k, seed);
            parameters.put("optimizer", stage.method());
            parameters.put("epochs", Integer.toString(stage.epochs()));
            parameters.put(TuningChoice.POINT, t.pointText(p));
            parameters.put(TuningChoice.POINT_INDEX, Integer.toString(p));
            parameters.put(TuningChoice.METRIC, t.metric());
            parameters.put(TuningChoice.SCOPE, t.scope().id());
            parameters.put(
                TuningChoice.VALIDATION_FRACTION, Double.toString(t.validationFraction()));
            trials.add(
                new TrialSpec(
                    TuningSpec.trialId(d.id(), t.label(), p, batchSize, k),
                    TrialType.TUNING,
                    t.label(),
                    batchSize,
                    k,
                    seed,
                    List.of(stage),
                    parameters,
                    Optional.empty()));
          }
        }
      }
    }
    return trials;
  }

  /**
   * Returns the training trials with the tuning they use in their parameters ({@code tuning} and
   * {@code tuningBudget}; {@code tuning = "not tuned"} for a standalone optimizer without {@code
   * Tune} beside tuned ones); unchanged when nothing is tuned.
   */
  static List<TrialSpec> markTuned(List<TrialSpec> trials, List<TuningSpec> tunings) {
    if (tunings.isEmpty()) {
      return trials;
    }
    List<TrialSpec> marked = new ArrayList<>();
    for (TrialSpec t : trials) {
      if (t.type() != TrialType.TRAINING) {
        marked.add(t);
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>(t.parameters());
      Optional<TuningSpec> tuning =
          tunings.stream().filter(s -> s.label().equals(t.label())).findFirst();
      parameters.put(
          TuningChoice.TUNING, tuning.map(TuningSpec::description).orElse(TuningChoice.NOT_TUNED));
      parameters.put(
          TuningChoice.BUDGET, Integer.toString(tuning.map(TuningSpec::budget).orElse(0)));
      marked.add(
          new TrialSpec(
              t.trialId(),
              t.type(),
              t.label(),
              t.batchSize(),
              t.repeat(),
              t.seed(),
              t.stages(),
              parameters,
              t.custom()));
    }
    return marked;
  }

  private static List<Integer> sizes(int[] own, ExperimentDefinition d) {
    return own.length > 0 ? ScaledValues.list(own) : d.batchSizes();
  }

  private static Map<String, String> parameters(
      ExperimentDefinition d, String label, TrialType kind, int batchSize, int repeat, long seed) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(ParameterKeys.METHOD, label);
    parameters.put(ParameterKeys.BATCH_SIZE, Integer.toString(batchSize));
    parameters.put("seed", Long.toString(seed));
    parameters.put("repeat", Integer.toString(repeat));
    parameters.put("scale", d.scale().id());
    parameters.put("trialType", kind.id());
    parameters.put("weightDecay", Double.toString(d.weightDecay()));
    return parameters;
  }

  /**
   * Returns the custom trials the experiment plans given its training trials, or none when it plans
   * none; a {@code planTrials} that throws is reported and plans none.
   */
  static List<CustomTrial> planCustomTrials(
      ExperimentDefinition d, List<TrialSpec> training, Problems problems) {
    if (d.customTrials().isEmpty()) {
      return List.of();
    }
    List<PlannedTrial> planned = training.stream().map(TrialSpec::toPlannedTrial).toList();
    try {
      return d.customTrials()
          .get()
          .planTrials(new CustomPlanContext(d.id(), d.scale(), d.repeats(), d.baseSeed(), planned));
    } catch (RuntimeException e) {
      problems.add(
          "CustomTrials.planTrials",
          "planning the custom trials threw "
              + e
              + "; planTrials must not fail (and must not load data).");
      return List.of();
    }
  }

  /** Returns the trials of the custom trials the experiment planned, in their order. */
  static List<TrialSpec> customTrialSpecs(ExperimentDefinition d, List<CustomTrial> customs) {
    List<TrialSpec> trials = new ArrayList<>();
    for (CustomTrial custom : customs) {
      Map<String, String> parameters = new LinkedHashMap<>(custom.parameters());
      parameters.put("scale", d.scale().id());
      parameters.put("trialType", TrialType.CUSTOM.id());
      trials.add(
          new TrialSpec(
              customTrialId(d.id(), custom),
              TrialType.CUSTOM,
              custom.name(),
              0,
              0,
              d.baseSeed(),
              List.of(),
              parameters,
              Optional.of(custom)));
    }
    return trials;
  }

  /** Returns the stable id of a training or track trial. */
  static String trialId(String experimentId, String label, int batchSize, int repeat) {
    return experimentId + "__" + label + "__b" + batchSize + "__r" + repeat;
  }

  /** Returns the stable id of a custom trial: the experiment id and its name. */
  static String customTrialId(String experimentId, CustomTrial custom) {
    return experimentId + "__" + custom.name();
  }
}
