package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.FloatingPoint;
import io.github.trustregion.optimizers.HessianVectorProduct;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The symmetric Lanczos process with full reorthogonalization: builds an orthonormal basis q₀, q₁,
 * … of the Krylov space span{q₀, Hq₀, H²q₀, …} and the tridiagonal T = QᵀHQ (diagonal α,
 * off-diagonal β), one Hessian-vector product per step (Golub and Van Loan §10.1).
 *
 * <p>The basis vectors are stored as the rows of one matrix (memory (k + 1)·n entries for k steps)
 * and every new vector is orthogonalized twice against all of them by two matrix-vector products
 * ("twice is enough"), which keeps T accurate in floating point. Mutable, not thread-safe: one
 * instance per solve.
 */
final class LanczosProcess {

  private final String solver;
  private final HessianVectorProduct hessian;
  private final long[] shape;
  private final int length;
  private final INDArray basis;
  private final double[] alpha;
  private final double[] beta;
  private final double unitRoundoff;
  private double normEstimate;
  private int steps;
  private int products;
  private boolean invariant;

  /**
   * Starts the process at q₀ = start/‖start‖.
   *
   * @param maxSteps the most steps that will be taken (sizes the basis)
   */
  LanczosProcess(String solver, HessianVectorProduct hessian, INDArray start, int maxSteps) {
    this.solver = solver;
    this.hessian = hessian;
    this.shape = start.shape();
    this.length = (int) start.length();
    int rows = Math.min(maxSteps, length) + 1;
    this.basis = Nd4j.create(start.dataType(), rows, length);
    this.alpha = new double[rows];
    this.beta = new double[rows];
    double norm = Vectors.norm(start);
    basis.getRow(0).assign(start.reshape(length).div(norm));
    this.unitRoundoff = FloatingPoint.unitRoundoff(start.dataType(), solver, "the gradient g");
  }

  /**
   * Takes one step: α_k = q_kᵀHq_k, and unless the Krylov space became invariant, β_k and q_{k+1}.
   *
   * <p>The space counts as invariant when β_k ≤ 100·u·max_j(|α_j| + β_{j−1}), u the unit round-off
   * of the data type.
   *
   * @return false when no step was possible (the space was already invariant, or the basis is full)
   *     or the space became invariant in this step
   */
  boolean step() {
    if (invariant || steps + 1 >= basis.rows()) {
      return false;
    }
    int k = steps;
    INDArray q = basis.getRow(k);
    INDArray w = Vectors.multiply(solver, hessian, q.reshape(shape)).reshape(length, 1).dup();
    products++;
    double a = Vectors.dot(q, w);
    alpha[k] = a;
    INDArray previous = basis.get(NDArrayIndex.interval(0, k + 1), NDArrayIndex.all());
    for (int pass = 0; pass < 2; pass++) {
      INDArray coefficients = previous.mmul(w);
      w.subi(previous.transpose().mmul(coefficients));
    }
    double b = Vectors.norm(w.reshape(length)); // rank 1: BLAS refuses a 1 × 1 "vector"
    steps = k + 1;
    normEstimate = Math.max(normEstimate, Math.abs(a) + (k > 0 ? beta[k - 1] : 0));
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      beta[k] = Double.NaN;
      invariant = true;
      return false;
    }
    if (!(b > 100 * unitRoundoff * Math.max(normEstimate, Double.MIN_NORMAL))) {
      beta[k] = 0;
      invariant = true;
      return false;
    }
    beta[k] = b;
    basis.getRow(k + 1).assign(w.divi(b).reshape(length));
    return true;
  }

  /** Returns the number of steps taken k (the size of T). */
  int steps() {
    return steps;
  }

  /** Returns the Hessian-vector products used (one per step). */
  int products() {
    return products;
  }

  /** Returns whether every α and β so far is finite (false after a non-finite product). */
  boolean finite() {
    for (int i = 0; i < steps; i++) {
      if (!Double.isFinite(alpha[i]) || !Double.isFinite(beta[i])) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether the Krylov space was found invariant under H. */
  boolean invariant() {
    return invariant;
  }

  /** Returns T's diagonal α₀ … α_{k−1}. */
  double[] diagonal() {
    return java.util.Arrays.copyOf(alpha, steps);
  }

  /** Returns T's off-diagonal β₀ … β_{k−2}. */
  double[] offDiagonal() {
    return java.util.Arrays.copyOf(beta, Math.max(steps - 1, 0));
  }

  /** Returns β_{k−1}, the coupling of the last basis vector to the next (0 if invariant). */
  double lastCoupling() {
    return steps == 0 ? 0 : beta[steps - 1];
  }

  /** Returns Σⱼ hⱼqⱼ for the k coefficients h, in the start vector's shape and data type. */
  INDArray combine(double[] coefficients) {
    INDArray used = basis.get(NDArrayIndex.interval(0, coefficients.length), NDArrayIndex.all());
    INDArray h =
        Nd4j.createFromArray(coefficients).castTo(basis.dataType()).reshape(coefficients.length, 1);
    return used.transpose().mmul(h).reshape(shape);
  }
}
