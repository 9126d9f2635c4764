package io.github.trustregion.ci.calibration;

import io.github.trustregion.ci.run.RepeatSet;
import java.util.List;

/**
 * What a calibration measures.
 *
 * @param experiment the gated experiment whose repeats are drawn, e.g. {@code e3-large-batch}
 * @param baselineRepeats the repeats the baseline is blessed from
 * @param drawRepeats the repeats the nightly-sized runs are drawn from, disjoint from {@code
 *     baselineRepeats}
 * @param nightlySize the repeats per drawn run, ≥ 2
 * @param draws the number of random draws, ≥ 1
 * @param seed the seed of the random draws
 * @param alpha the gate's family-wise level
 * @param confidenceLevel the level of the intervals shown (the gate's)
 * @param tolerance the tolerance every baselined gap gets
 * @param trim the fraction of each sample of gaps the gate's test trims from each end, in [0, 0.5)
 * @param power the power at which the detectable drop is stated, in (0, 1)
 * @param reference the reference method, e.g. {@code SGD}
 * @param metrics the gated metrics
 * @param injections the injected regressions, each evaluated separately
 */
public record CalibrationSettings(
    String experiment,
    RepeatSet baselineRepeats,
    RepeatSet drawRepeats,
    int nightlySize,
    int draws,
    long seed,
    double alpha,
    double confidenceLevel,
    double tolerance,
    double trim,
    double power,
    String reference,
    List<String> metrics,
    List<Injection> injections) {

  /** Copies the lists. */
  public CalibrationSettings {
    metrics = List.copyOf(metrics);
    injections = List.copyOf(injections);
  }
}
