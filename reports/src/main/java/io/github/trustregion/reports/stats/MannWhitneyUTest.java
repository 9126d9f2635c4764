package io.github.trustregion.reports.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Mann–Whitney U (Wilcoxon rank-sum) test, exact for small samples with or without ties.
 *
 * <p>The pooled sample is ranked with midranks for ties; {@code U = R_a − n_a(n_a + 1)/2} where
 * {@code R_a} is the rank sum of {@code a}, so {@code U} counts the pairs with {@code a > b} plus
 * half the tied pairs. Under the null hypothesis every split of the pooled midranks into groups of
 * sizes {@code n_a, n_b} is equally likely (the conditional permutation distribution).
 *
 * <p><b>Exact</b> when {@code n_a + n_b ≤ }{@value #EXACT_LIMIT}: the permutation distribution of
 * the doubled rank sum (an integer, since midranks are multiples of ½) is counted by dynamic
 * programming over the pooled items, {@code count[k][s]} = number of size-{@code k} subsets with
 * doubled rank sum {@code s}; this is exact with ties too (it is the distribution that enumerating
 * all {@code C(n_a + n_b, n_a)} splits gives). Without ties it equals the classical exact
 * distribution of R's {@code wilcox.test(exact = TRUE)} and SciPy's {@code method="exact"}.
 * One-sided p-values are the tail probabilities {@code P(U ≥ u)} ("greater") and {@code P(U ≤ u)}
 * ("less"); two-sided is {@code min(1, 2·min(P(U ≤ u), P(U ≥ u)))}, R's and SciPy's convention.
 *
 * <p><b>Asymptotic</b> above the limit: the normal approximation with tie-corrected variance {@code
 * n_a n_b/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1)))} and a continuity correction of ½ (R's and SciPy's
 * default). Reference: Hollander &amp; Wolfe, Nonparametric Statistical Methods (1973), §4.1; Mann
 * &amp; Whitney, Ann. Math. Stat. 18 (1947) 50–60.
 */
public final class MannWhitneyUTest {

  /** The largest pooled size for which the exact permutation distribution is computed. */
  public static final int EXACT_LIMIT = 80;

  private MannWhitneyUTest() {}

  /**
   * The outcome of one Mann–Whitney test.
   *
   * @param u the U statistic of {@code a} (pairs with {@code a > b}, ties counted ½)
   * @param pTwoSided the two-sided p-value
   * @param pGreater the one-sided p-value for the alternative "a tends to be larger"
   * @param pLess the one-sided p-value for the alternative "a tends to be smaller"
   * @param exact whether the p-values are exact (true) or from the normal approximation
   * @param ties whether the pooled sample has tied values
   */
  public record Result(
      double u, double pTwoSided, double pGreater, double pLess, boolean exact, boolean ties) {}

  /** Tests with the exact distribution when the pooled size allows, otherwise asymptotically. */
  public static Result test(double[] a, double[] b) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    Samples.requireSize(a, 1, "a", "The Mann–Whitney U test");
    Samples.requireSize(b, 1, "b", "The Mann–Whitney U test");
    int m = a.length;
    int n = b.length;
    double[] pooled = new double[m + n];
    System.arraycopy(a, 0, pooled, 0, m);
    System.arraycopy(b, 0, pooled, m, n);
    int[] doubledRanks = doubledMidranks(pooled);
    boolean ties = hasTies(pooled);
    long doubledRankSumA = 0;
    for (int i = 0; i < m; i++) {
      doubledRankSumA += doubledRanks[i];
    }
    double u = doubledRankSumA / 2.0 - m * (m + 1) / 2.0;
    if (m + n <= EXACT_LIMIT) {
      return exact(doubledRanks, m, doubledRankSumA, u, ties);
    }
    return asymptotic(pooled, m, n, u, ties);
  }

  private static Result exact(int[] doubledRanks, int m, long observed, double u, boolean ties) {
    int total = doubledRanks.length;
    int maxSum = 0;
    for (int r : doubledRanks) {
      maxSum += r;
    }
    // counts[k][s]: number of size-k subsets of the items seen so far with doubled rank sum s,
    // kept as probabilities-to-be (doubles) since C(80, 40) exceeds a long.
    double[][] counts = new double[m + 1][maxSum + 1];
    counts[0][0] = 1;
    for (int item = 0; item < total; item++) {
      int r = doubledRanks[item];
      for (int k = Math.min(m, item + 1); k >= 1; k--) {
        double[] row = counts[k];
        double[] previous = counts[k - 1];
        for (int s = maxSum; s >= r; s--) {
          row[s] += previous[s - r];
        }
      }
    }
    double[] distribution = counts[m];
    double all = 0;
    double atMost = 0;
    double atLeast = 0;
    for (int s = 0; s <= maxSum; s++) {
      double c = distribution[s];
      all += c;
      if (s <= observed) {
        atMost += c;
      }
      if (s >= observed) {
        atLeast += c;
      }
    }
    double pLess = atMost / all;
    double pGreater = atLeast / all;
    double pTwoSided = Math.min(1.0, 2.0 * Math.min(pLess, pGreater));
    return new Result(u, pTwoSided, pGreater, pLess, true, ties);
  }

  private static Result asymptotic(double[] pooled, int m, int n, double u, boolean ties) {
    int total = m + n;
    double[] sorted = pooled.clone();
    Arrays.sort(sorted);
    double tieSum = 0;
    for (int i = 0; i < total; ) {
      int j = i;
      while (j < total && sorted[j] == sorted[i]) {
        j++;
      }
      double t = j - i;
      tieSum += t * t * t - t;
      i = j;
    }
    double mean = m * (double) n / 2.0;
    double variance =
        m * (double) n / 12.0 * ((total + 1) - tieSum / (total * (double) (total - 1)));
    if (!(variance > 0)) {
      return new Result(u, 1.0, 1.0, 1.0, false, ties);
    }
    double sd = Math.sqrt(variance);
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double pGreater = normal.survivalProbability((u - mean - 0.5) / sd);
    double pLess = normal.cumulativeProbability((u - mean + 0.5) / sd);
    double zTwoSided = Math.max(0.0, Math.abs(u - mean) - 0.5) / sd;
    double pTwoSided = Math.min(1.0, 2.0 * normal.survivalProbability(zTwoSided));
    return new Result(u, pTwoSided, Math.min(1.0, pGreater), Math.min(1.0, pLess), false, ties);
  }

  /** Returns twice the midrank of each value (ranks 1..N, ties share the mean of their ranks). */
  static int[] doubledMidranks(double[] values) {
    int total = values.length;
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    int[] doubled = new int[total];
    for (int i = 0; i < total; ) {
      int j = i;
      while (j < total && values[order[j]] == values[order[i]]) {
        j++;
      }
      // Ranks i+1 .. j share the midrank (i + 1 + j) / 2; doubled: i + 1 + j.
      for (int k = i; k < j; k++) {
        doubled[order[k]] = i + 1 + j;
      }
      i = j;
    }
    return doubled;
  }

  private static boolean hasTies(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return true;
      }
    }
    return false;
  }
}
