"""Independent reference values for the reports module's statistics tests.

Run with `python3 reports/src/test/python/stats_reference.py` (SciPy 1.17.1, NumPy 2.4.6 here).
Welch t from scipy.stats.ttest_ind(equal_var=False); exact Mann-Whitney without ties from
scipy.stats.mannwhitneyu(method="exact"); exact Mann-Whitney WITH ties by brute-force
enumeration of every split of the pooled midranks (the conditional permutation distribution);
Hedges' g, Cliff's delta and Holm by direct formulas/enumeration.
The Java tests hard-code what this prints, with this file named as the source.
"""
import itertools
import math

import numpy as np
from scipy import stats
from scipy.special import gammaln

DATA = {
    # R's ?wilcox.test example (Hollander & Wolfe 1973, p. 69): wilcox.test(x, y, alternative = "g")
    # prints W = 35, p-value = 0.1272.
    "hollander": ([0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
                  [1.15, 0.88, 0.90, 0.74, 1.21]),
    "accuracies": ([0.861, 0.872, 0.858, 0.869, 0.866], [0.842, 0.851, 0.839, 0.848, 0.855, 0.845]),
    "n2": ([0.81, 0.83], [0.78, 0.80]),
    "ties": ([1, 2, 2, 3, 5], [2, 3, 3, 4, 6, 7]),
}


def midranks(values):
    return stats.rankdata(values)


def exact_mwu_enumerated(x, y):
    pooled = list(x) + list(y)
    ranks = midranks(pooled)
    m, n = len(x), len(y)
    observed = sum(ranks[:m]) - m * (m + 1) / 2
    us = []
    for subset in itertools.combinations(range(m + n), m):
        us.append(sum(ranks[i] for i in subset) - m * (m + 1) / 2)
    us = np.array(us)
    eps = 1e-9
    p_le = np.mean(us <= observed + eps)
    p_ge = np.mean(us >= observed - eps)
    return observed, min(1.0, 2 * min(p_le, p_ge)), p_ge, p_le


def hedges_g(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    m, n = len(x), len(y)
    sp = math.sqrt(((m - 1) * x.var(ddof=1) + (n - 1) * y.var(ddof=1)) / (m + n - 2))
    d = (x.mean() - y.mean()) / sp
    df = m + n - 2
    j = math.exp(gammaln(df / 2) - math.log(math.sqrt(df / 2)) - gammaln((df - 1) / 2))
    return d, j * d


def cliffs_delta(x, y):
    gt = sum(1 for a in x for b in y if a > b)
    lt = sum(1 for a in x for b in y if a < b)
    return (gt - lt) / (len(x) * len(y))


def holm(p):
    order = np.argsort(p)
    k = len(p)
    adjusted = np.empty(k)
    running = 0.0
    for i, idx in enumerate(order):
        running = max(running, min(1.0, (k - i) * p[idx]))
        adjusted[idx] = running
    return adjusted


for name, (x, y) in DATA.items():
    print("==", name)
    for alt in ("two-sided", "greater", "less"):
        r = stats.ttest_ind(x, y, equal_var=False, alternative=alt)
        print(f"welch {alt}: t={r.statistic!r} p={r.pvalue!r} df={r.df!r}")
    has_ties = len(set(list(x) + list(y))) < len(x) + len(y)
    if not has_ties:
        for alt in ("two-sided", "greater", "less"):
            r = stats.mannwhitneyu(x, y, alternative=alt, method="exact")
            print(f"mwu scipy exact {alt}: U={r.statistic!r} p={r.pvalue!r}")
    u, p2, pg, pl = exact_mwu_enumerated(x, y)
    print(f"mwu enumerated: U={u!r} two-sided={p2!r} greater={pg!r} less={pl!r}")
    r = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    print(f"mwu scipy asymptotic (tie-corrected, continuity): p={r.pvalue!r}")
    d, g = hedges_g(x, y)
    print(f"cohen d={d!r} hedges g={g!r} cliffs delta={cliffs_delta(x, y)!r}")
    print(f"means {np.mean(x)!r} {np.mean(y)!r} sds {np.std(x, ddof=1)!r} {np.std(y, ddof=1)!r}")

print("== holm")
p = np.array([0.01, 0.04, 0.03, 0.005, 0.20])
print("holm", list(holm(p)))

print("== asymptotic branch: Hollander samples repeated 9 times (N = 135)")
x9, y9 = DATA["hollander"][0] * 9, DATA["hollander"][1] * 9
for alt in ("two-sided", "greater", "less"):
    r = stats.mannwhitneyu(x9, y9, alternative=alt, method="asymptotic", use_continuity=True)
    print(f"mwu asymptotic {alt}: U={r.statistic!r} p={r.pvalue!r}")

print("== report fixture (ReportFixtures.java): E3 batchSize=2048, TR vs SGD")
tr_final, sgd_final = [0.85, 0.86, 0.87], [0.80, 0.81, 0.79]
tr_best, sgd_best = [0.87, 0.86, 0.87], [0.82, 0.81, 0.79]
for name, a, b in (("final", tr_final, sgd_final), ("best", tr_best, sgd_best)):
    r = stats.ttest_ind(a, b, equal_var=False)
    u = stats.mannwhitneyu(a, b, method="exact") if len(set(a + b)) == len(a + b) else None
    print(name, "welch t", r.statistic, "df", r.df, "p", r.pvalue, "diff", np.mean(a) - np.mean(b),
          "mwu", exact_mwu_enumerated(a, b)[:2], "g", hedges_g(a, b)[1])

print("== Welch from summary statistics (ttest_ind_from_stats)")
for shift in (0.0, 0.03):
    r = stats.ttest_ind_from_stats(0.862 - shift, 0.012, 5, 0.845, 0.020, 4, equal_var=False, alternative="less")
    print(f"shift {shift}: t={r.statistic!r} pLess={r.pvalue!r}")

print("== report fixture: E3 SGD final accuracy, B=128 (diverged repeat excluded) vs B=2048")
r = stats.ttest_ind([0.86, 0.87], [0.80, 0.81, 0.79], equal_var=False)
print("drop", np.mean([0.86, 0.87]) - np.mean([0.80, 0.81, 0.79]), "welch p", r.pvalue)
