package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Seed;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.annotation.WeightDecay;
import io.github.trustregion.framework.workload.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * An experiment's annotation values resolved at one scale: the scale's {@code @AtScale} replaces
 * the values of the experiment's own annotations (found directly or through presets), and the
 * options replace both.
 *
 * <p>A value that cannot be used is reported where it is resolved, naming the annotation it came
 * from (such as {@code @AtScale(scale = CI).repeats} or {@code @Repeats}); the value is returned
 * anyway, so that the other checks can go on.
 */
final class ScaledValues {

  private final Class<?> type;
  private final Scale scale;
  private final ExperimentOptions options;
  private final Problems problems;
  private final AtScale at;

  /**
   * Resolves the values of {@code type} at the options' scale; reports a second {@code @AtScale}
   * for that scale at once.
   */
  ScaledValues(Class<?> type, ExperimentOptions options, Problems problems) {
    this.type = type;
    this.scale = options.scale();
    this.options = options;
    this.problems = problems;
    this.at = findAtScale();
  }

  /** The training and test examples requested (0: the workload's default). */
  record Examples(int train, int test) {}

  /** The workload class an experiment names and where it names it, for problems. */
  record DeclaredWorkload(Class<? extends Workload> type, String where) {}

  /** Returns the scale the values are resolved at. */
  Scale scale() {
    return scale;
  }

  /** Returns the {@code @AtScale} of the scale, if the experiment declares one. */
  Optional<AtScale> atScale() {
    return Optional.ofNullable(at);
  }

  /** Returns how problems name an {@code @AtScale}, such as {@code @AtScale(scale = CI)}. */
  static String describe(AtScale at) {
    return "@AtScale(scale = " + at.scale() + ")";
  }

  /** Returns whether a declaration restricted to {@code scales} (none: all) applies at a scale. */
  static boolean activeAt(Scale[] scales, Scale scale) {
    return scales.length == 0 || Arrays.asList(scales).contains(scale);
  }

  /** Returns {@code @Seed}, else {@link Seed#DEFAULT}; seeds do not depend on the scale. */
  long seed() {
    return AnnotationSupport.findAnnotation(type, Seed.class).map(Seed::value).orElse(Seed.DEFAULT);
  }

  /** Returns the {@code @AtScale}'s first repeat index, else 0; a negative one is a problem. */
  int firstRepeat() {
    int first = at == null ? 0 : at.firstRepeat();
    if (first < 0) {
      problems.add(describe(at) + ".firstRepeat", "is " + first + "; it must be at least 0.");
      return 0;
    }
    return first;
  }

  /**
   * Returns the options' repeats, else those of the {@code @AtScale}, else {@code @Repeats}, else
   * 1.
   */
  int repeats() {
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
      problems.add(source, "the number of repeats is " + repeats + "; it must be at least 1.");
    }
    return repeats;
  }

  /** Returns the epochs of the {@code @AtScale}, else {@code @Epochs}, else 0 (none declared). */
  int epochs() {
    if (at != null && at.epochs() != 0) {
      if (at.epochs() < 0) {
        problems.add(
            describe(at) + ".epochs", "epochs is " + at.epochs() + "; it must be at least 1.");
      }
      return at.epochs();
    }
    Optional<Epochs> declared = AnnotationSupport.findAnnotation(type, Epochs.class);
    if (declared.isPresent() && declared.get().value() < 1) {
      problems.add("@Epochs", "epochs is " + declared.get().value() + "; it must be at least 1.");
    }
    return declared.map(Epochs::value).orElse(0);
  }

  /**
   * Returns the batch sizes of the {@code @AtScale}, else {@code @BatchSizes}, else none (in the
   * declared order).
   */
  List<Integer> batchSizes() {
    List<Integer> sizes;
    String source;
    if (at != null && at.batchSizes().length > 0) {
      sizes = list(at.batchSizes());
      source = describe(at) + ".batchSizes";
    } else {
      sizes =
          AnnotationSupport.findAnnotation(type, BatchSizes.class)
              .map(b -> list(b.value()))
              .orElse(List.of());
      source = "@BatchSizes";
    }
    DeclarationChecks.checkBatchSizes(sizes, source, problems);
    return sizes;
  }

  /** Returns {@code @WeightDecay}, else 0; it does not depend on the scale. */
  double weightDecay() {
    Optional<WeightDecay> declared = AnnotationSupport.findAnnotation(type, WeightDecay.class);
    double value = declared.map(WeightDecay::value).orElse(0.0);
    if (!(value >= 0) || Double.isInfinite(value)) {
      problems.add("@WeightDecay", "the weight decay " + value + " must be a finite number >= 0.");
    }
    return value;
  }

  /** Returns the examples the {@code @AtScale} requests; 0 (the workload's default) without one. */
  Examples examples() {
    if (at == null) {
      return new Examples(0, 0);
    }
    if (at.trainExamples() < 0 || at.testExamples() < 0) {
      problems.add(
          describe(at),
          "trainExamples and testExamples must be 0 (the workload's " + "default) or positive.");
    }
    return new Examples(Math.max(0, at.trainExamples()), Math.max(0, at.testExamples()));
  }

  /** Returns the workload class of the {@code @AtScale}, else of {@code @TrainOn}, if any. */
  Optional<DeclaredWorkload> workload() {
    Class<? extends Workload> workloadType;
    String where;
    if (at != null && at.workload() != Workload.class) {
      workloadType = at.workload();
      where = describe(at) + ".workload";
    } else {
      Optional<TrainOn> declared = AnnotationSupport.findAnnotation(type, TrainOn.class);
      if (declared.isEmpty()) {
        return Optional.empty();
      }
      workloadType = declared.get().value();
      where = "@TrainOn";
    }
    return Optional.of(
        new DeclaredWorkload(workloadType, where + "(" + workloadType.getSimpleName() + ".class)"));
  }

  /** Returns the {@code @Optimizer}s that apply at the scale, in the declared order. */
  List<Optimizer> optimizers() {
    return AnnotationSupport.findRepeatableAnnotations(type, Optimizer.class).stream()
        .filter(o -> activeAt(o.scales(), scale))
        .toList();
  }

  /** Returns the {@code @Track}s that apply at the scale, in the declared order. */
  List<Track> tracks() {
    return AnnotationSupport.findRepeatableAnnotations(type, Track.class).stream()
        .filter(t -> activeAt(t.scales(), scale))
        .toList();
  }

  private AtScale findAtScale() {
    AtScale found = null;
    for (AtScale candidate : AnnotationSupport.findRepeatableAnnotations(type, AtScale.class)) {
      if (candidate.scale() == scale) {
        if (found != null) {
          problems.add(
              describe(candidate),
              "@AtScale is declared twice for scale "
                  + scale.id()
                  + "; merge the two declarations.");
        }
        found = candidate;
      }
    }
    return found;
  }

  /** Returns the values as a list, in their order. */
  static List<Integer> list(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
