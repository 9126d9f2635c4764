package io.github.trustregion.optimizers.subproblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

class SymmetricEigenTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 40, 150})
  void decomposesRandomSymmetricMatricesIntoOrthonormalEigenpairs(int n) {
    Random random = new Random(17 + n);
    double[][] a = DenseMath.randomSymmetric(n, random);
    SymmetricEigen.Eigensystem eigen = SymmetricEigen.of(a);
    double scale = DenseMath.frobenius(a);
    double[] values = eigen.values();
    double[][] v = eigen.vectors();
    for (int j = 0; j < n; j++) {
      if (j > 0) {
        assertThat(values[j]).isGreaterThanOrEqualTo(values[j - 1]);
      }
      double[] vector = new double[n];
      for (int i = 0; i < n; i++) {
        vector[i] = v[i][j];
      }
      double[] av = DenseMath.multiply(a, vector);
      for (int i = 0; i < n; i++) {
        assertThat(av[i]).isCloseTo(values[j] * vector[i], within(1e-12 * scale));
      }
      for (int k = 0; k <= j; k++) {
        double product = 0;
        for (int i = 0; i < n; i++) {
          product += v[i][j] * v[i][k];
        }
        assertThat(product).isCloseTo(k == j ? 1.0 : 0.0, within(1e-12));
      }
    }
  }

  @Test
  void findsTheEigenvaluesOfSmallMatricesKnownByHand() {
    assertThat(SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}}).values())
        .containsExactly(new double[] {1, 3}, within(1e-15));
    assertThat(SymmetricEigen.of(new double[][] {{4, 0, 0}, {0, -1, 0}, {0, 0, 2}}).values())
        .containsExactly(new double[] {-1, 2, 4}, within(0.0));
    // [[0,1,0],[1,0,1],[0,1,0]] has eigenvalues −√2, 0, √2.
    assertThat(SymmetricEigen.of(new double[][] {{0, 1, 0}, {1, 0, 1}, {0, 1, 0}}).values())
        .containsExactly(new double[] {-Math.sqrt(2), 0, Math.sqrt(2)}, within(1e-15));
  }

  @Test
  void keepsRepeatedEigenvaluesAndAnOrthonormalBasisOfTheirEigenspace() {
    Random random = new Random(5);
    double[][] q = DenseMath.randomOrthogonal(6, random);
    double[] spectrum = {-3, -3, 1, 1, 1, 5};
    SymmetricEigen.Eigensystem eigen = SymmetricEigen.of(DenseMath.withEigenvalues(q, spectrum));
    assertThat(eigen.values()).containsExactly(spectrum, within(1e-13));
    double[] x = DenseMath.gaussian(6, random);
    assertThat(eigen.fromEigenbasis(eigen.toEigenbasis(x))).containsExactly(x, within(1e-13));
  }

  @Test
  void tridiagonalDecompositionWithSelectedRowsMatchesTheFullOne() {
    Random random = new Random(9);
    int k = 30;
    double[] diagonal = DenseMath.gaussian(k, random);
    double[] off = DenseMath.gaussian(k - 1, random);
    double[][] dense = new double[k][k];
    for (int i = 0; i < k; i++) {
      dense[i][i] = diagonal[i];
      if (i < k - 1) {
        dense[i + 1][i] = off[i];
        dense[i][i + 1] = off[i];
      }
    }
    SymmetricEigen.Eigensystem full = SymmetricEigen.of(dense);
    SymmetricEigen.Eigensystem partial = SymmetricEigen.ofTridiagonal(diagonal, off, 0, k - 1);
    assertThat(partial.values()).containsExactly(full.values(), within(1e-13));
    for (int j = 0; j < k; j++) {
      // eigenvectors are unique up to sign: compare |first| and the product first·last
      double fullFirst = full.vectors()[0][j];
      double fullLast = full.vectors()[k - 1][j];
      double partFirst = partial.vectors()[0][j];
      double partLast = partial.vectors()[1][j];
      assertThat(Math.abs(partFirst)).isCloseTo(Math.abs(fullFirst), within(1e-12));
      assertThat(partFirst * partLast).isCloseTo(fullFirst * fullLast, within(1e-12));
    }
  }

  @Test
  void agreesWithLapackOnTheEigenvaluesOfALargeIndefiniteProblem() {
    double[][] h = RandomIndefiniteProblem.generate(300, 50, 3, DataType.DOUBLE).denseHessian();
    INDArray copy = Nd4j.createFromArray(h);
    double[] lapack = Eigen.symmetricGeneralizedEigenvalues(copy, false).toDoubleVector();
    java.util.Arrays.sort(lapack);
    double scale = Math.abs(lapack[lapack.length - 1]);
    assertThat(SymmetricEigen.of(h).values()).containsExactly(lapack, within(1e-12 * scale));
  }

  @Test
  void rejectsNonSquareOrNonFiniteMatrices() {
    assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("square");
    assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 0}, {Double.NaN, 1}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }
}
