package io.github.trustregion.optimizers.subproblem;

import java.util.Arrays;

/**
 * Eigendecomposition of a small dense symmetric matrix in double precision, dependency-free.
 *
 * <p>Two stages (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., §8.3): Householder
 * reduction A = Q₀TQ₀ᵀ to a symmetric tridiagonal T (Algorithm 8.3.1), then the implicit symmetric
 * QR iteration with Wilkinson shifts on T (Algorithm 8.3.3), whose Givens rotations are accumulated
 * into Q₀. The cost is about 9n³ flops; n = 500 takes well under a second.
 *
 * <p>The tridiagonal stage is also available on its own ({@link #ofTridiagonal}), optionally
 * accumulating only selected rows of the eigenvector matrix, which costs O(k²) instead of O(k³):
 * the Lanczos solver needs only the first and last components of each eigenvector per iteration.
 *
 * <p>Stateless and thread-safe.
 */
public final class SymmetricEigen {

  /** The machine epsilon 2⁻⁵² = 2u of double, in which this class always computes. */
  private static final double EPS = Math.ulp(1.0);

  private SymmetricEigen() {}

  /**
   * An eigensystem: ascending eigenvalues and the matching orthonormal eigenvectors.
   *
   * @param values the eigenvalues λ₁ ≤ … ≤ λₙ
   * @param vectors row i, column j holds component i of the eigenvector for {@code values[j]} (the
   *     columns are the eigenvectors); when only some rows were accumulated, the rows present are
   *     those requested, in the order requested
   */
  public record Eigensystem(double[] values, double[][] vectors) {

    /** Returns the coefficients vⱼᵀx of x in the eigenbasis (needs all rows accumulated). */
    public double[] toEigenbasis(double[] x) {
      int n = values.length;
      double[] c = new double[n];
      for (int i = 0; i < n; i++) {
        double xi = x[i];
        double[] row = vectors[i];
        for (int j = 0; j < n; j++) {
          c[j] += xi * row[j];
        }
      }
      return c;
    }

    /** Returns Σⱼ cⱼvⱼ, the vector with eigenbasis coefficients c (needs all rows accumulated). */
    public double[] fromEigenbasis(double[] c) {
      int n = values.length;
      double[] x = new double[vectors.length];
      for (int i = 0; i < vectors.length; i++) {
        double sum = 0;
        double[] row = vectors[i];
        for (int j = 0; j < n; j++) {
          sum += row[j] * c[j];
        }
        x[i] = sum;
      }
      return x;
    }
  }

