package io.github.trustregion.reports.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The Wilcoxon signed-rank test of two samples matched by index, exact for small samples with or
 * without ties.
 *
 * <p>The differences {@code d_i = a_i − b_i} that are zero are dropped (Wilcoxon's convention and
 * R's); the others are ranked by absolute value with midranks for ties, and {@code V} is the sum of
 * the ranks of the positive ones (R's {@code V}). Under the null hypothesis each sign is + or −
 * with probability ½ independently, given the ranks (the conditional permutation distribution).
 *
 * <p><b>Exact</b> when at most {@value #EXACT_LIMIT} differences are non-zero: without ties, the
 * classical exact distribution, from Apache Commons Statistics; with ties, the conditional
 * distribution of the doubled {@code V} (an integer, since midranks are multiples of ½) counted by
 * dynamic programming over the {@code 2^n} sign assignments (Commons Statistics falls back to the
 * normal approximation with ties). One-sided p-values are {@code P(V ≥ v)} ("greater") and {@code
 * P(V ≤ v)} ("less"); two-sided is {@code min(1, 2·min(…))}.
 *
 * <p><b>Asymptotic</b> above the limit: the normal approximation with tie-corrected variance {@code
 * n(n+1)(2n+1)/24 − Σ(t³ − t)/48} and a continuity correction of ½, R's {@code wilcox.test(paired =
 * TRUE, exact = FALSE)}. Reference: Hollander &amp; Wolfe, Nonparametric Statistical Methods
 * (1973), §3.1; see docs/method.md, "Statistics".
 */
public final class WilcoxonSignedRankTest {

  /** The largest number of non-zero differences for which the exact distribution is computed. */
  public static final int EXACT_LIMIT = 50;

  private WilcoxonSignedRankTest() {}

  /**
   * The outcome of one signed-rank test.
   *
   * @param v the sum of the ranks of the positive differences
   * @param nonZero the number of non-zero differences
   * @param pTwoSided the two-sided p-value (NaN when every difference is zero)
   * @param pGreater the one-sided p-value for the alternative "a tends to be larger than b"
   * @param pLess the one-sided p-value for the alternative "a tends to be smaller than b"
   * @param exact whether the p-values are exact
   * @param ties whether the absolute differences have ties
   * @param zeros the number of zero differences dropped
   */
  public record Result(
      double v,
      int nonZero,
      double pTwoSided,
      double pGreater,
      double pLess,
      boolean exact,
      boolean ties,
      int zeros) {}

  /** Tests with the exact distribution when the size allows, otherwise asymptotically. */
  public static Result test(double[] a, double[] b) {
    double[] d = differences(a, b);
    long nonZero = Arrays.stream(d).filter(x -> x != 0).count();
    return nonZero <= EXACT_LIMIT ? exact(d) : asymptotic(d);
  }

  /** Tests with the normal approximation, whatever the size (R's {@code exact = FALSE}). */
  public static Result asymptoticTest(double[] a, double[] b) {
    return asymptotic(differences(a, b));
  }

  private static double[] differences(double[] a, double[] b) {
    Samples.requireFinite(a, "a");
    Samples.requireFinite(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "A paired test needs samples of equal length, got "
              + a.length
              + " and "
              + b.length
              + ".");
    }
    Samples.requireSize(a, 1, "a", "The Wilcoxon signed-rank test");
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  /** The non-zero differences, their doubled midranks and whether the ranks tie. */
  private record Ranked(double[] nonZero, int[] doubledRanks, boolean ties, int zeros, int v2) {}

  private static Ranked rank(double[] d) {
    double[] nz = Arrays.stream(d).filter(x -> x != 0).toArray();
    int n = nz.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(Math.abs(nz[i]), Math.abs(nz[j])));
    int[] doubled = new int[n];
    boolean ties = false;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && Math.abs(nz[order[end + 1]]) == Math.abs(nz[order[start]])) {
        end++;
      }
      ties |= end > start;
      // ranks start+1 .. end+1, doubled midrank = start + end + 2
      for (int k = start; k <= end; k++) {
        doubled[order[k]] = start + end + 2;
      }
      start = end + 1;
    }
    int v2 = 0;
    for (int i = 0; i < n; i++) {
      if (nz[i] > 0) {
        v2 += doubled[i];
      }
    }
    return new Ranked(nz, doubled, ties, d.length - n, v2);
  }

  private static Result exact(double[] d) {
    Ranked r = rank(d);
    int n = r.nonZero().length;
    double v = r.v2() / 2.0;
    if (n == 0) {
      return new Result(0, 0, Double.NaN, Double.NaN, Double.NaN, true, false, r.zeros());
    }
    double greater;
    double less;
    if (!r.ties()) {
      org.apache.commons.statistics.inference.WilcoxonSignedRankTest test =
          org.apache.commons.statistics.inference.WilcoxonSignedRankTest.withDefaults()
              .with(PValueMethod.EXACT);
      double[] zero = new double[n];
      greater = test.with(AlternativeHypothesis.GREATER_THAN).test(r.nonZero(), zero).getPValue();
      less = test.with(AlternativeHypothesis.LESS_THAN).test(r.nonZero(), zero).getPValue();
    } else {
      int total = Arrays.stream(r.doubledRanks()).sum();
      // count[s]: the number of sign assignments whose positive doubled ranks sum to s, as a
      // probability (each assignment has probability 2^-n)
      double[] count = new double[total + 1];
      count[0] = 1;
      int reach = 0;
      for (int rank : r.doubledRanks()) {
        for (int s = reach; s >= 0; s--) {
          if (count[s] != 0) {
            count[s + rank] += count[s] / 2;
            count[s] /= 2;
          }
        }
        reach += rank;
      }
      greater = 0;
      less = 0;
      for (int s = 0; s <= total; s++) {
        if (s >= r.v2()) {
          greater += count[s];
        }
        if (s <= r.v2()) {
          less += count[s];
        }
      }
    }
    return new Result(
        v,
        n,
        Math.min(1, 2 * Math.min(greater, less)),
        Math.min(1, greater),
        Math.min(1, less),
        true,
        r.ties(),
        r.zeros());
  }

  private static Result asymptotic(double[] d) {
    Ranked r = rank(d);
    int n = r.nonZero().length;
    double v = r.v2() / 2.0;
    if (n == 0) {
      return new Result(0, 0, Double.NaN, Double.NaN, Double.NaN, false, false, r.zeros());
    }
    int[] sorted = r.doubledRanks().clone();
    Arrays.sort(sorted);
    double tieSum = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      tieSum += t * t * t - t;
      i = j + 1;
    }
    double mean = n * (n + 1) / 4.0;
    double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24 - tieSum / 48);
    NormalDistribution normal = NormalDistribution.of(0, 1);
    if (sd == 0) {
      return new Result(v, n, Double.NaN, Double.NaN, Double.NaN, false, r.ties(), r.zeros());
    }
    double z = v - mean;
    double corrected = (z - 0.5 * Math.signum(z)) / sd;
    double two =
        2
            * Math.min(
                normal.cumulativeProbability(corrected), normal.survivalProbability(corrected));
    double greater = normal.survivalProbability((z - 0.5) / sd);
    double less = normal.cumulativeProbability((z + 0.5) / sd);
    return new Result(v, n, Math.min(1, two), greater, less, false, r.ties(), r.zeros());
  }
}
