package io.github.trustregion.framework.run;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a run on the console (through SLF4J, logger {@code
 * io.github.trustregion.framework.progress}): trial i of n, epoch, elapsed and estimated remaining
 * time.
 *
 * <p>The estimate divides the elapsed time of the work done in this run by its units and multiplies
 * by the units left; a unit is one trial-epoch (a custom trial counts as one). Resumed trials cost
 * nothing and are not counted. A worker of a pool, which shares the whole plan with the other
 * workers, gives no estimate (it would count their share of the work as its own): the pool's
 * progress line gives the plan's. Not thread-safe.
 */
public final class ProgressLog {

  private static final Logger LOG =
      LoggerFactory.getLogger("io.github.trustregion.framework.progress");

  private final long totalUnits;
  private final int totalTrials;
  private final boolean planShared;
  private final long start = System.nanoTime();
  private long unitsDone;
  private long unitsSkipped;
  private int trialIndex;

  /** Creates the log of a run of {@code totalTrials} trials worth {@code totalUnits} units. */
  public ProgressLog(int totalTrials, long totalUnits) {
    this(totalTrials, totalUnits, false);
  }

  /**
   * Creates the log of a run of {@code totalTrials} trials worth {@code totalUnits} units, which
   * other processes share trial by trial when {@code planShared} (the workers of a pool), so that
   * no estimate of the time left is given.
   */
  public ProgressLog(int totalTrials, long totalUnits, boolean planShared) {
    this.totalTrials = totalTrials;
    this.totalUnits = totalUnits;
    this.planShared = planShared;
  }

  /** Logs the start of the next trial. */
  void trialStarted(String trialId) {
    trialIndex++;
    LOG.info("Trial {} of {}: {} ({})", trialIndex, totalTrials, trialId, timing());
  }

  /** Counts a resumed trial's units as skipped. */
  void trialResumed(String trialId, long units) {
    trialIndex++;
    unitsSkipped += units;
    LOG.info(
        "Trial {} of {}: {} already finished, kept from the previous run",
        trialIndex,
        totalTrials,
        trialId);
  }

  /** Counts the units of a trial that another process is training as skipped. */
  void trialElsewhere(String trialId, long units, String holder) {
    trialIndex++;
    unitsSkipped += units;
    LOG.info(
        "Trial {} of {}: {} left to {}, which is training it",
        trialIndex,
        totalTrials,
        trialId,
        holder);
  }

  /** Logs one finished epoch of the current trial. */
  void epochFinished(String trialId, int epoch, int epochs, double trainLoss, double testAccuracy) {
    unitsDone++;
    LOG.info(
        "Trial {} of {}: {} epoch {}/{}: train loss {}, test accuracy {} ({})",
        trialIndex,
        totalTrials,
        trialId,
        epoch,
        epochs,
        String.format("%.4f", trainLoss),
        String.format("%.4f", testAccuracy),
        timing());
  }

  /** Counts the units of a trial that ended (its unfinished epochs included). */
  void trialFinished(String trialId, String status, long unitsPlanned, long unitsRun) {
    unitsSkipped += Math.max(0, unitsPlanned - unitsRun);
    LOG.info("Trial {} of {}: {} {}", trialIndex, totalTrials, trialId, status);
  }

  /** Counts one unit of a custom trial. */
  void unitDone() {
    unitsDone++;
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private String timing() {
    String elapsed = "elapsed " + format(elapsed());
    if (planShared) {
      return elapsed;
    }
    return elapsed
        + ", remaining ~"
        + remaining(elapsed(), unitsDone, totalUnits - unitsDone - unitsSkipped)
            .map(ProgressLog::format)
            .orElse("unknown");
  }

  /**
   * Returns the time the {@code left} units will take at the rate of the {@code done} units that
   * took {@code elapsed}: elapsed · left / done, or empty before the first unit.
   */
  static java.util.Optional<Duration> remaining(Duration elapsed, long done, long left) {
    if (done <= 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(elapsed.multipliedBy(Math.max(0, left)).dividedBy(done));
  }

  /** Formats a duration as {@code 1h02m03s}. */
  static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : String.format("%dm%02ds", s / 60, s % 60);
  }
}
