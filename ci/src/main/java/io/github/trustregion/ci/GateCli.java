package io.github.trustregion.ci;

import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BaselineFiles;
import io.github.trustregion.ci.baseline.BlessResult;
import io.github.trustregion.ci.baseline.BlessSettings;
import io.github.trustregion.ci.baseline.Blesser;
import io.github.trustregion.ci.baseline.Provenance;
import io.github.trustregion.ci.calibration.Calibration;
import io.github.trustregion.ci.calibration.CalibrationResult;
import io.github.trustregion.ci.calibration.CalibrationSettings;
import io.github.trustregion.ci.calibration.CalibrationTable;
import io.github.trustregion.ci.calibration.Injection;
import io.github.trustregion.ci.gate.Gate;
import io.github.trustregion.ci.gate.GateAllureResults;
import io.github.trustregion.ci.gate.GateOutcome;
import io.github.trustregion.ci.gate.GateResult;
import io.github.trustregion.ci.gate.GateTable;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.IncompleteRunException;
import io.github.trustregion.ci.run.RepeatSet;
import io.github.trustregion.ci.run.RunReader;
import io.github.trustregion.framework.commandline.CommandLines;
import io.github.trustregion.framework.result.ExperimentDirectory;
import io.github.trustregion.framework.result.ResultFileException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.reports.stats.ComparisonSettings;
import io.github.trustregion.reports.stats.YuenTTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The gate's command line: {@code check} compares a run with the baselines, {@code bless} writes
 * the baselines from a run, {@code calibrate} measures the gate's false alarms and detection rates
 * on many repeats of one run ({@link Calibration}).
 *
 * <pre>
 *   ci/bin/gate check [-h] --results DIR [--baselines DIR] [--alpha A] [--trim G] [--markdown FILE]
 *                     [--json FILE] [--allure DIR]
 *   ci/bin/gate bless [-h] --results DIR [--repeats SET] [--baselines DIR] [--tolerance T]
 *                     [--reference METHOD] [--metrics LIST] [--commit SHA] [--command TEXT]
 *   ci/bin/gate calibrate [-h] --results DIR --experiment ID --baseline-repeats SET --draw-repeats SET
 *                     --nightly-size N [--draws K] [--seed S] [--alpha A] [--trim G] [--tolerance T] [--power P]
 *                     [--reference METHOD] [--metrics LIST] [--inject LABEL=EXPERIMENT/LABEL2[@OFFSET]]...
 *                     [--json FILE] [--markdown FILE]
 * </pre>
 *
 * <p>The options are parsed by picocli ({@link Check}, {@link Bless}, {@link CommandLines}); {@code
 * --help}, of the gate or of a subcommand, prints the usage. Exit codes ({@link GateOutcome}): 0
 * pass, 1 a gap regressed, 2 the run is incomplete (missing, diverged or failed trials, a baselined
 * comparison without data, or one that cannot be tested because neither run's per-repeat gaps
 * vary), 3 bad arguments (an unknown option or subcommand, a missing or bad value, an option given
 * twice) or unusable input (including a run at another scale, or one that trained on another
 * workload, number of examples, network or planned epochs and batch sizes than its baseline was
 * computed on). {@code bless} exits 0, 2 (incomplete run, nothing written) or 3 (bad arguments or
 * input, nothing written). {@code calibrate} exits 0 or 3 (bad arguments, or repeat sets, sizes or
 * injections that do not fit the run).
 */
public final class GateCli {

  /**
   * The baseline directory used when {@code --baselines} is not given (relative to the working
   * directory).
   */
  public static final String DEFAULT_BASELINES = "ci/baselines";

  /** The command recorded as the run's origin when {@code --command} is not given. */
  public static final String DEFAULT_RUN_COMMAND = "mvn -B verify -Pexperiments";

  /** The commit source recorded when the commit was given with {@code --commit}. */
  static final String COMMIT_OPTION = "--commit";

