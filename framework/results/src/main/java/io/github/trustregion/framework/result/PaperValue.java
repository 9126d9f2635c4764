package io.github.trustregion.framework.result;

import java.util.Map;

/**
 * A number the paper reports, to be shown beside ours where the setting matches, labelled as the
 * paper's.
 *
 * @param setting the parameters that identify the matching configuration (e.g. method, batchSize)
 * @param metric the metric key it corresponds to
 * @param value the reported value, in the units of the metric (accuracies in [0, 1])
 * @param source where in the paper, e.g. "Figure 3" or "Table 1"
 * @param paperSetting the paper's own setting in words (model, dataset), which may differ from ours
 */
public record PaperValue(
    Map<String, String> setting, String metric, double value, String source, String paperSetting) {}
