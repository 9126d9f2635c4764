package io.github.trustregion.framework.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.AtScale;
import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.Repeats;
import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.annotation.Seed;
import io.github.trustregion.framework.annotation.Stage;
import io.github.trustregion.framework.annotation.Track;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.annotation.WeightDecay;
import io.github.trustregion.framework.support.BlobsWorkload;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolves annotation values at a scale: {@code @AtScale} over the annotations, options over both.
 */
class ScaledValuesTest {

  @Experiment
  @TrainOn(BlobsWorkload.class)
  @Repeats(2)
  @Epochs(4)
  @BatchSizes({32, 64})
  @WeightDecay(0.001)
  @Seed(7)
  @AtScale(
      scale = Scale.SMOKE,
      repeats = 1,
      epochs = 1,
      batchSizes = {8},
      trainExamples = 100,
      testExamples = 50,
      workload = BlobsWorkload.SmokeOnly.class)
  @AtScale(scale = Scale.CI, epochs = 2)
  @Optimizer(label = "SGD", method = "SGD")
  @Optimizer(label = "TR", method = "TR", scales = Scale.PAPER)
  @Track(label = "chain", stages = @Stage(method = "SGD", epochs = 1), scales = Scale.CI)
  static class Overrides {}

  /** A preset: values declared through a composed annotation. */
  @Retention(RetentionPolicy.RUNTIME)
  @Repeats(5)
  @BatchSizes(16)
  @interface Preset {}

  @Experiment
  @Preset
  static class FromPreset {}

  @Experiment
  @AtScale(scale = Scale.CI, epochs = 2)
  @AtScale(
      scale = Scale.CI,
      repeats = -1,
      epochs = -3,
      batchSizes = {0, 8, 8},
      trainExamples = -1)
  @WeightDecay(Double.NaN)
  static class Invalid {}

  private final Problems problems = new Problems("test.Class");

  private ScaledValues at(Class<?> type, Scale scale) {
    return new ScaledValues(type, ExperimentOptions.defaults(scale), problems);
  }

  @Test
  void takesEveryValueThatTheAtScaleOfTheScaleDeclares() {
    ScaledValues smoke = at(Overrides.class, Scale.SMOKE);

    assertThat(smoke.repeats()).isEqualTo(1);
    assertThat(smoke.epochs()).isEqualTo(1);
    assertThat(smoke.batchSizes()).containsExactly(8);
    assertThat(smoke.examples()).isEqualTo(new ScaledValues.Examples(100, 50));
    assertThat(smoke.workload())
        .hasValueSatisfying(
            w -> {
              assertThat(w.type()).isEqualTo(BlobsWorkload.SmokeOnly.class);
              assertThat(w.where()).isEqualTo("@AtScale(scale = SMOKE).workload(SmokeOnly.class)");
            });
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void keepsTheAnnotationsWhereTheAtScaleLeavesAValueAtItsDefault() {
    ScaledValues ci = at(Overrides.class, Scale.CI);

    assertThat(ci.epochs()).isEqualTo(2);
    assertThat(ci.repeats()).isEqualTo(2);
    assertThat(ci.batchSizes()).containsExactly(32, 64);
    assertThat(ci.examples()).isEqualTo(new ScaledValues.Examples(0, 0));
    assertThat(ci.workload())
        .hasValueSatisfying(
            w -> {
              assertThat(w.type()).isEqualTo(BlobsWorkload.class);
              assertThat(w.where()).isEqualTo("@TrainOn(BlobsWorkload.class)");
            });
  }

  @Test
  void usesTheAnnotationsAtAScaleWithoutAtScale() {
    ScaledValues paper = at(Overrides.class, Scale.PAPER);

    assertThat(paper.atScale()).isEmpty();
    assertThat(paper.repeats()).isEqualTo(2);
    assertThat(paper.epochs()).isEqualTo(4);
    assertThat(paper.batchSizes()).containsExactly(32, 64);
    assertThat(paper.seed()).isEqualTo(7);
    assertThat(paper.weightDecay()).isEqualTo(0.001);
  }

  @Test
  void letsTheRepeatsOptionReplaceTheAtScaleAndTheAnnotation() {
    ScaledValues values =
        new ScaledValues(
            Overrides.class, ExperimentOptions.defaults(Scale.SMOKE).withRepeats(9), problems);

    assertThat(values.repeats()).isEqualTo(9);
  }

  @Test
  void readsValuesDeclaredThroughAPresetAndDefaultsTheRest() {
    ScaledValues values = at(FromPreset.class, Scale.CI);

    assertThat(values.repeats()).isEqualTo(5);
    assertThat(values.batchSizes()).containsExactly(16);
    assertThat(values.epochs()).isZero();
    assertThat(values.seed()).isEqualTo(Seed.DEFAULT);
    assertThat(values.weightDecay()).isZero();
    assertThat(values.workload()).isEmpty();
  }

  @Test
  void keepsTheOptimizersAndTracksThatApplyAtTheScaleInTheirOrder() {
    assertThat(at(Overrides.class, Scale.SMOKE).optimizers())
        .extracting(Optimizer::label)
        .containsExactly("SGD");
    assertThat(at(Overrides.class, Scale.PAPER).optimizers())
        .extracting(Optimizer::label)
        .containsExactly("SGD", "TR");
    assertThat(at(Overrides.class, Scale.SMOKE).tracks()).isEmpty();
    assertThat(at(Overrides.class, Scale.CI).tracks())
        .extracting(Track::label)
        .containsExactly("chain");
  }

  @Test
  void reportsEachUnusableValueNamingTheAnnotationItCameFrom() {
    ScaledValues ci = at(Invalid.class, Scale.CI);

    assertThat(ci.repeats()).isEqualTo(-1);
    assertThat(ci.epochs()).isEqualTo(-3);
    assertThat(ci.batchSizes()).containsExactly(0, 8, 8);
    ci.weightDecay();
    ci.examples();

    assertThat(problems.list())
        .extracting(ValidationProblem::annotation)
        .containsExactly(
            "@AtScale(scale = CI)",
            "@AtScale(scale = CI).repeats",
            "@AtScale(scale = CI).epochs",
            "@AtScale(scale = CI).batchSizes",
            "@AtScale(scale = CI).batchSizes",
            "@WeightDecay",
            "@AtScale(scale = CI)");
    List<String> messages = problems.list().stream().map(ValidationProblem::message).toList();
    assertThat(messages.get(0)).contains("declared twice for scale ci");
    assertThat(ci.atScale()).hasValueSatisfying(a -> assertThat(a.epochs()).isEqualTo(-3));
    assertThat(messages.get(1)).contains("the number of repeats is -1");
    assertThat(messages.get(2)).contains("epochs is -3");
    assertThat(messages.get(3)).contains("the batch size 0 is not positive");
    assertThat(messages.get(4)).contains("[0, 8, 8] contain duplicates");
    assertThat(messages.get(5)).contains("the weight decay NaN");
    assertThat(messages.get(6)).contains("trainExamples and testExamples must be 0");
    assertThat(problems.list()).extracting(ValidationProblem::className).containsOnly("test.Class");
  }

  @Test
  void appliesADeclarationWithoutScalesAtEveryScaleAndOneWithScalesOnlyThere() {
    assertThat(ScaledValues.activeAt(new Scale[0], Scale.PAPER)).isTrue();
    assertThat(ScaledValues.activeAt(new Scale[] {Scale.CI}, Scale.CI)).isTrue();
    assertThat(ScaledValues.activeAt(new Scale[] {Scale.CI}, Scale.SMOKE)).isFalse();
  }
}
