package io.github.trustregion.reports.analysis;

import io.github.trustregion.framework.result.PaperValue;
import io.github.trustregion.framework.result.ParameterKeys;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.stats.Comparison;
import io.github.trustregion.reports.stats.Comparisons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each method's drop from its smallest to its largest batch size per metric: a Welch comparison of
 * the two batch sizes' values, Holm-adjusted over all rows of this table as one family (a question
 * separate from the method comparisons), with the paper's drop where the manifest declares the
 * paper's value for the method at both batch sizes.
 */
public final class BatchDrops {

  private final Comparisons comparisons;

  /** Creates the table's computation with the comparisons' settings. */
  public BatchDrops(Comparisons comparisons) {
    this.comparisons = comparisons;
  }

  /**
   * Returns the rows by metric, then method and remaining setting; groups whose {@code batchSize}
   * is not a whole number are left out, and so are methods with values at fewer than two batch
   * sizes.
   */
  public List<BatchDropRow> rows(
      LoadedExperiment experiment, List<TrialGroup> groups, List<String> metrics) {
    Map<String, List<TrialGroup>> byMethod = new LinkedHashMap<>();
    for (TrialGroup g : groups) {
      String batch = g.setting().get(ParameterKeys.BATCH_SIZE);
      if (batch == null || !batch.matches("\\d+")) {
        continue;
      }
      Map<String, String> rest = new TreeMap<>(g.setting());
      rest.remove(ParameterKeys.BATCH_SIZE);
      byMethod
          .computeIfAbsent(
              g.method() + "\u0000" + TrialKeys.settingLabel(rest), k -> new ArrayList<>())
          .add(g);
    }
    List<BatchDropRow> unadjusted = new ArrayList<>();
    for (String metric : metrics) {
      for (var entry : byMethod.entrySet()) {
        List<TrialGroup> withValues =
            entry.getValue().stream()
                .filter(g -> g.values(metric).length > 0)
                .sorted(
                    Comparator.comparingInt(
                        g -> Integer.parseInt(g.setting().get(ParameterKeys.BATCH_SIZE))))
                .toList();
        if (withValues.size() < 2) {
          continue;
        }
        TrialGroup small = withValues.get(0);
        TrialGroup large = withValues.get(withValues.size() - 1);
        int b0 = Integer.parseInt(small.setting().get(ParameterKeys.BATCH_SIZE));
        int b1 = Integer.parseInt(large.setting().get(ParameterKeys.BATCH_SIZE));
        Comparison c =
            comparisons.compare("B=" + b0, small.values(metric), "B=" + b1, large.values(metric));
        Optional<PaperValue> paperSmall =
            PaperValues.paperFor(experiment, small.setting(), small.method(), metric);
        Optional<PaperValue> paperLarge =
            PaperValues.paperFor(experiment, large.setting(), large.method(), metric);
        boolean paper = paperSmall.isPresent() && paperLarge.isPresent();
        unadjusted.add(
            new BatchDropRow(
                metric,
                small.method(),
                entry.getKey().substring(entry.getKey().indexOf('\u0000') + 1),
                b0,
                b1,
                c,
                paper ? paperSmall.get().value() - paperLarge.get().value() : null,
                paper ? paperSmall.get().source() : null));
      }
    }
    List<Comparison> adjusted =
        Comparisons.holm(unadjusted.stream().map(BatchDropRow::comparison).toList());
    List<BatchDropRow> out = new ArrayList<>(unadjusted.size());
    for (int i = 0; i < unadjusted.size(); i++) {
      BatchDropRow r = unadjusted.get(i);
      out.add(
          new BatchDropRow(
              r.metric(),
              r.method(),
              r.setting(),
              r.smallBatch(),
              r.largeBatch(),
              adjusted.get(i),
              r.paperDrop(),
              r.paperSource()));
    }
    return out;
  }
}
