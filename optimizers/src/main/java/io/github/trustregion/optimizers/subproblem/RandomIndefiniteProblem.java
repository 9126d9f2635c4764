package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.HessianVectorProduct;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The paper's random indefinite subproblems: H = BBᵀ − λI with B ∈ ℝⁿˣ⁽ⁿ⁻¹⁾, Bᵢⱼ ~ N(0,1), and gᵢ ~
 * N(0,1) (see docs/method.md, "E1 subproblem iterations").
 *
 * <p>BBᵀ is positive semidefinite with rank n − 1, so its smallest eigenvalue is 0 and λ₁(H) = −λ
 * exactly. The entries are drawn with {@link java.util.Random} seeded by {@code seed} (B row by
 * row, then g), independently of ND4J's global random state, so a (n, λ, seed) triple always gives
 * the same problem; in float32 the entries are the float64 draws rounded.
 *
 * <p>The Hessian operator computes B(Bᵀv) − λv with two matrix-vector products (4n² flops) without
 * forming H. Immutable; the operator is thread-safe.
 */
public final class RandomIndefiniteProblem {

  /** The largest n for which {@link #denseHessian()} forms H. */
  public static final int MAX_DENSE_DIMENSION = 5000;

  private final int dimension;
  private final double lambda;
  private final long seed;
  private final INDArray factor;
  private final INDArray gradient;

  private RandomIndefiniteProblem(int dimension, double lambda, long seed, DataType dataType) {
    this.dimension = dimension;
    this.lambda = lambda;
    this.seed = seed;
    Random random = new Random(seed);
    double[] b = new double[dimension * (dimension - 1)];
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextGaussian();
    }
    double[] g = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      g[i] = random.nextGaussian();
    }
    this.factor = Nd4j.createFromArray(b).reshape('c', dimension, dimension - 1).castTo(dataType);
    this.gradient = Nd4j.createFromArray(g).castTo(dataType);
  }

  /**
   * Draws the problem of dimension n with shift λ.
   *
   * @param n the dimension, at least 2
   * @param lambda the shift λ (finite), so that λ₁(H) = −λ
   * @param seed the seed of the draws
   * @param dataType the floating-point type of B, g and the products
   * @throws IllegalArgumentException on n &lt; 2, a non-finite λ or a non-floating-point type
   */
  public static RandomIndefiniteProblem generate(
      int n, double lambda, long seed, DataType dataType) {
    if (n < 2) {
      throw new IllegalArgumentException(
          "RandomIndefiniteProblem: the dimension n must be at least 2 (B is n×(n−1)), but n = "
              + n
              + ".");
    }
    if (!Double.isFinite(lambda)) {
      throw new IllegalArgumentException(
          "RandomIndefiniteProblem: the shift lambda must be finite, but is " + lambda + ".");
    }
    if (dataType == null || !dataType.isFPType()) {
      throw new IllegalArgumentException(
          "RandomIndefiniteProblem: the data type must be a floating-point type such as FLOAT or"
              + " DOUBLE, not "
              + dataType
              + ".");
    }
    return new RandomIndefiniteProblem(n, lambda, seed, dataType);
  }

  /** Returns n. */
  public int dimension() {
    return dimension;
  }

  /** Returns the shift λ; the smallest eigenvalue of H is −λ. */
  public double lambda() {
    return lambda;
  }

  /** Returns the seed the problem was drawn with. */
  public long seed() {
    return seed;
  }

  /** Returns the data type of g and of the products. */
  public DataType dataType() {
    return gradient.dataType();
  }

  /** Returns the smallest eigenvalue λ₁ = −λ of H (exact by construction). */
  public double lowestEigenvalue() {
    return -lambda;
  }

  /** Returns a copy of g, a rank-1 array of length n. */
  public INDArray gradient() {
    return gradient.dup();
  }

  /** Returns g in double precision. */
  public double[] gradientAsDoubles() {
    return Vectors.toDoubles(gradient);
  }

  /**
   * Returns the operator v ↦ B(Bᵀv) − λv; the result has v's shape and data type.
   *
   * @throws IllegalArgumentException (from the operator) if v does not have length n
   */
  public HessianVectorProduct hessian() {
    return v -> {
      if (v.length() != dimension) {
        throw new IllegalArgumentException(
            "RandomIndefiniteProblem: the vector has length "
                + v.length()
                + " but the problem has dimension "
                + dimension
                + ".");
      }
      INDArray x = v.reshape(dimension, 1);
      if (x.dataType() != factor.dataType()) {
        x = x.castTo(factor.dataType());
      }
      INDArray inner = Nd4j.create(factor.dataType(), dimension - 1, 1);
      INDArray result = Nd4j.create(factor.dataType(), dimension, 1);
      Nd4j.gemm(factor, x, inner, true, false, 1.0, 0.0);
      Nd4j.gemm(factor, inner, result, false, false, 1.0, 0.0);
      Vectors.axpy(-lambda, x, result);
      return result.reshape(v.shape()).castTo(v.dataType());
    };
  }

  /**
   * Returns H = BBᵀ − λI as a dense double matrix, computed in float64 from B's entries.
   *
   * @throws IllegalStateException if n exceeds {@link #MAX_DENSE_DIMENSION}
   */
  public double[][] denseHessian() {
    if (dimension > MAX_DENSE_DIMENSION) {
      throw new IllegalStateException(
          "RandomIndefiniteProblem: n = "
              + dimension
              + " is too large to form H densely (limit "
              + MAX_DENSE_DIMENSION
              + "); use hessian() instead.");
    }
    INDArray b = factor.castTo(DataType.DOUBLE);
    double[][] h = b.mmul(b.transpose()).toDoubleMatrix();
    for (int i = 0; i < dimension; i++) {
      h[i][i] -= lambda;
    }
    return h;
  }

  /** Solves this problem exactly with radius r ({@link ExactDenseSolver#solveDense}). */
  public ExactSolution solveExactly(double radius) {
    return ExactDenseSolver.solveDense(denseHessian(), gradientAsDoubles(), radius);
  }
}
