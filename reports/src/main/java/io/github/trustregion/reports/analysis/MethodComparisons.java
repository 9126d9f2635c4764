package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.Comparisons;
import io.github.trustregion.reports.stats.Holm;
import io.github.trustregion.reports.stats.PairedComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The comparisons between methods: for every compared metric and every setting, every pair of
 * methods with at least one value each (a method named SGD is always the second, baseline, group,
 * so differences read "method − SGD"), Holm-adjusted over all rows of the experiment as one family.
 *
 * <p>Beside the two-sample tests, each row has the paired tests: the trials of the two methods with
 * the same repeat index share their initial parameters and data order, so the differences of those
 * pairs are a paired sample (the paired t-test with its interval of the mean difference, and the
 * Wilcoxon signed-rank test), Holm-adjusted over the same family, each test separately.
 */
public final class MethodComparisons {

  private final Comparisons comparisons;

  /** Creates the table's computation with the comparisons' settings. */
  public MethodComparisons(Comparisons comparisons) {
    this.comparisons = comparisons;
  }

  /**
   * Returns the rows by metric, then setting (in the groups' order), then pair of methods (in the
   * groups' order), each with its Holm-adjusted p-values.
   */
  public List<ComparisonRow> rows(List<TrialGroup> groups, List<String> metrics) {
    List<String> metricOfRow = new ArrayList<>();
    List<String> settingOfRow = new ArrayList<>();
    List<Comparison> family = new ArrayList<>();
    List<PairedComparison> paired = new ArrayList<>();
    Map<String, List<TrialGroup>> bySetting = new LinkedHashMap<>();
    groups.forEach(g -> bySetting.computeIfAbsent(g.settingLabel(), k -> new ArrayList<>()).add(g));
    for (String metric : metrics) {
      for (var entry : bySetting.entrySet()) {
        List<TrialGroup> methods = entry.getValue();
        for (int i = 0; i < methods.size(); i++) {
          for (int j = i + 1; j < methods.size(); j++) {
            TrialGroup a = methods.get(i);
            TrialGroup b = methods.get(j);
            if (a.method().equalsIgnoreCase("SGD")) {
              TrialGroup swap = a;
              a = b;
              b = swap;
            }
            double[] va = a.values(metric);
            double[] vb = b.values(metric);
            if (va.length == 0 || vb.length == 0) {
              continue;
            }
            family.add(comparisons.compare(a.method(), va, b.method(), vb));
            paired.add(paired(a, b, metric));
            metricOfRow.add(metric);
            settingOfRow.add(entry.getKey());
          }
        }
      }
    }
    List<Comparison> adjusted = Comparisons.holm(family);
    double[] pairedT = Holm.adjust(paired.stream().mapToDouble(p -> p.t().pTwoSided()).toArray());
    double[] wilcoxon =
        Holm.adjust(paired.stream().mapToDouble(p -> p.wilcoxon().pTwoSided()).toArray());
    List<ComparisonRow> rows = new ArrayList<>();
    for (int i = 0; i < adjusted.size(); i++) {
      rows.add(
          new ComparisonRow(
              metricOfRow.get(i),
              settingOfRow.get(i),
              adjusted.get(i),
              paired.get(i).withAdjusted(pairedT[i], wilcoxon[i])));
    }
    return rows;
  }

  /** Returns the paired analysis of the repeats that both groups have a value of the metric for. */
  private PairedComparison paired(TrialGroup a, TrialGroup b, String metric) {
    TreeMap<Integer, Double> va = byRepeat(a, metric);
    TreeMap<Integer, Double> vb = byRepeat(b, metric);
    va.keySet().retainAll(vb.keySet());
    double[] x = va.values().stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = va.keySet().stream().mapToDouble(vb::get).toArray();
    return PairedComparison.of(x, y, comparisons.settings().confidenceLevel());
  }

  private static TreeMap<Integer, Double> byRepeat(TrialGroup group, String metric) {
    TreeMap<Integer, Double> values = new TreeMap<>();
    for (TrialResult t : group.completed()) {
      String repeat = t.parameters().get(ParameterKeys.REPEAT);
      OptionalDouble value = TrialKeys.metric(t, metric);
      if (repeat != null && value.isPresent()) {
        try {
          values.putIfAbsent(Integer.parseInt(repeat), value.getAsDouble());
        } catch (NumberFormatException e) {
          // a repeat that is not an index pairs with nothing
        }
      }
    }
    return values;
  }
}
