package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomIndefiniteProblemTest {

  @Test
  void lowestEigenvalueIsMinusLambdaUpToRoundingSinceBBTransposeIsSingular() {
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(40, 30, 3, DataType.DOUBLE);
    double[] values = SymmetricEigen.of(problem.denseHessian()).values();
    assertThat(values[0]).isCloseTo(-30, within(1e-10));
    assertThat(values[1]).isGreaterThan(-30);
  }

  @Test
  void operatorAgreesWithTheDenseHessianBuiltFromTheDraws() {
    int n = 25;
    RandomIndefiniteProblem problem = RandomIndefiniteProblem.generate(n, 10, 4, DataType.DOUBLE);
    // rebuild B and g from the documented draw order: B row by row, then g
    Random random = new Random(4);
    double[][] b = new double[n][n - 1];
    for (double[] row : b) {
      for (int j = 0; j < n - 1; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[] g = DenseMath.gaussian(n, random);
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] = DenseMath.dot(b[i], b[j]) - (i == j ? 10 : 0);
      }
    }
    assertThat(problem.gradientAsDoubles()).containsExactly(g, within(0.0));
    double[] v = DenseMath.gaussian(n, new Random(99));
    double[] expected = DenseMath.multiply(h, v);
    assertThat(problem.hessian().multiply(Nd4j.createFromArray(v)).toDoubleVector())
        .containsExactly(expected, within(1e-12 * DenseMath.norm(expected)));
    assertThat(DenseMath.multiply(problem.denseHessian(), v))
        .containsExactly(expected, within(1e-12 * DenseMath.norm(expected)));
  }

  @Test
  void isReproducibleFromItsSeedAndKeepsTheRequestedDataType() {
    RandomIndefiniteProblem first = RandomIndefiniteProblem.generate(10, 5, 7, DataType.FLOAT);
    RandomIndefiniteProblem again = RandomIndefiniteProblem.generate(10, 5, 7, DataType.FLOAT);
    RandomIndefiniteProblem other = RandomIndefiniteProblem.generate(10, 5, 8, DataType.FLOAT);
    assertThat(first.gradient()).isEqualTo(again.gradient()).isNotEqualTo(other.gradient());
    assertThat(first.dataType()).isEqualTo(DataType.FLOAT);
    INDArray v = Nd4j.ones(DataType.FLOAT, 10);
    INDArray product = first.hessian().multiply(v);
    assertThat(product.dataType()).isEqualTo(DataType.FLOAT);
    assertThat(product).isEqualTo(again.hessian().multiply(v));
  }

  @Test
  void rejectsATooSmallDimensionAndAnIntegerDataType() {
    assertThatThrownBy(() -> RandomIndefiniteProblem.generate(1, 5, 1, DataType.DOUBLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n = 1");
    assertThatThrownBy(() -> RandomIndefiniteProblem.generate(5, 5, 1, DataType.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INT");
  }
}