  /**
   * Decomposes the symmetric matrix {@code a} (only its lower triangle is read; not modified).
   *
   * @throws IllegalArgumentException if {@code a} is not square or holds NaN/Inf
   * @throws ArithmeticException if the QR iteration does not converge (not observed in practice)
   */
  public static Eigensystem of(double[][] a) {
    int n = a.length;
    double[][] t = new double[n][];
    for (int i = 0; i < n; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException(
            "SymmetricEigen.of: the matrix must be square, but row "
                + i
                + " has length "
                + a[i].length
                + " instead of "
                + n
                + ".");
      }
      t[i] = new double[n];
      for (int j = 0; j <= i; j++) {
        if (!Double.isFinite(a[i][j])) {
          throw new IllegalArgumentException(
              "SymmetricEigen.of: entry ("
                  + i
                  + ", "
                  + j
                  + ") is "
                  + a[i][j]
                  + "; the matrix must be finite.");
        }
        t[i][j] = a[i][j];
        t[j][i] = a[i][j];
      }
    }
    double[][] q = identity(n);
    double[] d = new double[n];
    double[] e = new double[Math.max(n - 1, 0)];
    householderTridiagonalize(t, q, d, e);
    return tridiagonalQr(d, e, q);
  }

  /**
   * Decomposes the symmetric tridiagonal matrix with diagonal {@code diagonal} and off-diagonal
   * {@code offDiagonal} (length k − 1), accumulating only the eigenvector rows listed in {@code
   * rows}.
   *
   * @param diagonal the k diagonal entries (not modified)
   * @param offDiagonal the k − 1 sub-diagonal entries (not modified)
   * @param rows the row indices of the eigenvector matrix to return, e.g. {@code {0, k-1}}; pass
   *     every index 0…k−1 for the full eigenvectors
   */
  public static Eigensystem ofTridiagonal(double[] diagonal, double[] offDiagonal, int... rows) {
    int k = diagonal.length;
    if (offDiagonal.length != Math.max(k - 1, 0)) {
      throw new IllegalArgumentException(
          "SymmetricEigen.ofTridiagonal: the off-diagonal must have length k - 1 = "
              + (k - 1)
              + ", not "
              + offDiagonal.length
              + ".");
    }
    double[][] q = new double[rows.length][k];
    for (int i = 0; i < rows.length; i++) {
      q[i][rows[i]] = 1.0;
    }
    return tridiagonalQr(diagonal.clone(), offDiagonal.clone(), q);
  }

  private static double[][] identity(int n) {
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      q[i][i] = 1.0;
    }
    return q;
  }

  /**
   * Reduces the full symmetric {@code t} (overwritten) to tridiagonal form by Householder
   * reflections P_k acting on indices k+1…n−1, right-multiplying each into {@code q}.
   */
  private static void householderTridiagonalize(
      double[][] t, double[][] q, double[] d, double[] e) {
    int n = t.length;
    double[] v = new double[n];
    double[] p = new double[n];
    for (int k = 0; k < n - 2; k++) {
      int m = n - k - 1; // length of the column below the diagonal
      double norm = 0;
      for (int i = 0; i < m; i++) {
        v[i] = t[k + 1 + i][k];
        norm = Math.hypot(norm, v[i]);
      }
      if (norm == 0) {
        continue;
      }
      double alpha = v[0] > 0 ? -norm : norm; // avoids cancellation in v[0] - alpha
      v[0] -= alpha;
      double vtv = 0;
      for (int i = 0; i < m; i++) {
        vtv += v[i] * v[i];
      }
      if (vtv == 0) {
        continue;
      }
      double beta = 2.0 / vtv;
      // p = β A₂₂ v on the trailing block, then w = p − (β pᵀv / 2) v; A₂₂ ← A₂₂ − v wᵀ − w vᵀ.
      double pv = 0;
      for (int i = 0; i < m; i++) {
        double[] row = t[k + 1 + i];
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += row[k + 1 + j] * v[j];
        }
        p[i] = beta * sum;
        pv += p[i] * v[i];
      }
      double half = beta * pv / 2;
      for (int i = 0; i < m; i++) {
        p[i] -= half * v[i];
      }
      for (int i = 0; i < m; i++) {
        double[] row = t[k + 1 + i];
        double vi = v[i];
        double pi = p[i];
        for (int j = 0; j < m; j++) {
          row[k + 1 + j] -= vi * p[j] + pi * v[j];
        }
      }
      t[k + 1][k] = alpha;
      t[k][k + 1] = alpha;
      for (int i = 1; i < m; i++) {
        t[k + 1 + i][k] = 0;
        t[k][k + 1 + i] = 0;
      }
      // Q ← Q P_k: each row x of Q becomes x − β (x·v) v on columns k+1…n−1.
      for (double[] row : q) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += row[k + 1 + j] * v[j];
        }
        if (sum != 0) {
          double s = beta * sum;
          for (int j = 0; j < m; j++) {
            row[k + 1 + j] -= s * v[j];
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      d[i] = t[i][i];
      if (i < n - 1) {
        e[i] = t[i + 1][i];
      }
    }
  }

  /**
   * Diagonalizes the tridiagonal (d, e) in place by implicit QR steps with Wilkinson shifts,
   * right-multiplying each Givens rotation into the rows of {@code q}; returns sorted results.
   */
  private static Eigensystem tridiagonalQr(double[] d, double[] e, double[][] q) {
    int n = d.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(d[i]) || (i < n - 1 && !Double.isFinite(e[i]))) {
        throw new IllegalArgumentException(
            "SymmetricEigen: the tridiagonal matrix holds a non-finite entry at index " + i + ".");
      }
    }
    int hi = n - 1;
    int steps = 0;
    int maxSteps = 60 * Math.max(n, 1);
    while (hi > 0) {
      if (Math.abs(e[hi - 1]) <= EPS * (Math.abs(d[hi - 1]) + Math.abs(d[hi]))) {
        e[hi - 1] = 0;
        hi--;
        continue;
      }
      int lo = hi - 1;
      while (lo > 0 && Math.abs(e[lo - 1]) > EPS * (Math.abs(d[lo - 1]) + Math.abs(d[lo]))) {
        lo--;
      }
      if (lo > 0) {
        e[lo - 1] = 0;
      }
      if (++steps > maxSteps) {
        throw new ArithmeticException(
            "SymmetricEigen: the QR iteration did not converge in " + maxSteps + " steps.");
      }
      qrStep(d, e, q, lo, hi);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(d[x], d[y]));
    double[] values = new double[n];
    double[][] vectors = new double[q.length][n];
    for (int j = 0; j < n; j++) {
      values[j] = d[order[j]];
      for (int i = 0; i < q.length; i++) {
        vectors[i][j] = q[i][order[j]];
      }
    }
    return new Eigensystem(values, vectors);
  }

  /** One implicit symmetric QR step with Wilkinson shift on the unreduced block lo…hi. */
  private static void qrStep(double[] d, double[] e, double[][] q, int lo, int hi) {
    double delta = (d[hi - 1] - d[hi]) / 2;
    double off = e[hi - 1];
    double denominator = delta + Math.copySign(Math.hypot(delta, off), delta == 0 ? 1 : delta);
    double mu = d[hi] - off * (off / denominator);
    double x = d[lo] - mu;
    double z = e[lo];
    for (int k = lo; k < hi; k++) {
      double r = Math.hypot(x, z);
      double c = r == 0 ? 1 : x / r;
      double s = r == 0 ? 0 : -z / r;
      if (k > lo) {
        e[k - 1] = r;
      }
      double a = d[k];
      double b = e[k];
      double cc = d[k + 1];
      d[k] = c * c * a - 2 * c * s * b + s * s * cc;
      d[k + 1] = s * s * a + 2 * c * s * b + c * c * cc;
      e[k] = c * s * (a - cc) + (c * c - s * s) * b;
      if (k < hi - 1) {
        z = -s * e[k + 1];
        e[k + 1] = c * e[k + 1];
        x = e[k];
      }
      for (double[] row : q) {
        double left = row[k];
        double right = row[k + 1];
        row[k] = c * left - s * right;
        row[k + 1] = s * left + c * right;
      }
    }
  }
}