  /** The option of {@code bless} that restricts the run to some repeats. */
  static final String REPEATS_OPTION = "--repeats";

  private static final Commit UNKNOWN_COMMIT = new Commit("unknown", "unknown");

  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> environment;

  /**
   * Creates a command line that writes to the given streams.
   *
   * @param out where the table goes
   * @param err where errors go (the usage of {@code --help} goes to {@code out})
   * @param environment the process environment (for {@code GITHUB_SHA})
   */
  public GateCli(PrintStream out, PrintStream err, Function<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    int code = new GateCli(System.out, System.err, System.getenv()::get).run(args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one subcommand and returns its exit code (see the class comment). */
  public int run(String... args) {
    Check check = new Check();
    Bless bless = new Bless();
    Calibrate calibrate = new Calibrate();
    CommandLine cli = commandLine(check, bless, calibrate, out, err);
    int badInput = GateOutcome.BAD_INPUT.exitCode();
    OptionalInt parsed = CommandLines.parse(cli, args, badInput);
    if (parsed.isPresent()) {
      return parsed.getAsInt();
    }
    ParseResult subcommand = cli.getParseResult().subcommand();
    if (subcommand == null) {
      return CommandLines.usageError(
          cli, "Give a subcommand: check, bless or calibrate.", badInput);
    }
    String name = subcommand.commandSpec().name();
    try {
      return switch (name) {
        case "check" -> check(check);
        case "bless" -> bless(bless, args);
        default -> calibrate(calibrate, args);
      };
    } catch (GateInputException | ResultFileException | UncheckedIOException e) {
      err.println("gate " + name + ": " + e.getMessage());
      return badInput;
    } catch (IncompleteRunException e) {
      err.println("gate " + name + ": " + e.getMessage());
      return GateOutcome.INCOMPLETE.exitCode();
    }
  }

  private int check(Check options) {
    ResultFiles run = new ResultFiles(existingDirectory(options.results, "--results"));
    List<Baseline> baselines = new BaselineFiles(options.baselines).readAll();
    ComparisonSettings defaults = ComparisonSettings.defaults();
    GateResult result =
        new Gate(
                new ComparisonSettings(options.test.alpha, defaults.confidenceLevel()),
                options.test.trim)
            .evaluate(run, baselines);
    out.print(GateTable.text(result));
    if (options.markdown != null) {
      append(options.markdown, GateTable.markdown(result));
    }
    if (options.allure != null) {
      GateAllureResults.write(result, options.allure);
    }
    if (options.json != null) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("outcome", result.outcome());
      json.put("exitCode", result.outcome().exitCode());
      json.put("alpha", result.alpha());
      json.put("trim", result.trim());
      json.put("rows", result.rows());
      json.put("problems", result.problems());
      json.put("ungatedExperiments", result.ungatedExperiments());
      json.put("configurations", result.configurations());
      ResultFiles.writeAtomically(options.json, json);
    }
    return result.outcome().exitCode();
  }

  private int bless(Bless options, String[] args) {
    String resultsText = options.results;
    ResultFiles run = new ResultFiles(existingDirectory(resultsText, "--results"));
    BaselineFiles files = new BaselineFiles(options.baselines);
    List<String> metrics =
        Arrays.stream(options.metrics.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    BlessSettings settings =
        new BlessSettings(
            options.reference,
            metrics,
            options.tolerance == null ? BlessSettings.DEFAULT_TOLERANCE : options.tolerance,
            options.tolerance == null,
            ComparisonSettings.defaults());
    Map<String, Baseline> existing =
        Files.isDirectory(files.directory())
            ? files.readAll().stream().collect(Collectors.toMap(Baseline::experiment, b -> b))
            : Map.of();
    String where =
        options.repeats == null ? resultsText : resultsText + ", repeats " + options.repeats;
    Commit commit = options.commit != null ? new Commit(options.commit, COMMIT_OPTION) : commit();
    out.println(
        "Commit "
            + commit.sha()
            + " (from "
            + commit.source()
            + ")"
            + (commit.source().equals(COMMIT_OPTION)
                ? ""
                : "; if the results were produced at another commit, bless again with --commit SHA of that commit"));
    Provenance provenance =
        new Provenance(
            commit.sha(),
            commit.source(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            where,
            "",
            options.command,
            "ci/bin/gate "
                + Arrays.stream(args).map(GateCli::shellQuoted).collect(Collectors.joining(" ")),
            Map.of());
    Map<String, ExperimentDirectory> read = RunReader.read(run);
    Map<String, String> outsideTheRepeats = new LinkedHashMap<>();
    if (options.repeats != null) {
      read = selectRepeats(read, options.repeats, resultsText, outsideTheRepeats);
    }
    BlessResult result = new Blesser(settings).bless(read, where, existing, provenance);
    for (Baseline baseline : result.baselines()) {
      Path file = files.write(baseline);
      out.println(
          "Blessed "
              + baseline.comparisons().size()
              + " comparison(s) of "
              + baseline.experiment()
              + " at scale "
              + baseline.scale()
              + " into "
              + file);
      out.println(
          "  computed on "
              + baseline.configuration().comparedValues().entrySet().stream()
                  .map(e -> e.getKey() + " " + (e.getValue() == null ? "unknown" : e.getValue()))
                  .collect(Collectors.joining("; "))
              + "; run id(s) "
              + String.join(", ", baseline.configuration().runIds()));
    }
    outsideTheRepeats.forEach(
        (experiment, reason) ->
            out.println("Left out of the baselines: " + experiment + ": " + reason));
    result
        .skipped()
        .forEach(
            (experiment, reason) ->
                out.println("Left out of the baselines: " + experiment + ": " + reason));
    return 0;
  }

  /**
   * Restricts every experiment of a run to the repeats of {@code repeats}; experiments that ran
   * none of them are left out (with the reason in {@code leftOut}).
   *
   * @throws GateInputException when no experiment ran any of the repeats
   */
  private static Map<String, ExperimentDirectory> selectRepeats(
      Map<String, ExperimentDirectory> read,
      RepeatSet repeats,
      String where,
      Map<String, String> leftOut) {
    Map<String, ExperimentDirectory> selected = new LinkedHashMap<>();
    read.forEach(
        (id, experiment) -> {
          ExperimentDirectory part = repeats.select(experiment);
          if (part.manifest().trials().isEmpty()) {
            leftOut.put(id, "it plans no trial of repeats " + repeats);
          } else {
            selected.put(id, part);
          }
        });
    if (selected.isEmpty() && !read.isEmpty()) {
      throw new GateInputException(
          REPEATS_OPTION
              + " "
              + repeats
              + ": no experiment in "
              + where
              + " plans a trial of these repeats ("
              + String.join(", ", read.keySet())
              + "); give repeats the run has (see the experiments' manifest.json).");
    }
    return selected;
  }

  private int calibrate(Calibrate options, String[] args) {
    ResultFiles run = new ResultFiles(existingDirectory(options.results, "--results"));
    CalibrationSettings settings =
        new CalibrationSettings(
            options.experiment,
            options.baselineRepeats,
            options.drawRepeats,
            options.nightlySize,
            options.draws,
            options.seed,
            options.test.alpha,
            ComparisonSettings.defaults().confidenceLevel(),
            options.tolerance,
            options.test.trim,
            options.power,
            options.reference,
            Arrays.stream(options.metrics.split(","))
                .map(String::trim)
                .filter(m -> !m.isEmpty())
                .toList(),
            options.injections);
    CalibrationResult result = new Calibration(settings).run(RunReader.read(run), options.results);
    String markdown = CalibrationTable.markdown(result);
    out.print(markdown);
    if (options.markdown != null) {
      append(options.markdown, markdown);
    }
    if (options.json != null) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put(
          "command",
          "ci/bin/gate "
              + Arrays.stream(args).map(GateCli::shellQuoted).collect(Collectors.joining(" ")));
      json.put("resultsDirectory", options.results);
      json.put("calibration", result);
      ResultFiles.writeAtomically(options.json, json);
    }
    return 0;
  }

  /**
   * Returns the option names (without the leading {@code --}, and without {@code help}) that a
   * subcommand ({@code check}, {@code bless} or {@code calibrate}) accepts, for checks of scripts.
   */
  static Set<String> acceptedOptions(String subcommand) {
    PrintStream none =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    CommandLine command =
        commandLine(new Check(), new Bless(), new Calibrate(), none, none)
            .getSubcommands()
            .get(subcommand);
    if (command == null) {
      throw new IllegalArgumentException(
          "No subcommand '" + subcommand + "'; use check, bless or calibrate.");
    }
    return command.getCommandSpec().options().stream()
        .filter(option -> !option.usageHelp())
        .map(OptionSpec::longestName)
        .map(name -> name.substring(2))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Returns the gate's command line, with its subcommands parsing into {@code check}, {@code bless}
   * and {@code calibrate}.
   */
  private static CommandLine commandLine(
      Check check, Bless bless, Calibrate calibrate, PrintStream out, PrintStream err) {
    CommandLine cli = CommandLines.create(new Top(), out, err);
    cli.addSubcommand("check", CommandLines.create(check, out, err));
    cli.addSubcommand("bless", CommandLines.create(bless, out, err));
    cli.addSubcommand("calibrate", CommandLines.create(calibrate, out, err));
    // The gate's synopsis is its subcommands' synopses, aligned under its heading.
    String indent = " ".repeat(cli.getCommandSpec().usageMessage().synopsisHeading().length());
    cli.getHelpSectionMap()
        .put(
            UsageMessageSpec.SECTION_KEY_SYNOPSIS,
            help ->
                help.subcommands().values().stream()
                    .map(sub -> sub.synopsis(indent.length()))
                    .collect(Collectors.joining(indent)));
    return cli;
  }

  private static Path existingDirectory(String text, String option) {
    Path path = Path.of(text);
    if (!Files.isDirectory(path)) {
      throw new GateInputException(
          "The directory "
              + path.toAbsolutePath()
              + " given as "
              + option
              + " does not exist. Pass the results directory the experiments wrote.");
    }
    return path;
  }

  private static void append(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(
          file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the Markdown summary " + file + ".", e);
    }
  }

  /**
   * Returns the commit when {@code --commit} is not given, with its source: {@code GITHUB_SHA} if
   * set, else {@code git rev-parse HEAD} of the working directory, else "unknown". The trials'
   * environment records no commit, so neither is the run's commit unless the run was built here.
   */
  private Commit commit() {
    String sha = environment.apply("GITHUB_SHA");
    if (sha != null && !sha.isBlank()) {
      return new Commit(sha, "GITHUB_SHA");
    }
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String text;
      try (InputStream stream = git.getInputStream()) {
        text = new String(stream.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (git.waitFor(10, TimeUnit.SECONDS)
          && git.exitValue() == 0
          && text.matches("[0-9a-f]{40}")) {
        return new Commit(text, "git rev-parse HEAD");
      }
    } catch (IOException e) {
      return UNKNOWN_COMMIT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return UNKNOWN_COMMIT;
  }

  /** A commit and where it came from ({@link Provenance#commitSource()}). */
  private record Commit(String sha, String source) {}

  /** Returns the argument as a shell word: unchanged when it is plain, else in single quotes. */
  static String shellQuoted(String argument) {
    return argument.matches("[\\w@%+=:,./-]+")
        ? argument
        : "'" + argument.replace("'", "'\\''") + "'";
  }

  /** The gate itself: {@code --help} and the subcommands. */
  @Command(
      name = "ci/bin/gate",
      synopsisHeading = "usage: ",
      description =
          "The accuracy-gap gate: check compares a run with the baselines, bless writes the"
              + " baselines from a run, calibrate measures the gate's false alarms and detection"
              + " rates on many repeats of one run; --help after a subcommand describes its"
              + " options.",
      commandListHeading = "commands:%n",
      optionListHeading = "options:%n",
      usageHelpWidth = 100,
      exitCodeListHeading = "exit codes:%n",
      exitCodeList = {
        "0:pass",
        "1:a gap regressed",
        "2:incomplete run (missing/diverged/failed trials, untestable gap)",
        "3:bad arguments or input (also a run of another configuration than its baseline's, or"
            + " result files that cannot be used: all are listed, each with its fix)"
      })
  private static final class Top {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;
  }

  /** The options of {@code check}. */
  @Command(
      name = "check",
      sortOptions = false,
      sortSynopsis = false,
      separator = " ",
      synopsisHeading = "usage: ",
      optionListHeading = "options:%n",
      usageHelpWidth = 100,
      description = "Compares the run's accuracy gaps with the baselines'.",
      exitCodeListHeading = "exit codes:%n",
      exitCodeList = {
        "0:pass",
        "1:a gap regressed",
        "2:incomplete run (missing/diverged/failed trials, untestable gap)",
        "3:bad arguments or input (also a run of another configuration than its baseline's, or"
            + " result files that cannot be used: all are listed, each with its fix)"
      })
  static final class Check {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = "--results",
        paramLabel = "DIR",
        required = true,
        description = "the results directory of the run")
    String results;

    @Option(
        names = "--baselines",
        paramLabel = "DIR",
        description = "the baseline directory (default: ${DEFAULT-VALUE})")
    Path baselines = Path.of(DEFAULT_BASELINES);

    @Mixin TestOptions test = new TestOptions();

    @Option(
        names = "--markdown",
        paramLabel = "FILE",
        description = "append the table as Markdown to FILE")
    Path markdown;

    @Option(
        names = "--json",
        paramLabel = "FILE",
        description = "write the table and the problems as JSON to FILE")
    Path json;

    @Option(
        names = "--allure",
        paramLabel = "DIR",
        description =
            "also write one Allure result per gated gap (and one for the run's completeness) into"
                + " DIR, the run's Allure results directory")
    Path allure;
  }

  /** The options of {@code bless}. */
  @Command(
      name = "bless",
      sortOptions = false,
      sortSynopsis = false,
      separator = " ",
      synopsisHeading = "usage: ",
      optionListHeading = "options:%n",
      usageHelpWidth = 100,
      description = "Writes the baselines from a complete run.",
      exitCodeListHeading = "exit codes:%n",
      exitCodeList = {
        "0:blessed",
        "2:incomplete run (missing, diverged or failed trials), nothing written",
        "3:bad arguments or input (such as trials that disagree on their configuration), nothing written"
      })
  static final class Bless {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = "--results",
        paramLabel = "DIR",
        required = true,
        description = "the results directory of a complete run")
    String results;

    @Option(
        names = REPEATS_OPTION,
        paramLabel = "SET",
        converter = RepeatSetConverter.class,
        description =
            "bless from these repeats only, e.g. 0-29,60-119 (default: every repeat of the run);"
                + " the other trials of the run are ignored, complete or not")
    RepeatSet repeats;

    @Option(
        names = "--baselines",
        paramLabel = "DIR",
        description = "the baseline directory (default: ${DEFAULT-VALUE})")
    Path baselines = Path.of(DEFAULT_BASELINES);

    @Option(
        names = "--tolerance",
        paramLabel = "T",
        converter = ToleranceConverter.class,
        description =
            "the tolerance of every entry, in [0, 1] (default: existing entries keep theirs,"
                + " new ones get "
                + BlessSettings.DEFAULT_TOLERANCE
                + ")")
    Double tolerance;

    @Option(
        names = "--reference",
        paramLabel = "METHOD",
        description = "the method the gaps are measured against (default: ${DEFAULT-VALUE})")
    String reference = "SGD";

    @Option(
        names = "--metrics",
        paramLabel = "LIST",
        description = "the gated metrics, comma-separated (default: ${DEFAULT-VALUE})")
    String metrics = String.join(",", BlessSettings.DEFAULT_METRICS);

    @Option(
        names = COMMIT_OPTION,
        paramLabel = "SHA",
        description =
            "the commit that produced the"
                + " results (default: GITHUB_SHA, else git rev-parse HEAD, else unknown)")
    String commit;

    @Option(
        names = "--command",
        paramLabel = "TEXT",
        description = "the command that produced the results (default: ${DEFAULT-VALUE})")
    String command = DEFAULT_RUN_COMMAND;
  }

  /** The options of {@code calibrate}. */
  @Command(
      name = "calibrate",
      sortOptions = false,
      sortSynopsis = false,
      separator = " ",
      synopsisHeading = "usage: ",
      optionListHeading = "options:%n",
      usageHelpWidth = 100,
      description =
          "Measures the gate on many repeats of one run: blesses a baseline from some repeats,"
              + " gates nightly-sized draws of the others (false alarms) and of the others with a"
              + " method replaced by a weakened one run on the same seeds (detection).",
      exitCodeListHeading = "exit codes:%n",
      exitCodeList = {
        "0:calibrated",
        "3:bad arguments or input (ranges outside the run or overlapping, a nightly size larger than"
            + " the draw range, an injection whose experiment, label or seeds do not fit)"
      })
  static final class Calibrate {
    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = "--results",
        paramLabel = "DIR",
        required = true,
        description = "the results directory holding the repeats (read only)")
    String results;

    @Option(
        names = "--experiment",
        paramLabel = "ID",
        required = true,
        description = "the gated experiment whose repeats are drawn, e.g. e3-large-batch")
    String experiment;

    @Option(
        names = "--baseline-repeats",
        paramLabel = "SET",
        required = true,
        converter = RepeatSetConverter.class,
        description = "the repeats the baseline is blessed from, e.g. 0-29 or 0-29,60-119")
    RepeatSet baselineRepeats;

    @Option(
        names = "--draw-repeats",
        paramLabel = "SET",
        required = true,
        converter = RepeatSetConverter.class,
        description =
            "the repeats the nightly-sized runs are drawn from, disjoint from the baseline's")
    RepeatSet drawRepeats;

    @Option(
        names = "--nightly-size",
        paramLabel = "N",
        required = true,
        converter = SizeConverter.class,
        description = "the repeats per drawn run, at least 2")
    int nightlySize;

    @Option(
        names = "--draws",
        paramLabel = "K",
        converter = CommandLines.PositiveWholeNumber.class,
        description = "the number of random draws (default: ${DEFAULT-VALUE})")
    int draws = 1000;

    @Option(
        names = "--seed",
        paramLabel = "S",
        description = "the seed of the random draws (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Mixin TestOptions test = new TestOptions();

    @Option(
        names = "--tolerance",
        paramLabel = "T",
        converter = ToleranceConverter.class,
        description = "the tolerance of every baselined gap, in [0, 1] (default: ${DEFAULT-VALUE})")
    double tolerance = 0;

    @Option(
        names = "--power",
        paramLabel = "P",
        converter = PowerConverter.class,
        description =
            "the power at which the detectable drop is stated, in (0, 1) (default: ${DEFAULT-VALUE})")
    double power = 0.8;

    @Option(
        names = "--reference",
        paramLabel = "METHOD",
        description = "the method the gaps are measured against (default: ${DEFAULT-VALUE})")
    String reference = "SGD";

    @Option(
        names = "--metrics",
        paramLabel = "LIST",
        description = "the gated metrics, comma-separated (default: ${DEFAULT-VALUE})")
    String metrics = "finalTestAccuracy";

    @Option(
        names = Injection.OPTION,
        paramLabel = "LABEL=EXPERIMENT/LABEL2[@OFFSET]",
        converter = InjectionConverter.class,
        description =
            "replace method LABEL's trials by LABEL2's of EXPERIMENT at repeat (repeat − OFFSET),"
                + " run on the same seeds; repeatable, each evaluated separately")
    List<Injection> injections = new ArrayList<>();

    @Option(
        names = "--markdown",
        paramLabel = "FILE",
        description = "append the table as Markdown to FILE")
    Path markdown;

    @Option(
        names = "--json",
        paramLabel = "FILE",
        description = "write everything, with the command, as JSON to FILE")
    Path json;
  }

  /** Converts a set of repeats {@code A-B[,C-D…]}. */
  static final class RepeatSetConverter implements ITypeConverter<RepeatSet> {
    @Override
    public RepeatSet convert(String text) {
      try {
        return RepeatSet.parse(text, "the set");
      } catch (GateInputException e) {
        throw new CommandLine.TypeConversionException(
            "'"
                + text
                + "' is not a set of repeats; give FIRST-LAST ranges, comma-separated and"
                + " disjoint, e.g. 0-29 or 0-29,60-119.");
      }
    }
  }

  /** Converts an injection {@code LABEL=EXPERIMENT/LABEL2[@OFFSET]}. */
  static final class InjectionConverter implements ITypeConverter<Injection> {
    @Override
    public Injection convert(String text) {
      try {
        return Injection.parse(text);
      } catch (GateInputException e) {
        throw new CommandLine.TypeConversionException(
            "'"
                + text
                + "' is not LABEL=EXPERIMENT/LABEL2[@OFFSET], e.g. TR=e3-weakened-tr/TR-step0.03@30.");
      }
    }
  }

  /** Converts {@code --nightly-size}: a whole number ≥ 2 (the gate's test needs 2 repeats). */
  static final class SizeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return CommandLines.wholeNumber(text, 2);
    }
  }

  /** Converts {@code --power}: a number in (0, 1). */
  static final class PowerConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return CommandLines.number(text, 0, 1, true);
    }
  }

  /** The options of the gate's test, shared by {@code check} and {@code calibrate}. */
  static final class TestOptions {
    @Option(
        names = "--alpha",
        paramLabel = "A",
        converter = AlphaConverter.class,
        description =
            "the significance level of the Holm-adjusted tests, in [0.000001, 0.5]"
                + " (default: ${DEFAULT-VALUE})")
    double alpha = ComparisonSettings.defaults().alpha();

    @Option(
        names = "--trim",
        paramLabel = "G",
        converter = TrimConverter.class,
        description =
            "the fraction of each sample of per-repeat gaps that the test trims from each end, in"
                + " [0, 0.5); 0 is Welch's test of means (default: ${DEFAULT-VALUE})")
    double trim = YuenTTest.DEFAULT_TRIM;
  }

  /** Converts {@code --trim}'s text to a number in [0, 0.5). */
  static final class TrimConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      double value = CommandLines.number(text, 0, 0.5, false);
      if (value == 0.5) {
        throw new CommandLine.TypeConversionException(
            "'" + text + "' trims the whole sample; give a number in [0, 0.5).");
      }
      return value;
    }
  }

  /** Converts {@code check --alpha}'s text to a number in [1e-6, 0.5]. */
  static final class AlphaConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return CommandLines.number(text, 1e-6, 0.5, false);
    }
  }

  /** Converts {@code bless --tolerance}'s text to a number in [0, 1]. */
  static final class ToleranceConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return CommandLines.number(text, 0, 1, false);
    }
  }
}
