package io.github.trustregion.reports.html;

import io.github.trustregion.framework.commandline.CommandLines;
import io.github.trustregion.reports.load.ReportInputException;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * Re-renders a results directory into an HTML report and summaries, without running anything.
 *
 * <pre>
 *   ReportCli [-h] --results DIR --out DIR [--alpha A]
 * </pre>
 *
 * <p>The options are parsed by picocli ({@link Arguments}, {@link CommandLines}); {@code --help}
 * prints the usage. Exit codes: 0 written; 1 written without the result files that cannot be used
 * (each is named on standard error and in the report, with its fix), or nothing written because the
 * results directory is missing or holds no experiment; 2 bad arguments (an unknown option, a
 * missing or bad value, {@code --out} naming an existing file).
 */
public final class ReportCli {

  /** The exit code of bad arguments. */
  static final int EXIT_USAGE = 2;

  private ReportCli() {}

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
    Path target = arguments.out;
    if (Files.exists(target) && !Files.isDirectory(target)) {
      err.println(
          "The option --out names "
              + target
              + ", which is an existing file, not a directory: pass --out a "
              + "directory (created if absent), or move the file away.");
      return EXIT_USAGE;
    }
    try {
      ComparisonSettings settings = new ComparisonSettings(arguments.alpha, 1 - arguments.alpha);
      ReportSummary summary = new ReportWriter(settings).write(arguments.results, target);
      out.println(
          "Wrote "
              + target.resolve(ReportWriter.HTML)
              + " ("
              + summary.experiments().size()
              + " experiments), "
              + ReportWriter.SUMMARY_JSON
              + ", "
              + ReportWriter.SUMMARY_CSV
              + ", "
              + ReportWriter.COMPARISONS_CSV
              + ", "
              + ReportWriter.CLAIMS_CSV
              + " and "
              + ReportWriter.CLAIMS_MARKDOWN
              + ".");
      if (!summary.badFiles().isEmpty()) {
        err.println(
            summary.badFiles().size()
                + " result file(s) cannot be used; the report leaves them out of every "
                + "number and lists them:");
        summary.badFiles().forEach(line -> err.println("  " + line));
        return 1;
      }
      return 0;
    } catch (ReportInputException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** The command line's options, as picocli parses them. */
  @Command(
      name = "ReportCli",
      sortOptions = false,
      sortSynopsis = false,
      separator = " ",
      usageHelpWidth = 100,
      description =
          "Re-renders a results directory into report.html, summary.json, summary.csv,"
              + " comparisons.csv, claims.csv and claims.md, without running anything.",
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {
        "0:the report was written from every result file",
        "1:written without the result files that cannot be used (each is named), or nothing"
            + " written: the results directory is missing or holds no experiment",
        EXIT_USAGE
            + ":bad arguments (an unknown option, a missing or bad value, --out naming"
            + " an existing file)"
      })
  static final class Arguments {

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "print this help and exit")
    boolean help;

    @Option(
        names = "--results",
        paramLabel = "DIR",
        required = true,
        description = "the results directory (<experiment>/manifest.json and trials/*.json)")
    Path results;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        required = true,
        description = "the report directory (created if absent)")
    Path out;

    @Option(
        names = "--alpha",
        paramLabel = "A",
        converter = AlphaConverter.class,
        description =
            "the significance level of the comparisons, in (0, 1); the intervals'"
                + " confidence level is 1 - A (default: ${DEFAULT-VALUE})")
    double alpha = ComparisonSettings.defaults().alpha();
  }

  /** Converts {@code --alpha}'s text to a number in (0, 1). */
  static final class AlphaConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String text) {
      return CommandLines.number(text, 0, 1, true);
    }
  }
}
