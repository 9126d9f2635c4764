package io.github.trustregion.framework.cli;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.commandline.CommandLines;
import io.github.trustregion.framework.engine.ExperimentTestEngine;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentDiscovery;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.ExperimentValidationException;
import io.github.trustregion.framework.plan.PlanSelection;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.ValidationProblem;
import io.github.trustregion.framework.result.ResultFileException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.result.TrialStatus;
import io.github.trustregion.framework.run.BackendCheck;
import io.github.trustregion.framework.run.CostEstimate;
import io.github.trustregion.framework.run.ExperimentRunner;
import io.github.trustregion.framework.run.ResumeCheck;
import io.github.trustregion.framework.run.RunSummary;
import io.github.trustregion.framework.run.Shard;
import io.github.trustregion.framework.run.TrialListener;
import io.github.trustregion.framework.run.WorkerPool;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * Runs, lists or resumes experiments from the command line, through the same planner and runner as
 * {@code mvn verify -Pexperiments}.
 *
 * <pre>
 * java -cp &lt;class path&gt; io.github.trustregion.framework.cli.ExperimentsCli [-h] [--list] [--validate]
 *     [--scale S] [--repeats N] [--filter REGEX] [--results DIR] [--allure DIR] [TARGET...]
 * </pre>
 *
 * <p>{@code --help} describes each option. The options are parsed by picocli ({@link Arguments},
 * {@link CommandLines}): a bad value, such as {@code --repeats x}, is a usage error naming the
 * option and the value. The targets name experiment classes or packages to scan (default: {@code
 * -Dexperiments.packages}, else {@code io.github.trustregion}). The filter matches the declared
 * experiment id (that of {@code @Experiment(id)}, else the class's simple name in kebab case) or
 * the class name, so that an invalid experiment is found and its problems are printed. An
 * experiment declared only at other scales (with {@code @Experiment(scales = ...)}) is no error:
 * {@code --list}, {@code --validate} and a run print one line for it ("only at scale(s) paper; not
 * declared at scale ci") and it has no trials; {@code --validate} then checks only its id and
 * scales (validate it fully with {@code --scale} set to one of its scales). Running again with the
 * same results directory resumes: finished trials (as {@link ResumeCheck} decides: completed or
 * diverged, and matching the declaration) are kept, failed or outdated ones run again; {@code
 * --list} marks each trial accordingly.
 *
 * <p>Before the first trial, the run checks the ND4J backend and prints it with its device (a
 * backend whose native library does not load, such as nd4j-cuda without the CUDA driver, stops the
 * run with one message saying what is missing), then takes the results directory's lock ({@link
 * io.github.trustregion.framework.run.RunLock}: a second run into the same directory is refused
 * with a message naming the first) and removes temporary files left by interrupted writes.
 *
 * <p>Across processes: {@code --shard K/N} runs only shard K of N of the plan ({@link Shard}: a
 * trial's shard depends on its id alone), and the runs of the N shards share the results directory,
 * each trial claimed before it is trained, so that N processes (on one machine, or the tasks of a
 * Slurm job array or a Kubernetes Indexed Job on shared storage) run every trial exactly once.
 * {@code --workers W} starts W such processes on this machine ({@link WorkerPool}), each with
 * cores/W threads, and shows one progress view.
 *
 * <p>Exit status: {@value #EXIT_OK} when every trial completed (or was kept from a previous run) or
 * there was nothing to run; {@value #EXIT_FAILED} when a trial failed; {@value #EXIT_DIVERGED} when
 * the run finished and no trial failed but at least one diverged (a recorded outcome; the summary
 * line says how many); {@value #EXIT_USAGE} when nothing ran: invalid declarations or usage
 * (including a bad {@code --filter} expression and a target that is neither a class nor a package
 * with experiments), a results directory that holds another scale's results or is in use by another
 * run, a result file (such as a manifest) that cannot be read or written, or an ND4J backend that
 * cannot start.
 */
public final class ExperimentsCli {

  /** The exit status when every trial completed or was kept, or there was nothing to run. */
  public static final int EXIT_OK = 0;

  /** The exit status when at least one trial failed. */
  public static final int EXIT_FAILED = 1;

  /** The exit status of a usage, declaration, results-directory or backend problem: nothing ran. */
  public static final int EXIT_USAGE = 2;

  /** The exit status when the run finished, no trial failed, but at least one diverged. */
  public static final int EXIT_DIVERGED = 3;

  /** The packages scanned when no argument names any. */
  static final String DEFAULT_PACKAGE = "io.github.trustregion";

  private ExperimentsCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to {@code out} and {@code err}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, BackendCheck.nd4j());
  }

  /**
   * Runs the command line like {@link #run(String[], PrintStream, PrintStream)}, checking the ND4J
   * backend with {@code backendCheck} before the first trial.
   */
  static int run(String[] args, PrintStream out, PrintStream err, BackendCheck backendCheck) {
    Arguments arguments = new Arguments();
    CommandLine cli = CommandLines.create(arguments, out, err);
    cli.setOverwrittenOptionsAllowed(true);
    OptionalInt parsed = CommandLines.parse(cli, args, EXIT_USAGE);
    if (parsed.isPresent()) {
      return parsed.getAsInt();
    }
    ExperimentOptions options;
    boolean list = arguments.list;
    boolean validateOnly = arguments.validate;
    List<String> targets = new ArrayList<>(arguments.targets);
    try {
      options = arguments.options(key -> Optional.ofNullable(System.getProperty(key)));
    } catch (IllegalArgumentException e) {
      return CommandLines.usageError(cli, e.getMessage(), EXIT_USAGE);
    }
    String scanned = "the command line";
    if (targets.isEmpty()) {
      String configured = System.getProperty(ExperimentTestEngine.PACKAGES, "").strip();
      scanned =
          configured.isEmpty()
              ? "the default package (set -D"
                  + ExperimentTestEngine.PACKAGES
                  + "=a.b,c.d or name"
                  + " classes or packages on the command line to scan others)"
              : "-D" + ExperimentTestEngine.PACKAGES;
      targets.addAll(List.of((configured.isEmpty() ? DEFAULT_PACKAGE : configured).split(",")));
    }
    MethodRegistry registry = MethodRegistry.load(Thread.currentThread().getContextClassLoader());
    ExperimentPlanner planner = new ExperimentPlanner(registry, options);
    Set<Class<?>> classes;
    try {
      classes = classes(targets);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + " Scanned " + targets + ", from " + scanned + ".");
      return 2;
    }
    PlanSelection selection = PlanSelection.of(planner, classes);
    List<ValidationProblem> problems = selection.problems();
    if (!problems.isEmpty()) {
      err.println(new ExperimentValidationException(problems).getMessage());
      return 2;
    }
    if (selection.isEmpty()) {
      err.println(
          "No experiment found in "
              + targets
              + (options.filter().pattern().isEmpty()
                  ? ""
                  : " matching " + options.filter().pattern())
              + "; the packages and classes scanned came from "
              + scanned
              + ".");
      return 2;
    }
    List<ExperimentPlan> plans = selection.plans();
    List<ExperimentPlanner.PlanOutcome> elsewhere = selection.notDeclared();
    if (validateOnly) {
      out.println(plans.size() + " experiment(s) valid at scale " + options.scale().id() + ".");
      printNotDeclared(elsewhere, "only its id and scales were checked", out);
      return 0;
    }
    if (list) {
      try {
        printPlan(plans, options, registry, out);
      } catch (ResultFileException | UncheckedIOException e) {
        err.println(e.getMessage());
        return 2;
      }
      printNotDeclared(elsewhere, "no trials", out);
      return 0;
    }
    printNotDeclared(elsewhere, "not run", out);
    if (plans.isEmpty()) {
      out.println("Nothing to run at scale " + options.scale().id() + ".");
      return 0;
    }
    Shard shard;
    try {
      shard = arguments.shard(key -> Optional.ofNullable(System.getProperty(key)));
    } catch (IllegalArgumentException e) {
      return CommandLines.usageError(cli, e.getMessage(), EXIT_USAGE);
    }
    if (arguments.workers != null && arguments.workers > 1) {
      return runPool(args, arguments.workers, shard, plans, options, out);
    }
    ExperimentRunner.Sharing sharing =
        arguments.worker
            ? new ExperimentRunner.Sharing(shard, true)
            : ExperimentRunner.Sharing.of(shard);
    RunSummary summary;
    try {
      summary =
          new ExperimentRunner(registry, options, backendCheck, sharing)
              .run(
                  plans,
                  new TrialListener() {
                    @Override
                    public void backendChecked(BackendCheck.Backend backend) {
                      out.println(backend.describe() + ".");
                    }
                  });
    } catch (IllegalStateException | ResultFileException | UncheckedIOException e) {
      err.println(e.getMessage());
      return EXIT_USAGE;
    }
    long failed = summary.count(TrialStatus.FAILED);
    long diverged = summary.count(TrialStatus.DIVERGED);
    out.println(
        summary.results().size()
            + " trial(s): "
            + summary.count(TrialStatus.COMPLETED)
            + " completed, "
            + diverged
            + " diverged, "
            + failed
            + " failed; "
            + summary.resumed()
            + " kept from a previous run. Results in "
            + options.results().toAbsolutePath()
            + "."
            + (failed > 0
                ? " Exit status " + EXIT_FAILED + ": " + failed + " trial(s) failed."
                : diverged > 0
                    ? " Exit status "
                        + EXIT_DIVERGED
                        + ": finished, but "
                        + diverged
                        + " trial(s) diverged (recorded as results)."
                    : ""));
    return failed > 0 ? EXIT_FAILED : diverged > 0 ? EXIT_DIVERGED : EXIT_OK;
  }

  /**
   * Runs the plan in a {@link WorkerPool} of {@code workers} processes of this command line (the
   * same class path, JVM options and arguments, without {@code --workers}), then prints what the
   * results directory holds for the plan's trials.
   */
  private static int runPool(
      String[] args,
      int workers,
      Shard shard,
      List<ExperimentPlan> plans,
      ExperimentOptions options,
      PrintStream out) {
    List<String> base = new ArrayList<>();
    base.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    base.addAll(
        WorkerPool.jvmArgumentsPerWorker(
            ManagementFactory.getRuntimeMXBean().getInputArguments(), workers));
    base.add("-cp");
    base.add(System.getProperty("java.class.path"));
    base.add(ExperimentsCli.class.getName());
    base.add("--worker");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--workers")) {
        i++;
      } else if (!args[i].startsWith("--workers=")) {
        base.add(args[i]);
      }
    }
    int threads = WorkerPool.threadsPerWorker(Runtime.getRuntime().availableProcessors(), workers);
    int status =
        new WorkerPool(options.results(), workers, threads, i -> base)
            .run(plans, trial -> shard.contains(trial.trialId()));
    ResultFiles files = new ResultFiles(options.results());
    long planned = 0;
    java.util.Map<TrialStatus, Long> counts = new java.util.EnumMap<>(TrialStatus.class);
    for (ExperimentPlan plan : plans) {
      for (TrialSpec trial : plan.trials()) {
        if (shard.contains(trial.trialId())) {
          planned++;
          files
              .readTrial(plan.experimentId(), trial.trialId())
              .ifPresent(r -> counts.merge(r.status(), 1L, Long::sum));
        }
      }
    }
    out.println(
        planned
            + " trial(s) run by "
            + workers
            + " workers: "
            + counts.getOrDefault(TrialStatus.COMPLETED, 0L)
            + " completed, "
            + counts.getOrDefault(TrialStatus.DIVERGED, 0L)
            + " diverged, "
            + counts.getOrDefault(TrialStatus.FAILED, 0L)
            + " failed. Results in "
            + options.results().toAbsolutePath()
            + "; the workers' logs in "
            + options.results().resolve(WorkerPool.LOG_DIRECTORY).toAbsolutePath()
            + ". Exit status "
            + status
            + ".");
    return status;
  }

  private static void printPlan(
      List<ExperimentPlan> plans,
      ExperimentOptions options,
      MethodRegistry registry,
      PrintStream out) {
    ResultFiles files = new ResultFiles(options.results());
    ResumeCheck resume = new ResumeCheck(registry, files);
    for (ExperimentPlan plan : plans) {
      out.println(
          plan.experimentId()
              + " ("
              + plan.definition().type().getName()
              + "), scale "
              + plan.definition().scale().id()
              + ", kind "
              + plan.definition().kind().id()
              + ", "
              + plan.trials().size()
              + " trial(s), workload "
              + plan.definition().workloadDescription());
      for (TrialSpec trial : plan.trials()) {
        out.println(
            "  "
                + trial.trialId()
                + "  "
                + trial.parameters()
                + state(resume.decide(plan, trial).verdict()));
      }
    }
    if (!plans.isEmpty()) {
      out.println("Total: " + CostEstimate.of(plans, files, registry).describe() + ".");
    }
  }

  /** Returns how {@code --list} marks a trial: what the next run does with it. */
  private static String state(ResumeCheck.Verdict verdict) {
    return switch (verdict) {
      case KEEP -> "  [finished]";
      case NO_RESULT -> "";
      case RETRY_FAILED -> "  [failed; runs again]";
      case OUTDATED -> "  [outdated; runs again]";
    };
  }

  /** Prints one line per experiment that exists only at other scales than the options'. */
  private static void printNotDeclared(
      List<ExperimentPlanner.PlanOutcome> outcomes, String effect, PrintStream out) {
    for (ExperimentPlanner.PlanOutcome outcome : outcomes) {
      out.println(
          outcome.experimentId()
              + " ("
              + outcome.type().getName()
              + "): only at scale(s) "
              + outcome.scalesText()
              + "; not declared at scale "
              + outcome.scale().id()
              + ", "
              + effect
              + ".");
    }
  }

  /**
   * Returns the classes the targets name: a class by its fully qualified name, or the experiment
   * classes of a package.
   *
   * @throws IllegalArgumentException naming a target that is neither
   */
  private static Set<Class<?>> classes(List<String> targets) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (String target : targets) {
      String name = target.trim();
      if (name.isEmpty()) {
        continue;
      }
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException e) {
        List<Class<?>> found = ExperimentDiscovery.inPackage(name);
        if (found.isEmpty()) {
          throw new IllegalArgumentException(
              "The target '"
                  + name
                  + "' is neither a class on the "
                  + "class path nor a package with experiment classes; check its spelling (a class "
                  + "needs its fully qualified name, such as "
                  + ExperimentsCli.class.getName()
                  + ").");
        }
        classes.addAll(found);
      }
    }
    return classes;
  }

  /** The command line's options and arguments, as picocli parses them. */
  @Command(
      name = "ExperimentsCli",
      sortOptions = false,
      sortSynopsis = false,
      separator = " ",
      usageHelpWidth = 100,
      description =
          "Runs, lists or resumes experiments through the same planner and runner as"
              + " mvn verify -Pexperiments.",
      footer = {
        "Without targets, scans -Dexperiments.packages (default " + DEFAULT_PACKAGE + ").",
        "Running again with the same results directory resumes: finished trials are kept,"
            + " failed or outdated ones run again."
      },
      exitCodeListHeading = "Exit status:%n",
      exitCodeList = {
        EXIT_OK + ":every trial completed (or was kept from a previous run), or nothing to run",
        EXIT_FAILED + ":at least one trial failed",
        EXIT_USAGE
            + ":nothing ran: usage, invalid declarations, results directory in use or"
            + " of another scale, unreadable result file, or an ND4J backend that cannot start",
        EXIT_DIVERGED + ":finished and no trial failed, but some diverged"
      })
  static final class Arguments {

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = "--list",
        description = "print the plan (every trial, the count, a cost estimate) and exit")
    boolean list;

    @Option(names = "--validate", description = "validate only and exit")
    boolean validate;

    @Option(
        names = "--scale",
        paramLabel = "S",
        converter = ScaleConverter.class,
        description =
            "smoke, ci, study or paper (default: -D" + ExperimentOptions.SCALE + ", else ci)")
    Scale scale;

    @Option(
        names = "--repeats",
        paramLabel = "N",
        converter = CommandLines.PositiveWholeNumber.class,
        description = "replace the number of repeats (at least 1)")
    Integer repeats;

    @Option(
        names = "--filter",
        paramLabel = "REGEX",
        converter = FilterConverter.class,
        description = "only experiments whose id or class name contains a match")
    Pattern filter;

    @Option(
        names = "--results",
        paramLabel = "DIR",
        description =
            "results directory (default: -D"
                + ExperimentOptions.RESULTS
                + ", else target/experiment-results)")
    Path results;

    @Option(
        names = "--allure",
        paramLabel = "DIR",
        description =
            "also write Allure results into"
                + " DIR (default: -D"
                + ExperimentOptions.ALLURE
                + ", else none)")
    Path allure;

    @Option(
        names = "--shard",
        paramLabel = "K/N",
        converter = ShardConverter.class,
        description =
            "run only shard K of N (1 ≤ K ≤ N): N processes with K = 1 … N, sharing one results"
                + " directory, run every trial once (default: -D"
                + ExperimentOptions.SHARD
                + ", else the whole plan)")
    Shard shard;

    @Option(
        names = "--workers",
        paramLabel = "W",
        converter = CommandLines.PositiveWholeNumber.class,
        description =
            "run the plan in W worker processes on this machine, sharing the results directory,"
                + " each with cores/W threads (default 1: this process alone)")
    Integer workers;

    /** Set in the worker processes of a pool: share the results directory with the others. */
    @Option(names = "--worker", hidden = true)
    boolean worker;

    @Parameters(
        paramLabel = "TARGET",
        arity = "0..*",
        description = "experiment classes (fully qualified) or packages to scan")
    List<String> targets = new ArrayList<>();

    /**
     * Returns the shard of {@code --shard}, else of the property {@value ExperimentOptions#SHARD},
     * else the whole plan.
     *
     * @throws IllegalArgumentException naming the property when its value is not K/N
     */
    Shard shard(Function<String, Optional<String>> properties) {
      if (shard != null) {
        return shard;
      }
      return properties
          .apply(ExperimentOptions.SHARD)
          .filter(text -> !text.isBlank())
          .map(
              text -> {
                try {
                  return Shard.parse(text);
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(
                      "-D" + ExperimentOptions.SHARD + "=" + text + ": " + e.getMessage());
                }
              })
          .orElse(Shard.ALL);
    }

    /**
     * Returns the options that {@code properties} (the system properties) give, with those set on
     * the command line in their place.
     *
     * @throws IllegalArgumentException naming a property whose value is bad
     */
    ExperimentOptions options(Function<String, Optional<String>> properties) {
      ExperimentOptions options =
          ExperimentOptions.from(properties)
              .withAllureResults(properties.apply(ExperimentOptions.ALLURE).map(Path::of));
      if (scale != null) {
        options = options.withScale(scale);
      }
      if (repeats != null) {
        options = options.withRepeats(repeats);
      }
      if (filter != null) {
        options = options.withFilter(filter);
      }
      if (results != null) {
        options = options.withResults(results);
      }
      if (allure != null) {
        options = options.withAllureResults(Optional.of(allure));
      }
      return options;
    }
  }

  /** Converts {@code --scale}'s text with {@link Scale#parse}. */
  static final class ScaleConverter implements ITypeConverter<Scale> {
    @Override
    public Scale convert(String text) {
      try {
        return Scale.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Converts {@code --shard}'s text with {@link Shard#parse}. */
  static final class ShardConverter implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String text) {
      try {
        return Shard.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Compiles {@code --filter}'s text, explaining how to quote when it is no regular expression. */
  static final class FilterConverter implements ITypeConverter<Pattern> {
    @Override
    public Pattern convert(String text) {
      try {
        return Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw new TypeConversionException(
            "'"
                + text
                + "' is no regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + "; quote special characters"
                + " with a backslash (such as \\[) or use \\Q...\\E for a literal text.");
      }
    }
  }
}
