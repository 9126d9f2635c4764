package io.github.trustregion.reports.fit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * The Nelder–Mead downhill simplex minimiser for a few unconstrained variables.
 *
 * <p>Standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½ (Nelder &amp; Mead,
 * Comput. J. 7 (1965) 308–313; the order of tests as in Lagarias et al., SIAM J. Optim. 9 (1998)
 * 112–147). Stops when the simplex's function values span less than {@code tolerance} (absolute)
 * and its vertices lie within {@code tolerance} of the best in every coordinate, or after {@code
 * maxEvaluations}. Non-finite function values are treated as +∞.
 */
public final class NelderMead {

  private final double tolerance;
  private final int maxEvaluations;

  /**
   * Creates a minimiser.
   *
   * @param tolerance the convergence tolerance on function values and coordinates, positive
   * @param maxEvaluations the evaluation budget, at least 10
   */
  public NelderMead(double tolerance, int maxEvaluations) {
    if (!(tolerance > 0) || maxEvaluations < 10) {
      throw new IllegalArgumentException(
          "NelderMead needs a positive tolerance and at least 10 evaluations, got "
              + tolerance
              + ", "
              + maxEvaluations
              + ".");
    }
    this.tolerance = tolerance;
    this.maxEvaluations = maxEvaluations;
  }

  /**
   * The minimiser's result.
   *
   * @param point the best point found
   * @param value the function value there
   * @param evaluations the number of function evaluations used
   * @param converged whether the tolerance was met within the budget
   */
  public record Result(double[] point, double value, int evaluations, boolean converged) {}

  /** Minimises {@code f} from {@code start} with an initial simplex of edge {@code step}. */
  public Result minimize(ToDoubleFunction<double[]> f, double[] start, double step) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    int[] evaluations = {0};
    ToDoubleFunction<double[]> g =
        p -> {
          evaluations[0]++;
          double v = f.applyAsDouble(p);
          return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
        };
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      simplex[i + 1] = start.clone();
      simplex[i + 1][i] += step;
    }
    for (int i = 0; i <= n; i++) {
      values[i] = g.applyAsDouble(simplex[i]);
    }
    Integer[] order = new Integer[n + 1];
    while (true) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
      double[][] sorted = new double[n + 1][];
      double[] sortedValues = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sorted[i] = simplex[order[i]];
        sortedValues[i] = values[order[i]];
      }
      System.arraycopy(sorted, 0, simplex, 0, n + 1);
      System.arraycopy(sortedValues, 0, values, 0, n + 1);
      if (converged(simplex, values)) {
        return new Result(simplex[0].clone(), values[0], evaluations[0], true);
      }
      if (evaluations[0] >= maxEvaluations) {
        return new Result(simplex[0].clone(), values[0], evaluations[0], false);
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] worst = simplex[n];
      double[] reflected = affine(centroid, worst, 1.0);
      double fr = g.applyAsDouble(reflected);
      if (fr < values[0]) {
        double[] expanded = affine(centroid, worst, 2.0);
        double fe = g.applyAsDouble(expanded);
        if (fe < fr) {
          replaceWorst(simplex, values, expanded, fe);
        } else {
          replaceWorst(simplex, values, reflected, fr);
        }
      } else if (fr < values[n - 1]) {
        replaceWorst(simplex, values, reflected, fr);
      } else {
        boolean outside = fr < values[n];
        double[] contracted =
            outside ? affine(centroid, worst, 0.5) : affine(centroid, worst, -0.5);
        double fc = g.applyAsDouble(contracted);
        if (fc < (outside ? fr : values[n])) {
          replaceWorst(simplex, values, contracted, fc);
        } else {
          for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) {
              simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
            }
            values[i] = g.applyAsDouble(simplex[i]);
          }
        }
      }
    }
  }

  /** Returns {@code centroid + t (centroid − worst)}. */
  private static double[] affine(double[] centroid, double[] worst, double t) {
    double[] p = new double[centroid.length];
    for (int j = 0; j < p.length; j++) {
      p[j] = centroid[j] + t * (centroid[j] - worst[j]);
    }
    return p;
  }

  private static void replaceWorst(
      double[][] simplex, double[] values, double[] point, double value) {
    simplex[simplex.length - 1] = point;
    values[values.length - 1] = value;
  }

  private boolean converged(double[][] simplex, double[] values) {
    if (Double.isInfinite(values[values.length - 1])) {
      return false;
    }
    if (values[values.length - 1] - values[0] > tolerance) {
      return false;
    }
    for (int i = 1; i < simplex.length; i++) {
      for (int j = 0; j < simplex[0].length; j++) {
        if (Math.abs(simplex[i][j] - simplex[0][j]) > tolerance) {
          return false;
        }
      }
    }
    return true;
  }
}
