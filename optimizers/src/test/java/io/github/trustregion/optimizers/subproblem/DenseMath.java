package io.github.trustregion.optimizers.subproblem;

import java.util.Random;

/** Plain double[] linear algebra for tests, independent of the code under test. */
final class DenseMath {

  private DenseMath() {}

  static double[] multiply(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double sum = 0;
      for (int j = 0; j < x.length; j++) {
        sum += a[i][j] * x[j];
      }
      y[i] = sum;
    }
    return y;
  }

  static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }

  static double norm(double[] x) {
    return Math.sqrt(dot(x, x));
  }

  /** Returns f(s) = ½sᵀHs + gᵀs. */
  static double model(double[][] h, double[] g, double[] s) {
    return 0.5 * dot(s, multiply(h, s)) + dot(g, s);
  }

  /** Returns a Haar-like random orthogonal matrix by Gram–Schmidt (twice) on Gaussian columns. */
  static double[][] randomOrthogonal(int n, Random random) {
    double[][] columns = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        columns[j][i] = random.nextGaussian();
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double projection = dot(columns[j], columns[k]);
          for (int i = 0; i < n; i++) {
            columns[j][i] -= projection * columns[k][i];
          }
        }
      }
      double norm = norm(columns[j]);
      for (int i = 0; i < n; i++) {
        columns[j][i] /= norm;
      }
    }
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q[i][j] = columns[j][i];
      }
    }
    return q;
  }

  /** Returns Q diag(values) Qᵀ. */
  static double[][] withEigenvalues(double[][] q, double[] values) {
    int n = values.length;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += q[i][k] * values[k] * q[j][k];
        }
        a[i][j] = sum;
        a[j][i] = sum;
      }
    }
    return a;
  }

  static double[][] randomSymmetric(int n, Random random) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double value = random.nextGaussian();
        a[i][j] = value;
        a[j][i] = value;
      }
    }
    return a;
  }

  static double[] gaussian(int n, Random random) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }

  static double[][] diagonal(double... values) {
    double[][] a = new double[values.length][values.length];
    for (int i = 0; i < values.length; i++) {
      a[i][i] = values[i];
    }
    return a;
  }

  /** Returns Qx for the orthogonal Q. */
  static double[] rotate(double[][] q, double[] x) {
    return multiply(q, x);
  }

  static double frobenius(double[][] a) {
    double sum = 0;
    for (double[] row : a) {
      sum += dot(row, row);
    }
    return Math.sqrt(sum);
  }

  /** Returns the float64 operator v ↦ Hv for a dense H. */
  static io.github.trustregion.optimizers.HessianVectorProduct operator(double[][] h) {
    return v ->
        org.nd4j.linalg.factory.Nd4j.createFromArray(multiply(h, v.toDoubleVector()))
            .reshape(v.shape());
  }
}
