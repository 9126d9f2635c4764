package io.github.trustregion.optimizers.subproblem;

import io.github.trustregion.optimizers.HessianVectorProduct;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The few in-place vector operations and input checks the solvers share. */
final class Vectors {

  private Vectors() {}

  /** Returns xᵀy, accumulated by BLAS in the arrays' data type. */
  static double dot(INDArray x, INDArray y) {
    return Nd4j.getBlasWrapper().dot(x, y);
  }

  /** Sets y ← y + αx in place. */
  static void axpy(double alpha, INDArray x, INDArray y) {
    Nd4j.getBlasWrapper().axpy(alpha, x, y);
  }

  /** Returns ‖x‖₂ (BLAS nrm2). */
  static double norm(INDArray x) {
    return Nd4j.getBlasWrapper().nrm2(x);
  }

  /** Sets x ← αx in place. */
  static void scale(double alpha, INDArray x) {
    Nd4j.getBlasWrapper().scal(alpha, x);
  }

  /** Sets y ← x in place (same length). */
  static void copy(INDArray x, INDArray y) {
    Nd4j.getBlasWrapper().copy(x, y);
  }

  /**
   * Checks the arguments common to every solver.
   *
   * @throws IllegalArgumentException naming the solver and what was wrong
   */
  static void requireValidInput(String solver, INDArray g, HessianVectorProduct h, double radius) {
    if (!(radius > 0) || !Double.isFinite(radius)) {
      throw new IllegalArgumentException(
          solver
              + ": the trust-region radius must be positive and finite, but radius = "
              + radius
              + ".");
    }
    if (g == null || h == null) {
      throw new IllegalArgumentException(
          solver + ": the gradient g and the Hessian operator must not be null.");
    }
    if (!g.isVector() && !g.isScalar()) {
      throw new IllegalArgumentException(
          solver
              + ": the gradient g must be a vector, but its shape is "
              + java.util.Arrays.toString(g.shape())
              + "; flatten it (e.g. g.ravel()).");
    }
    if (!g.dataType().isFPType()) {
      throw new IllegalArgumentException(
          solver
              + ": the gradient g must have a floating-point data type, not "
              + g.dataType()
              + ".");
    }
    double norm = norm(g);
    if (!Double.isFinite(norm)) {
      throw new IllegalArgumentException(
          solver
              + ": the gradient g must be finite, but ‖g‖ = "
              + norm
              + " (it contains NaN or infinite entries: has the training diverged?).");
    }
  }

  /**
   * Returns Hv, checked to have v's length and converted to v's shape and data type.
   *
   * @throws IllegalArgumentException if the product's length differs from v's
   */
  static INDArray multiply(String solver, HessianVectorProduct h, INDArray v) {
    INDArray hv = h.multiply(v);
    if (hv == null || hv.length() != v.length()) {
      throw new IllegalArgumentException(
          solver
              + ": the Hessian-vector product returned a vector of length "
              + (hv == null ? "null" : String.valueOf(hv.length()))
              + " for an input of length "
              + v.length()
              + " (the length of g); the operator and g must have the same dimension.");
    }
    if (hv.dataType() != v.dataType()) {
      hv = hv.castTo(v.dataType());
    }
    if (!java.util.Arrays.equals(hv.shape(), v.shape())) {
      hv = hv.reshape(v.shape());
    }
    return hv;
  }

  /** Returns the entries of the vector x as doubles. */
  static double[] toDoubles(INDArray x) {
    return x.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
        .reshape(x.length())
        .toDoubleVector();
  }

  /** Returns a new array with x's entries, in the data type and shape of {@code like}. */
  static INDArray fromDoubles(double[] x, INDArray like) {
    return Nd4j.createFromArray(x).castTo(like.dataType()).reshape(like.shape());
  }
}
