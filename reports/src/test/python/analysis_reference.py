"""Independent reference values for the analysis tables' tests (MethodComparisonsTest, BatchDropsTest).

Run with `python3 reports/src/test/python/analysis_reference.py` (SciPy 1.17.1 here). Welch's test
from scipy.stats.ttest_ind(equal_var=False); Holm's step-down adjustment by its definition
(sort ascending, multiply the i-th smallest by m − i, running maximum, capped at 1).
The Java tests hard-code what this prints, with this file named as the source.
"""
from scipy import stats


def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    out = [0.0] * len(ps)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        out[i] = running
    return out


def family(name, pairs):
    ps = []
    for label, a, b in pairs:
        r = stats.ttest_ind(a, b, equal_var=False)
        ps.append(r.pvalue)
        print(f"{name} {label}: difference {sum(a) / len(a) - sum(b) / len(b)!r} t {float(r.statistic)!r} p {float(r.pvalue)!r}")
    for (label, _, _), p in zip(pairs, holm(ps)):
        print(f"{name} {label}: Holm p {float(p)!r}")


SGD = [0.70, 0.72, 0.75]
TR = [0.80, 0.83, 0.84]
ADAM = [0.71, 0.74, 0.78]
family("comparisons", [("TR-SGD", TR, SGD), ("Adam-SGD", ADAM, SGD), ("TR-Adam", TR, ADAM)])

TR_64 = [0.90, 0.92, 0.95]
TR_256 = [0.84, 0.85, 0.89]
SGD_64 = [0.89, 0.91, 0.90]
SGD_256 = [0.80, 0.86, 0.83]
family("drops", [("TR 64-256", TR_64, TR_256), ("SGD 64-256", SGD_64, SGD_256)])
