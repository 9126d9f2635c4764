package io.github.trustregion.reports.analysis;

import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.Comparisons;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparisons between methods: for every compared metric and every setting, every pair of
 * methods with at least one value each (a method named SGD is always the second, baseline, group,
 * so differences read "method − SGD"), Holm-adjusted over all rows of the experiment as one family.
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
            metricOfRow.add(metric);
            settingOfRow.add(entry.getKey());
          }
        }
      }
    }
    List<Comparison> adjusted = Comparisons.holm(family);
    List<ComparisonRow> rows = new ArrayList<>();
    for (int i = 0; i < adjusted.size(); i++) {
      rows.add(new ComparisonRow(metricOfRow.get(i), settingOfRow.get(i), adjusted.get(i)));
    }
    return rows;
  }
}
