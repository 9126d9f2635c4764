package io.github.trustregion.reports.allure;

import io.github.trustregion.framework.commandline.CommandLines;
import io.github.trustregion.reports.load.ReportInputException;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prepares an Allure results directory for report generation: carries the previous report's history
 * and adds the charts and comparison results.
 *
 * <pre>
 *   AllureCli [-h] --experiment-results DIR --allure-results DIR [--history-from DIR]
 * </pre>
 *
 * <p>The options are parsed by picocli ({@link Arguments}, {@link CommandLines}); {@code --help}
 * prints the usage. Exit codes: 0 done, 1 a result file is corrupt or incomplete (the message names
 * it), 2 bad arguments.
 */
public final class AllureCli {

  /** The exit code of bad arguments. */
  static final int EXIT_USAGE = 2;

  private AllureCli() {}

  /** Runs the command line; see the class documentation. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line, printing to {@code out} and {@code err}, and returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments = new Arguments();
    CommandLine cli = CommandLines.create(arguments, out, err);
    cli.setOverwrittenOptionsAllowed(true);
    OptionalInt parsed = CommandLines.parse(cli, args, EXIT_USAGE);
    if (parsed.isPresent()) {
      return parsed.getAsInt();
    }
    Path allure = arguments.allureResults;
    try {
      int carried =
          arguments.historyFrom == null ? 0 : AllureHistory.carry(arguments.historyFrom, allure);
      AllureEnricher.Outcome outcome =
          new AllureEnricher(ComparisonSettings.defaults())
              .enrich(arguments.experimentResults, allure);
      out.println(
          "Allure results in "
              + allure
              + ": "
              + outcome.enriched()
              + " trials with charts ("
              + outcome.writtenForTrials()
              + " results written anew), "
              + outcome.missing()
              + " missing trials, "
              + outcome.experiments()
              + " experiment comparisons, "
              + carried
              + " history files carried.");
      return 0;
    } catch (ReportInputException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** The command line's options, as picocli parses them. */
  @Command(
      name = "AllureCli",
      sortOptions = false,
      sortSynopsis = false,
      separator = " ",
      usageHelpWidth = 100,
      description =
          "Prepares an Allure results directory for report generation: carries the"
              + " previous report's history and adds the charts and comparison results.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {
        "0:done",
        "1:a result file is corrupt or incomplete (the message names it)",
        EXIT_USAGE + ":bad arguments"
      })
  static final class Arguments {

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = "--experiment-results",
        paramLabel = "DIR",
        required = true,
        description = "the harness's results directory")
    Path experimentResults;

    @Option(
        names = "--allure-results",
        paramLabel = "DIR",
        required = true,
        description = "the Allure results directory to enrich")
    Path allureResults;

    @Option(
        names = "--history-from",
        paramLabel = "DIR",
        description = "the previous multi-file Allure report, whose history/ is carried (trends)")
    Path historyFrom;
  }
}
