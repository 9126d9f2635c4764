package io.github.trustregion.reports.stats;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Effect sizes for two independent samples: Hedges' g and Cliff's delta.
 *
 * <p>Hedges' g is Cohen's {@code d = (m_a − m_b)/s_p}, with the pooled standard deviation {@code
 * s_p = √(((n_a − 1)s_a² + (n_b − 1)s_b²)/(n_a + n_b − 2))}, times the exact small-sample bias
 * correction {@code J(ν) = Γ(ν/2) / (√(ν/2) Γ((ν − 1)/2))} with {@code ν = n_a + n_b − 2} (Hedges,
 * J. Educ. Stat. 6 (1981) 107–128, eq. 6e). Cliff's delta is {@code (#{a_i > b_j} − #{a_i < b_j}) /
 * (n_a n_b)} in [−1, 1] (Cliff, Psychol. Bull. 114 (1993) 494–509).
 */
public final class EffectSizes {

  private EffectSizes() {}

  /**
   * Returns Hedges' g; needs at least one value per sample and {@code n_a + n_b ≥ 4}, i.e. {@code ν
   * ≥ 2} ({@code J(1) = 0} would erase the effect). NaN when both samples have zero variance.
   */
  public static double hedgesG(double[] a, double[] b) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    Samples.requireSize(a, 1, "a", "Hedges' g");
    Samples.requireSize(b, 1, "b", "Hedges' g");
    int df = a.length + b.length - 2;
    if (df < 2) {
      throw new IllegalArgumentException(
          "Hedges' g needs n_a + n_b ≥ 4 for its bias correction but got "
              + a.length
              + " + "
              + b.length
              + ".");
    }
    double ssA = a.length > 1 ? Samples.variance(a) * (a.length - 1) : 0.0;
    double ssB = b.length > 1 ? Samples.variance(b) * (b.length - 1) : 0.0;
    double pooledSd = Math.sqrt((ssA + ssB) / df);
    if (!(pooledSd > 0)) {
      return Double.NaN;
    }
    double d = (Samples.mean(a) - Samples.mean(b)) / pooledSd;
    return biasCorrection(df) * d;
  }

  /** Returns Hedges' exact bias correction {@code J(ν)}, for {@code ν ≥ 2}. */
  static double biasCorrection(int df) {
    double half = df / 2.0;
    return Math.exp(LogGamma.value(half) - 0.5 * Math.log(half) - LogGamma.value(half - 0.5));
  }

  /** Returns Cliff's delta, {@code (#{a > b} − #{a < b}) / (n_a n_b)}. */
  public static double cliffsDelta(double[] a, double[] b) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    Samples.requireSize(a, 1, "a", "Cliff's delta");
    Samples.requireSize(b, 1, "b", "Cliff's delta");
    long greater = 0;
    long less = 0;
    for (double x : a) {
      for (double y : b) {
        if (x > y) {
          greater++;
        } else if (x < y) {
          less++;
        }
      }
    }
    return (greater - less) / ((double) a.length * b.length);
  }
}
