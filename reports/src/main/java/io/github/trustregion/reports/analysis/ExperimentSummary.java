package io.github.trustregion.reports.analysis;

import java.util.List;

/**
 * Everything the report says about one experiment, as written to {@code summary.json}.
 *
 * @param experiment the id
 * @param title the title
 * @param description what it measures
 * @param kind the manifest kind
 * @param scale the scale it ran at
 * @param workload the dataset and model
 * @param planned the number of planned trials
 * @param completed the number of completed trials
 * @param diverged the number of diverged trials
 * @param failed the number of failed trials
 * @param missing the number of planned trials without a result file
 * @param problems every diverged, failed, missing and unplanned trial, by id
 * @param metrics the compared metric keys
 * @param groups per-metric statistics of every method at every setting
 * @param comparisons the pairwise comparisons, Holm-adjusted over this experiment
 * @param cost the cost and trust-region telemetry per method and setting
 * @param settings the method settings and their differences between methods
 * @param paperValues the paper's numbers beside ours
 * @param fits the E1 T(λ) fits (empty for other kinds)
 * @param stages the E5 stage table (empty for other kinds)
 * @param landscape the E4 distances (empty for other kinds)
 * @param batchDrops per method, the drop from the smallest to the largest batch size (training
 *     experiments with at least two batch sizes)
 * @param tuning per tuned method and scope, its grid, choice and cost (empty without tuning)
 */
public record ExperimentSummary(
    String experiment,
    String title,
    String description,
    String kind,
    String scale,
    String workload,
    int planned,
    int completed,
    int diverged,
    int failed,
    int missing,
    List<TrialProblem> problems,
    List<String> metrics,
    List<GroupStat> groups,
    List<ComparisonRow> comparisons,
    List<CostRow> cost,
    List<SettingDifference> settings,
    List<PaperComparison> paperValues,
    List<FitRow> fits,
    List<StageRow> stages,
    List<LandscapeRow> landscape,
    List<BatchDropRow> batchDrops,
    List<TuningRow> tuning) {}
