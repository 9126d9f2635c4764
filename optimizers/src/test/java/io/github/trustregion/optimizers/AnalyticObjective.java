package io.github.trustregion.optimizers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float64 test objective of a few variables with exact gradient and Hessian, written by hand.
 *
 * <p>Counts its evaluations so tests can check what a method reports.
 */
public final class AnalyticObjective implements MinibatchObjective {

  /** The function, its gradient and Hessian at a point. */
  public interface Function {
    /** Returns f(x). */
    double value(double[] x);

    /** Returns ∇f(x). */
    double[] gradient(double[] x);

    /** Returns ∇²f(x). */
    double[][] hessian(double[] x);
  }

  /** Rosenbrock's function (1 − x)² + 100(y − x²)², minimum 0 at (1, 1). */
  public static final Function ROSENBROCK =
      new Function() {
        @Override
        public double value(double[] p) {
          double x = p[0];
          double y = p[1];
          return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        @Override
        public double[] gradient(double[] p) {
          double x = p[0];
          double y = p[1];
          return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
        }

        @Override
        public double[][] hessian(double[] p) {
          double x = p[0];
          double y = p[1];
          return new double[][] {{2 - 400 * (y - 3 * x * x), -400 * x}, {-400 * x, 200}};
        }
      };

  /**
   * f(x, y) = x² − y² + y⁴/4: a strict saddle at the origin (Hessian diag(2, −2), zero gradient)
   * and global minima at (0, ±√2) with value −1.
   */
  public static final Function SADDLE =
      new Function() {
        @Override
        public double value(double[] p) {
          double x = p[0];
          double y = p[1];
          return x * x - y * y + y * y * y * y / 4;
        }

        @Override
        public double[] gradient(double[] p) {
          double x = p[0];
          double y = p[1];
          return new double[] {2 * x, -2 * y + y * y * y};
        }

        @Override
        public double[][] hessian(double[] p) {
          double y = p[1];
          return new double[][] {{2, 0}, {0, -2 + 3 * y * y}};
        }
      };

  private final Function function;
  private final int dimension;
  private int gradientEvaluations;
  private int functionEvaluations;
  private int hessianProducts;

  /** Wraps {@code function} of {@code dimension} variables. */
  public AnalyticObjective(Function function, int dimension) {
    this.function = function;
    this.dimension = dimension;
  }

  /** Returns a float64 row vector with the given entries. */
  public static INDArray vector(double... values) {
    return Nd4j.createFromArray(values).castTo(DataType.DOUBLE);
  }

  @Override
  public long dimension() {
    return dimension;
  }

  @Override
  public double value(INDArray x) {
    functionEvaluations++;
    return function.value(x.toDoubleVector());
  }

  @Override
  public ValueAndGradient valueAndGradient(INDArray x) {
    gradientEvaluations++;
    double[] point = x.toDoubleVector();
    return new ValueAndGradient(function.value(point), vector(function.gradient(point)));
  }

  @Override
  public HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX) {
    double[][] hessian = function.hessian(x.toDoubleVector());
    return v -> {
      hessianProducts++;
      double[] in = v.toDoubleVector();
      double[] out = new double[in.length];
      for (int i = 0; i < in.length; i++) {
        for (int j = 0; j < in.length; j++) {
          out[i] += hessian[i][j] * in[j];
        }
      }
      return vector(out).reshape(v.shape());
    };
  }

  /** Returns the number of gradient evaluations so far. */
  public int gradientEvaluations() {
    return gradientEvaluations;
  }

  /** Returns the number of value-only evaluations so far. */
  public int functionEvaluations() {
    return functionEvaluations;
  }

  /** Returns the number of Hessian-vector products so far. */
  public int hessianProducts() {
    return hessianProducts;
  }
}
