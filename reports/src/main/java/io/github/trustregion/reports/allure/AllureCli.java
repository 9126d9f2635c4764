package io.github.trustregion.reports.allure;

import io.github.trustregion.reports.load.ReportInputException;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Prepares an Allure results directory for report generation: carries the previous report's
 * history and adds the charts and comparison results.
 *
 * <pre>
 *   AllureCli --experiment-results &lt;dir&gt; --allure-results &lt;dir&gt; [--history-from &lt;previous report dir&gt;]
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 a result file is corrupt or incomplete (the message names it), 2 bad
 * arguments.
 */
public final class AllureCli {

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
    Path results = null;
    Path allure = null;
    Path history = null;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("The option " + args[i] + " needs a value.");
        }
        Path value = Path.of(args[i + 1]);
        switch (args[i]) {
          case "--experiment-results" -> results = value;
          case "--allure-results" -> allure = value;
          case "--history-from" -> history = value;
          default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'.");
        }
      }
      if (results == null || allure == null) {
        throw new IllegalArgumentException("Both --experiment-results and --allure-results are required.");
      }
      int carried = history == null ? 0 : AllureHistory.carry(history, allure);
      AllureEnricher.Outcome outcome = new AllureEnricher(ComparisonSettings.defaults()).enrich(results, allure);
      out.println("Allure results in " + allure + ": " + outcome.enriched() + " trials with charts ("
          + outcome.writtenForTrials() + " results written anew), " + outcome.missing() + " missing trials, "
          + outcome.experiments() + " experiment comparisons, " + carried + " history files carried.");
      return 0;
    } catch (ReportInputException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\nUsage: AllureCli --experiment-results <dir> --allure-results <dir> "
          + "[--history-from <previous report dir>]");
      return 2;
    }
  }
}
