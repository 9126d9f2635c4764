package io.github.trustregion.framework.run;

import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.ResultFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local pool of worker processes that share one results directory and take its trials one by one,
 * with one progress view: the embedded way to use every core of one machine.
 *
 * <p>Each worker is a separate JVM (started by the command the caller gives) that runs the whole
 * plan with the results directory {@linkplain RunLock#acquireShared shared} and trains every trial
 * it can {@linkplain TrialClaim claim}, so W workers keep W trials in flight and no trial is
 * trained twice. Each worker gets {@code OMP_NUM_THREADS} threads so that workers × threads does
 * not exceed the cores. The pool logs, whenever it changes, how many planned trials have a result
 * and which trial each worker trains (read from the claim files, so it needs nothing from the
 * workers but their process ids). A worker that dies from a signal (killed, out of memory) is
 * replaced, at most W times in all: the replacement takes over the dead worker's claim and trains
 * that trial again from the start, and every finished trial is kept. Each worker's output goes to
 * {@code <results>/.workers/worker-<i>.log}.
 */
public final class WorkerPool {

  /** The folder of the results directory that holds the workers' logs. */
  public static final String LOG_DIRECTORY = ".workers";

  private static final Logger LOG =
      LoggerFactory.getLogger("io.github.trustregion.framework.progress");
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final long MIN_WORKER_MEGABYTES = 512;
  private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgGtT]?)");

  private final Path results;
  private final int workers;
  private final int threadsPerWorker;
  private final IntFunction<List<String>> command;

  /**
   * Creates a pool.
   *
   * @param results the shared results directory
   * @param workers W, at least 1
   * @param threadsPerWorker the OpenMP threads of each worker, at least 1
   * @param command the command line of worker i (1 to W, and above for replacements)
   */
  public WorkerPool(
      Path results, int workers, int threadsPerWorker, IntFunction<List<String>> command) {
    if (workers < 1 || threadsPerWorker < 1) {
      throw new IllegalArgumentException(
          "A pool needs at least one worker with at least one "
              + "thread, not "
              + workers
              + " worker(s) with "
              + threadsPerWorker
              + " thread(s).");
    }
    this.results = results;
    this.workers = workers;
    this.threadsPerWorker = threadsPerWorker;
    this.command = command;
  }

  /**
   * Returns the JVM arguments of one of {@code workers} workers: the parent's, with its memory
   * limits divided among the workers, since W workers on one machine share its memory. The heap
   * ({@code -Xmx}) and JavaCPP's native limits ({@code -Dorg.bytedeco.javacpp.maxbytes} and {@code
   * maxphysicalbytes}, by which ND4J bounds its off-heap memory) are each divided by W, down to
   * {@value #MIN_WORKER_MEGABYTES} MB; a debugger or agent argument is left out (two processes
   * cannot share its port); everything else is passed unchanged. (Without the division, two workers
   * with the experiments' limit of 10 GB of physical memory each were killed by the kernel's
   * out-of-memory killer on a 24 GB machine.)
   */
  public static List<String> jvmArgumentsPerWorker(List<String> parent, int workers) {
    List<String> out = new ArrayList<>();
    for (String argument : parent) {
      if (argument.startsWith("-agentlib:") || argument.startsWith("-javaagent:")) {
        continue;
      }
      String limited = divided(argument, "-Xmx", workers);
      limited = divided(limited, "-Dorg.bytedeco.javacpp.maxbytes=", workers);
      out.add(divided(limited, "-Dorg.bytedeco.javacpp.maxphysicalbytes=", workers));
    }
    return out;
  }

  private static String divided(String argument, String prefix, int workers) {
    if (!argument.startsWith(prefix) || workers <= 1) {
      return argument;
    }
    Matcher size = SIZE.matcher(argument.substring(prefix.length()));
    if (!size.matches()) {
      return argument;
    }
    long bytes = Long.parseLong(size.group(1));
    switch (size.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> bytes <<= 10;
      case "m" -> bytes <<= 20;
      case "g" -> bytes <<= 30;
      case "t" -> bytes <<= 40;
      default -> {}
    }
    long megabytes = Math.max(MIN_WORKER_MEGABYTES, (bytes / workers) >> 20);
    return prefix + megabytes + "m";
  }

  /**
   * Returns the threads each of {@code workers} workers gets on {@code cores} cores: ⌊cores/W⌋, at
   * least 1.
   */
  public static int threadsPerWorker(int cores, int workers) {
    return Math.max(1, cores / Math.max(1, workers));
  }

  /**
   * Runs the workers until every one has ended and returns the pool's exit status: 2 if a worker
   * reported a usage or setup problem, else 1 if one reported a failed trial, else 3 if one
   * reported a diverged trial, else 0 (a worker's status follows the command line's).
   *
   * @param plans the plans the workers run, for the progress view
   * @param selected the trials the workers run (filter and shard)
   */
  public int run(List<ExperimentPlan> plans, Predicate<TrialSpec> selected) {
    Map<String, String> experimentOf = new LinkedHashMap<>();
    Map<String, Long> unitsOf = new HashMap<>();
    for (ExperimentPlan plan : plans) {
      plan.trials().stream()
          .filter(selected)
          .forEach(
              t -> {
                experimentOf.put(t.trialId(), plan.experimentId());
                unitsOf.put(t.trialId(), ExperimentRunner.units(t));
              });
    }
    ResultFiles files = new ResultFiles(results);
    Path logs = results.resolve(LOG_DIRECTORY);
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the workers' log folder " + logs + ".", e);
    }
    LOG.info(
        "Starting {} worker(s) with {} thread(s) each on {} trial(s); their logs are in {}",
        workers,
        threadsPerWorker,
        experimentOf.size(),
        logs.toAbsolutePath());
    Map<Integer, Process> running = new java.util.concurrent.ConcurrentHashMap<>();
    Thread stopWorkers = new Thread(() -> running.values().forEach(Process::destroy));
    Runtime.getRuntime().addShutdownHook(stopWorkers);
    try {
      return supervise(new Progress(experimentOf, unitsOf, files), logs, running);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopWorkers);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it stops the workers.
      }
    }
  }

  private int supervise(Progress progress, Path logs, Map<Integer, Process> running) {
    for (int i = 1; i <= workers; i++) {
      running.put(i, start(i, logs));
    }
    int next = workers + 1;
    int replacementsLeft = workers;
    List<Integer> statuses = new ArrayList<>();
    View lastView = null;
    while (!running.isEmpty()) {
      sleep(POLL);
      for (var entry : new java.util.TreeMap<>(running).entrySet()) {
        Process process = entry.getValue();
        if (process.isAlive()) {
          continue;
        }
        running.remove(entry.getKey());
        int status = process.exitValue();
        if (status >= 128 && replacementsLeft > 0) {
          replacementsLeft--;
          LOG.warn(
              "Worker {} (process {}) died with status {} (signal {}); starting worker {} in "
                  + "its place, which takes over its trial; see {}",
              entry.getKey(),
              process.pid(),
              status,
              status - 128,
              next,
              logs.resolve(logName(entry.getKey())));
          running.put(next, start(next, logs));
          next++;
        } else {
          if (status != 0) {
            LOG.warn(
                "Worker {} ended with status {}; see {}",
                entry.getKey(),
                status,
                logs.resolve(logName(entry.getKey())));
          }
          statuses.add(status);
        }
      }
      View view = view(progress, running);
      if (!view.equals(lastView)) {
        LOG.info(
            "Trials with a result: {} of {} ({} of {} trial-epochs, {}){}",
            view.finished(),
            progress.experimentOf.size(),
            view.finishedUnits(),
            progress.total,
            progress.remaining(view.finishedUnits()),
            view.text());
        lastView = view;
      }
    }
    return combine(statuses);
  }

  private Process start(int index, Path logs) {
    ProcessBuilder builder = new ProcessBuilder(command.apply(index));
    builder.environment().put("OMP_NUM_THREADS", Integer.toString(threadsPerWorker));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(logName(index)).toFile()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start worker " + index + " (" + builder.command() + "): " + e.getMessage(), e);
    }
  }

  private static String logName(int index) {
    return "worker-" + index + ".log";
  }

  /**
   * The plan's trials with their experiments and units (trial-epochs), the units that had a result
   * when the pool started, and the start: what the progress line's estimate is made of.
   */
  private static final class Progress {
    final Map<String, String> experimentOf;
    final Map<String, Long> unitsOf;
    final ResultFiles files;
    final long total;
    final long start = System.nanoTime();
    final long atStart;

    Progress(Map<String, String> experimentOf, Map<String, Long> unitsOf, ResultFiles files) {
      this.experimentOf = experimentOf;
      this.unitsOf = unitsOf;
      this.files = files;
      this.total = unitsOf.values().stream().mapToLong(Long::longValue).sum();
      this.atStart =
          experimentOf.entrySet().stream()
              .filter(e -> Files.isRegularFile(files.trialFile(e.getValue(), e.getKey())))
              .mapToLong(e -> unitsOf.getOrDefault(e.getKey(), 0L))
              .sum();
    }

    /** Returns the time left at the rate of the units that got a result since the start. */
    String remaining(long finishedUnits) {
      return ProgressLog.remaining(
              Duration.ofNanos(System.nanoTime() - start),
              finishedUnits - atStart,
              total - finishedUnits)
          .map(d -> "~" + ProgressLog.format(d) + " left at this run's rate")
          .orElse("time left unknown");
    }
  }

  /**
   * What the pool's progress line shows: the trials and units with a result, and "; worker 1: id;
   * worker 2: id" (the line is logged when these change).
   */
  private record View(int finished, long finishedUnits, String text) {}

  /**
   * Returns the progress line's state, which the line "Trials with a result: 5 of 18 (120 of 300
   * trial-epochs, ~1h02m03s left at this run's rate); worker 1: id; worker 2: id" shows.
   */
  private View view(Progress progress, Map<Integer, Process> running) {
    int finished = 0;
    long finishedUnits = 0;
    Map<Long, String> training = new LinkedHashMap<>();
    for (var entry : progress.experimentOf.entrySet()) {
      if (Files.isRegularFile(progress.files.trialFile(entry.getValue(), entry.getKey()))) {
        finished++;
        finishedUnits += progress.unitsOf.getOrDefault(entry.getKey(), 0L);
        continue;
      }
      Path claim = TrialClaim.file(results, entry.getValue(), entry.getKey());
      if (Files.isRegularFile(claim)) {
        try {
          TrialClaim.pid(Files.readString(claim, StandardCharsets.UTF_8))
              .ifPresent(pid -> training.put(pid, entry.getKey()));
        } catch (IOException e) {
          // A claim being written or released: the next view shows it.
        }
      }
    }
    StringBuilder view = new StringBuilder();
    for (var worker : new java.util.TreeMap<>(running).entrySet()) {
      Optional<String> trial = Optional.ofNullable(training.get(worker.getValue().pid()));
      view.append("; worker ")
          .append(worker.getKey())
          .append(": ")
          .append(trial.orElse("between trials"));
    }
    return new View(finished, finishedUnits, view.toString());
  }

  private static int combine(List<Integer> statuses) {
    if (statuses.stream().anyMatch(s -> s == 2 || s >= 4)) {
      return 2;
    }
    if (statuses.contains(1)) {
      return 1;
    }
    return statuses.contains(3) ? 3 : 0;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the workers", e);
    }
  }
}
