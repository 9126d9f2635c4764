package io.github.trustregion.reports.fit;

import java.util.Arrays;

/**
 * Least-squares fit of the paper's model for the iterations needed to reach the sphere, {@code T(λ)
 * = log(1 + c₁λ) / log(1 + c₂λ)} with {@code c₁, c₂ > 0} (the paper's Figure 1; see docs/method.md,
 * "E1 subproblem iterations").
 *
 * <p>Minimises {@code Σ_i (T_i − T(λ_i))²} over {@code (log c₁, log c₂)} (which keeps both
 * positive) with {@link NelderMead}, started from a grid of 7 × 7 points in {@code log₁₀ c ∈ [−3,
 * 3]} and polished from the best; the model's two parameters are only weakly identified when the
 * data are nearly constant in λ, hence the multi-start.
 */
public final class IterationCountFit {

  private IterationCountFit() {}

  /**
   * A fitted model.
   *
   * @param c1 the fitted c₁
   * @param c2 the fitted c₂
   * @param residualSumOfSquares {@code Σ (T_i − T(λ_i))²} at the fit
   * @param points the number of (λ, T) points used
   */
  public record Fit(double c1, double c2, double residualSumOfSquares, int points) {

    /** Returns the root-mean-square residual. */
    public double rmse() {
      return Math.sqrt(residualSumOfSquares / points);
    }
  }

  /** Returns {@code log(1 + c₁λ) / log(1 + c₂λ)}. */
  public static double model(double c1, double c2, double lambda) {
    return Math.log1p(c1 * lambda) / Math.log1p(c2 * lambda);
  }

  /**
   * Fits the model to the points {@code (lambda[i], iterations[i])}.
   *
   * @param lambda the λ values, positive, at least 2 distinct
   * @param iterations the observed iteration counts, finite
   */
  public static Fit fit(double[] lambda, double[] iterations) {
    if (lambda.length != iterations.length) {
      throw new IllegalArgumentException(
          "IterationCountFit needs one iteration count per λ but got "
              + lambda.length
              + " λ and "
              + iterations.length
              + " counts.");
    }
    if (Arrays.stream(lambda).distinct().count() < 2) {
      throw new IllegalArgumentException(
          "IterationCountFit needs at least 2 distinct λ values to fit c₁ and c₂, got "
              + Arrays.toString(lambda)
              + ".");
    }
    for (int i = 0; i < lambda.length; i++) {
      if (!(lambda[i] > 0) || !Double.isFinite(iterations[i])) {
        throw new IllegalArgumentException(
            "IterationCountFit point "
                + i
                + " is (λ = "
                + lambda[i]
                + ", T = "
                + iterations[i]
                + "); λ must be positive and T finite.");
      }
    }
    java.util.function.ToDoubleFunction<double[]> rss =
        p -> {
          double c1 = Math.exp(p[0]);
          double c2 = Math.exp(p[1]);
          double sum = 0;
          for (int i = 0; i < lambda.length; i++) {
            double r = iterations[i] - model(c1, c2, lambda[i]);
            sum += r * r;
          }
          return sum;
        };
    NelderMead coarse = new NelderMead(1e-8, 2_000);
    NelderMead.Result best = null;
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 7; j++) {
        double[] start = {(i - 3) * Math.log(10), (j - 3) * Math.log(10)};
        NelderMead.Result r = coarse.minimize(rss, start, 0.5);
        if (best == null || r.value() < best.value()) {
          best = r;
        }
      }
    }
    NelderMead.Result polished = new NelderMead(1e-13, 20_000).minimize(rss, best.point(), 0.05);
    if (polished.value() < best.value()) {
      best = polished;
    }
    return new Fit(
        Math.exp(best.point()[0]), Math.exp(best.point()[1]), best.value(), lambda.length);
  }
}
