package io.github.trustregion.reports.html;

import io.github.trustregion.reports.load.ReportInputException;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Re-renders a results directory into an HTML report and summaries, without running anything.
 *
 * <pre>
 *   ReportCli --results &lt;dir&gt; --out &lt;dir&gt; [--alpha 0.05]
 * </pre>
 *
 * <p>Exit codes: 0 written; 1 written without the result files that cannot be used (each is
 * named on standard error and in the report, with its fix), or nothing written because the results
 * directory is missing or holds no experiment; 2 bad arguments (including {@code --out} naming an
 * existing file).
 */
public final class ReportCli {

  private ReportCli() {}

  /** Runs the command line; see the class documentation. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line, printing to {@code out} and {@code err}, and returns the exit code. */
  static int run(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
    Path results = null;
    Path target = null;
    ComparisonSettings d = ComparisonSettings.defaults();
    double alpha = d.alpha();
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--results" -> results = Path.of(require(args[i], value));
          case "--out" -> target = Path.of(require(args[i], value));
          case "--alpha" -> alpha = Double.parseDouble(require(args[i], value));
          case "--help", "-h" -> {
            out.println(usage());
            return 0;
          }
          case "--resamples", "--seed" -> throw new IllegalArgumentException(args[i]
              + " was removed: the report's intervals are Welch t-intervals now (no resampling);"
              + " drop the option.");
          default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'.");
        }
        i++;
      }
      if (results == null || target == null) {
        throw new IllegalArgumentException("Both --results and --out are required.");
      }
      if (Files.exists(target) && !Files.isDirectory(target)) {
        err.println("The option --out names " + target + ", which is an existing file, not a directory: pass --out a "
            + "directory (created if absent), or move the file away.");
        return 2;
      }
      ComparisonSettings settings = new ComparisonSettings(alpha, 1 - alpha);
      ReportSummary summary = new ReportWriter(settings).write(results, target);
      out.println("Wrote " + target.resolve(ReportWriter.HTML) + " (" + summary.experiments().size()
          + " experiments), " + ReportWriter.SUMMARY_JSON + ", " + ReportWriter.SUMMARY_CSV + " and "
          + ReportWriter.COMPARISONS_CSV + ".");
      if (!summary.badFiles().isEmpty()) {
        err.println(summary.badFiles().size() + " result file(s) cannot be used; the report leaves them out of every "
            + "number and lists them:");
        summary.badFiles().forEach(line -> err.println("  " + line));
        return 1;
      }
      return 0;
    } catch (ReportInputException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + usage());
      return 2;
    }
  }

  private static String require(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException("The option " + flag + " needs a value.");
    }
    return value;
  }

  private static String usage() {
    return "Usage: ReportCli --results <results dir> --out <report dir> [--alpha 0.05]";
  }
}
