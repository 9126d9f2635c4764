package io.github.trustregion.optimizers.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.optimizers.AnalyticObjective;
import io.github.trustregion.optimizers.GeneratedImages;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MinibatchObjective;
import io.github.trustregion.optimizers.SeededNetworks;
import io.github.trustregion.optimizers.hessian.NetworkObjective;
import io.github.trustregion.optimizers.hessian.ObjectiveOptions;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The linear scaling rule η·B/B₀ of SGD and momentum, at two batch sizes. */
class LearningRateScalingTest {

  /** F(x) = ½‖x‖², gradient x. */
  private static final AnalyticObjective.Function HALF_SQUARE =
      new AnalyticObjective.Function() {
        @Override
        public double value(double[] x) {
          return 0.5 * (x[0] * x[0] + x[1] * x[1]);
        }

        @Override
        public double[] gradient(double[] x) {
          return x.clone();
        }

        @Override
        public double[][] hessian(double[] x) {
          return new double[][] {{1, 0}, {0, 1}};
        }
      };

  @Test
  void sgdStepsEtaTimesBatchOverReferenceBatch() {
    // x ← x − η(B/B₀)x with η = 0.1, B₀ = 64: factor 1 − 0.2 at B = 128 and 1 − 0.05 at B = 32.
    Sgd scaled = new Sgd(0.1, 64);
    INDArray atLarge = AnalyticObjective.vector(1.0, -2.0);
    INDArray atSmall = AnalyticObjective.vector(1.0, -2.0);

    scaled.newState(2).step(atLarge, withBatch(128));
    scaled.newState(2).step(atSmall, withBatch(32));

    assertThat(atLarge.toDoubleVector()).containsExactly(new double[] {0.8, -1.6}, within(1e-15));
    assertThat(atSmall.toDoubleVector()).containsExactly(new double[] {0.95, -1.9}, within(1e-15));
  }

  @Test
  void withoutAReferenceBatchTheStepIsFixed() {
    INDArray atLarge = AnalyticObjective.vector(1.0, -2.0);
    INDArray atSmall = AnalyticObjective.vector(1.0, -2.0);

    new Sgd(0.1).newState(2).step(atLarge, withBatch(128));
    new Sgd(0.1).newState(2).step(atSmall, withBatch(32));

    assertThat(atLarge.toDoubleVector()).containsExactly(atSmall.toDoubleVector());
    assertThat(atLarge.toDoubleVector()).containsExactly(new double[] {0.9, -1.8}, within(1e-15));
    assertThat(new Sgd(0.1).settings()).containsOnlyKeys("learningRate");
    assertThat(new Sgd(0.1, 256).settings()).containsEntry("learningRateReferenceBatch", "256");
  }

  @Test
  void heavyBallMomentumScalesItsStepSize() {
    // u₁ = −η(B/B₀)x₀; with x₀ = 1, η = 0.1, B₀ = 100: u₁ = −0.3 at B = 300, −0.05 at B = 50;
    // then u₂ = 0.9u₁ − η(B/B₀)x₁.
    for (int batch : new int[] {300, 50}) {
      double step = 0.1 * batch / 100;
      var state = new Momentum(0.1, 0.9, Momentum.Variant.HEAVY_BALL, 100).newState(2);
      INDArray x = AnalyticObjective.vector(1.0, 0.0);
      state.step(x, withBatch(batch));
      double x1 = 1 - step;
      assertThat(x.getDouble(0)).isCloseTo(x1, within(1e-15));
      state.step(x, withBatch(batch));
      double u2 = 0.9 * -step - step * x1;
      assertThat(x.getDouble(0)).isCloseTo(x1 + u2, within(1e-15));
    }
  }

  @Test
  void aNetworkObjectiveReportsItsBatchSize() {
    NetworkObjective objective =
        NetworkObjective.of(SeededNetworks.fashionMlp(1), ObjectiveOptions.defaults());
    assertThat(objective.on(GeneratedImages.fashionLike(24, 1, DataType.FLOAT)).batchSize())
        .hasValue(24);
  }

  @Test
  void scalingIsRefusedOnAnObjectiveWithoutABatchSizeAndANegativeReferenceBatchAtConstruction() {
    AnalyticObjective analytic = new AnalyticObjective(HALF_SQUARE, 2);
    assertThatThrownBy(
            () -> new Sgd(0.1, 64).newState(2).step(AnalyticObjective.vector(1.0, 1.0), analytic))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRateReferenceBatch");
    assertThatThrownBy(() -> new Sgd(0.1, -1)).hasMessageContaining("learningRateReferenceBatch");
    assertThatThrownBy(() -> new Momentum(0.1, 0.9, Momentum.Variant.NESTEROV, -5))
        .hasMessageContaining("learningRateReferenceBatch");
  }

  /** F = ½‖x‖² as the mean loss of a pretend minibatch of {@code batch} examples. */
  private static MinibatchObjective withBatch(int batch) {
    AnalyticObjective inner = new AnalyticObjective(HALF_SQUARE, 2);
    return new MinibatchObjective() {
      @Override
      public long dimension() {
        return 2;
      }

      @Override
      public double value(INDArray x) {
        return inner.value(x);
      }

      @Override
      public ValueAndGradient valueAndGradient(INDArray x) {
        return inner.valueAndGradient(x);
      }

      @Override
      public HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX) {
        return inner.hessianAt(x, gradientAtX);
      }

      @Override
      public OptionalInt batchSize() {
        return OptionalInt.of(batch);
      }
    };
  }
}
