package io.github.trustregion.reports.analysis;

import java.util.List;

/**
 * What one method cost at one setting, averaged over its completed repeats, with its trust-region
 * telemetry summed over all epochs of those repeats.
 *
 * @param setting the setting in words
 * @param method the method label
 * @param n the number of completed trials
 * @param wallSeconds the mean total wall time of a trial (evaluation included)
 * @param wallSecondsSd its sample standard deviation
 * @param epochs the mean number of epochs
 * @param trainingSecondsPerEpoch the mean training time per epoch (evaluation excluded)
 * @param secondsPerEpochVsSgd {@code trainingSecondsPerEpoch} divided by SGD's at the same setting
 *     (NaN without an SGD group), the paper's "TR is 2–3× slower per epoch"
 * @param gradientEvaluations the mean gradient evaluations per trial
 * @param hessianVectorProducts the mean Hessian-vector products per trial
 * @param functionEvaluations the mean value-only evaluations per trial
 * @param gradientEquivalents the mean work per trial in passes over a whole minibatch: gradients +
 *     m/B·(subset gradients + passes per product·products) + value passes ({@link
 *     io.github.trustregion.framework.result.EpochRecord#gradientEquivalentsOrCounted()})
 * @param trSteps trust-region steps over all repeats
 * @param ratioTests the trust-region steps that had a ratio test, over all repeats (fewer than
 *     {@code trSteps} for TR-code, whose fixed-radius steps are accepted without one)
 * @param trRejections rejected trust-region steps over all repeats
 * @param rejectionRate {@code trRejections / ratioTests} (NaN without ratio-tested steps)
 * @param boundaryFraction the fraction of TR steps that reached the boundary (phase II)
 * @param hardCases hard cases detected over all repeats
 * @param meanRho the step-weighted mean ratio ρ over ratio-tested steps (NaN without finite ρ)
 * @param finalRadius the mean radius at the end of the last TR epoch
 * @param methodSwitches the distinct switches of the active method, with how many trials had each
 */
public record CostRow(
    String setting,
    String method,
    int n,
    double wallSeconds,
    double wallSecondsSd,
    double epochs,
    double trainingSecondsPerEpoch,
    double secondsPerEpochVsSgd,
    double gradientEvaluations,
    double hessianVectorProducts,
    double functionEvaluations,
    double gradientEquivalents,
    long trSteps,
    long ratioTests,
    long trRejections,
    double rejectionRate,
    double boundaryFraction,
    long hardCases,
    double meanRho,
    double finalRadius,
    List<String> methodSwitches) {}
