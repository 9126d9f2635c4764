package io.github.trustregion.ci;

import io.github.trustregion.ci.baseline.Baseline;
import io.github.trustregion.ci.baseline.BaselineFiles;
import io.github.trustregion.ci.baseline.BlessResult;
import io.github.trustregion.ci.baseline.BlessSettings;
import io.github.trustregion.ci.baseline.Blesser;
import io.github.trustregion.ci.baseline.Provenance;
import io.github.trustregion.ci.gate.Gate;
import io.github.trustregion.ci.gate.GateOutcome;
import io.github.trustregion.ci.gate.GateResult;
import io.github.trustregion.ci.gate.GateTable;
import io.github.trustregion.ci.run.GateInputException;
import io.github.trustregion.ci.run.IncompleteRunException;
import io.github.trustregion.framework.result.ResultFileException;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gate's command line: {@code check} compares a run with the baselines, {@code bless} writes
 * the baselines from a run.
 *
 * <pre>
 *   ci/bin/gate check --results DIR [--baselines ci/baselines] [--alpha 0.05]
 *                     [--markdown FILE] [--json FILE]
 *   ci/bin/gate bless --results DIR [--baselines ci/baselines] [--tolerance 0.02]
 *                     [--reference SGD] [--metrics finalTestAccuracy,bestTestAccuracy]
 *                     [--commit SHA] [--command "mvn -B verify -Pexperiments"]
 * </pre>
 *
 * <p>Exit codes ({@link GateOutcome}): 0 pass, 1 a gap regressed, 2 the run is incomplete
 * (missing, diverged or failed trials, a baselined comparison without data, or one that cannot be
 * tested because neither run's per-repeat gaps vary), 3 bad arguments or
 * unusable input (including a run at another scale, or one that trained on another workload,
 * number of examples, network or planned epochs and batch sizes than its baseline was computed on). {@code bless} exits 0, 2 (incomplete run, nothing written) or 3 (bad input, nothing written).
 */
public final class GateCli {

  /** The baseline directory used when {@code --baselines} is not given (relative to the working directory). */
  public static final String DEFAULT_BASELINES = "ci/baselines";

  /** The command recorded as the run's origin when {@code --command} is not given. */
  public static final String DEFAULT_RUN_COMMAND = "mvn -B verify -Pexperiments";

  /** The commit source recorded when the commit was given with {@code --commit}. */
  static final String COMMIT_OPTION = "--commit";

  private static final Commit UNKNOWN_COMMIT = new Commit("unknown", "unknown");

  private static final Set<String> CHECK_OPTIONS = Set.of("results", "baselines", "alpha", "markdown", "json");
  private static final Set<String> BLESS_OPTIONS =
      Set.of("results", "baselines", "tolerance", "reference", "metrics", "commit", "command");

  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> environment;

  /**
   * Creates a command line that writes to the given streams.
   *
   * @param out where the table goes
   * @param err where errors and usage go
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
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.println(usage());
      return 0;
    }
    if (args.length == 0 || !(args[0].equals("check") || args[0].equals("bless"))) {
      err.println(usage());
      return GateOutcome.BAD_INPUT.exitCode();
    }
    try {
      return args[0].equals("check") ? check(args) : bless(args);
    } catch (GateInputException | ResultFileException | UncheckedIOException e) {
      err.println("gate " + args[0] + ": " + e.getMessage());
      return GateOutcome.BAD_INPUT.exitCode();
    } catch (IncompleteRunException e) {
      err.println("gate " + args[0] + ": " + e.getMessage());
      return GateOutcome.INCOMPLETE.exitCode();
    }
  }

  private int check(String[] args) {
    CliOptions options = CliOptions.parse("check", args, 1, CHECK_OPTIONS);
    ResultFiles run = new ResultFiles(existingDirectory(options.required("results"), "--results"));
    List<Baseline> baselines = new BaselineFiles(Path.of(options.get("baselines", DEFAULT_BASELINES))).readAll();
    ComparisonSettings defaults = ComparisonSettings.defaults();
    double alpha = options.number("alpha", defaults.alpha(), 1e-6, 0.5);
    GateResult result = new Gate(new ComparisonSettings(alpha, defaults.confidenceLevel())).evaluate(run, baselines);
    out.print(GateTable.text(result));
    if (options.has("markdown")) {
      append(Path.of(options.required("markdown")), GateTable.markdown(result));
    }
    if (options.has("json")) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("outcome", result.outcome());
      json.put("exitCode", result.outcome().exitCode());
      json.put("alpha", result.alpha());
      json.put("rows", result.rows());
      json.put("problems", result.problems());
      json.put("ungatedExperiments", result.ungatedExperiments());
      json.put("configurations", result.configurations());
      ResultFiles.writeAtomically(Path.of(options.required("json")), json);
    }
    return result.outcome().exitCode();
  }

  private int bless(String[] args) {
    CliOptions options = CliOptions.parse("bless", args, 1, BLESS_OPTIONS);
    String resultsText = options.required("results");
    ResultFiles run = new ResultFiles(existingDirectory(resultsText, "--results"));
    BaselineFiles files = new BaselineFiles(Path.of(options.get("baselines", DEFAULT_BASELINES)));
    List<String> metrics = Arrays.stream(options.get("metrics", String.join(",", BlessSettings.DEFAULT_METRICS))
        .split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    BlessSettings settings = new BlessSettings(
        options.get("reference", "SGD"),
        metrics,
        options.number("tolerance", BlessSettings.DEFAULT_TOLERANCE, 0, 1),
        !options.has("tolerance"),
        ComparisonSettings.defaults());
    Map<String, Baseline> existing = Files.isDirectory(files.directory())
        ? files.readAll().stream().collect(Collectors.toMap(Baseline::experiment, b -> b))
        : Map.of();
    Commit commit = options.has("commit") ? new Commit(options.required("commit"), COMMIT_OPTION) : commit();
    out.println("Commit " + commit.sha() + " (from " + commit.source() + ")" + (commit.source().equals(COMMIT_OPTION)
        ? "" : "; if the results were produced at another commit, bless again with --commit SHA of that commit"));
    Provenance provenance = new Provenance(
        commit.sha(),
        commit.source(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        resultsText,
        "",
        options.get("command", DEFAULT_RUN_COMMAND),
        "ci/bin/gate " + Arrays.stream(args).map(GateCli::shellQuoted).collect(Collectors.joining(" ")),
        Map.of());
    BlessResult result = new Blesser(settings).bless(run, existing, provenance);
    for (Baseline baseline : result.baselines()) {
      Path file = files.write(baseline);
      out.println("Blessed " + baseline.comparisons().size() + " comparison(s) of " + baseline.experiment()
          + " at scale " + baseline.scale() + " into " + file);
      out.println("  computed on " + baseline.configuration().comparedValues().entrySet().stream()
          .map(e -> e.getKey() + " " + (e.getValue() == null ? "unknown" : e.getValue()))
          .collect(Collectors.joining("; ")) + "; run id(s) " + String.join(", ", baseline.configuration().runIds()));
    }
    result.skipped().forEach((experiment, reason) -> out.println("Left out of the baselines: " + experiment + ": " + reason));
    return 0;
  }

  /** Returns the option names a subcommand accepts ({@code check} or {@code bless}), for checks of scripts. */
  static Set<String> acceptedOptions(String subcommand) {
    return switch (subcommand) {
      case "check" -> CHECK_OPTIONS;
      case "bless" -> BLESS_OPTIONS;
      default -> throw new IllegalArgumentException("No subcommand '" + subcommand + "'; use check or bless.");
    };
  }

  private static Path existingDirectory(String text, String option) {
    Path path = Path.of(text);
    if (!Files.isDirectory(path)) {
      throw new GateInputException("The directory " + path.toAbsolutePath() + " given as " + option
          + " does not exist. Pass the results directory the experiments wrote.");
    }
    return path;
  }

  private static void append(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
      Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String text;
      try (InputStream stream = git.getInputStream()) {
        text = new String(stream.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && text.matches("[0-9a-f]{40}")) {
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
    return argument.matches("[\\w@%+=:,./-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
  }

  private static String usage() {
    return String.join("\n",
        "usage: ci/bin/gate check --results DIR [--baselines ci/baselines] [--alpha 0.05] [--markdown FILE] [--json FILE]",
        "       ci/bin/gate bless --results DIR [--baselines ci/baselines] [--tolerance 0.02] [--reference SGD]",
        "                         [--metrics " + String.join(",", BlessSettings.DEFAULT_METRICS) + "] [--commit SHA] [--command TEXT]",
        "exit codes: 0 pass, 1 a gap regressed, 2 incomplete run (missing/diverged/failed trials, untestable gap), "
            + "3 bad input (also a run of another configuration than its baseline's, or result files that cannot be used: "
            + "all are listed, each with its fix)");
  }
}
