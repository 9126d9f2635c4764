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
 * nothing and are not counted. Not thread-safe.
 */
public final class ProgressLog {

  private static final Logger LOG =
      LoggerFactory.getLogger("io.github.trustregion.framework.progress");

  private final long totalUnits;
  private final int totalTrials;
  private final long start = System.nanoTime();
  private long unitsDone;
  private long unitsSkipped;
  private int trialIndex;

  /** Creates the log of a run of {@code totalTrials} trials worth {@code totalUnits} units. */
  public ProgressLog(int totalTrials, long totalUnits) {
    this.totalTrials = totalTrials;
    this.totalUnits = totalUnits;
  }

  /** Logs the start of the next trial. */
  void trialStarted(String trialId) {
    trialIndex++;
    LOG.info(
        "Trial {} of {}: {} (elapsed {}, remaining ~{})",
        trialIndex,
        totalTrials,
        trialId,
        format(elapsed()),
        remaining());
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
        "Trial {} of {}: {} epoch {}/{}: train loss {}, test accuracy {} (elapsed {}, "
            + "remaining ~{})",
        trialIndex,
        totalTrials,
        trialId,
        epoch,
        epochs,
        String.format("%.4f", trainLoss),
        String.format("%.4f", testAccuracy),
        format(elapsed()),
        remaining());
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

  private String remaining() {
    if (unitsDone == 0) {
      return "unknown";
    }
    long left = Math.max(0, totalUnits - unitsDone - unitsSkipped);
    return format(elapsed().multipliedBy(left).dividedBy(unitsDone));
  }

  /** Formats a duration as {@code 1h02m03s}. */
  static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : String.format("%dm%02ds", s / 60, s % 60);
  }
}
