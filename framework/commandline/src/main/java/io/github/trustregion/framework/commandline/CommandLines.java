package io.github.trustregion.framework.commandline;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Sets up and parses the project's picocli command lines (the experiments command line, the report,
 * Allure and gate command lines, the step-cost breakdown) alike.
 *
 * <p>Each command line parses with {@link #parse}: {@code --help} prints the usage on standard
 * output and ends with status 0; a bad argument (an unknown option, a missing value, a value of the
 * wrong type or outside its range) prints one line naming the option and the value, then a line
 * pointing to {@code --help}, on standard error, and ends with the command's usage status.
 * Otherwise the caller runs the command with the values parsed into its annotated fields; the work
 * stays in the classes the command calls.
 */
public final class CommandLines {

  private CommandLines() {}

  /**
   * Returns a command line for the annotated {@code command} that prints its usage to {@code out}
   * and its errors to {@code err}, without colours.
   */
  public static CommandLine create(Object command, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(command);
    cli.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
    cli.setOut(writer(out));
    cli.setErr(writer(err));
    return cli;
  }

  /**
   * Parses {@code args} into the command's fields (and those of the subcommand named).
   *
   * @param usageExitCode the status of a bad argument, as the command documents it
   * @return the exit status when parsing ended the run ({@code 0} after the help, else {@code
   *     usageExitCode} after the error), or empty when the command is to run
   */
  public static OptionalInt parse(CommandLine cli, String[] args, int usageExitCode) {
    try {
      if (CommandLine.printHelpIfRequested(cli.parseArgs(args))) {
        return OptionalInt.of(0);
      }
      return OptionalInt.empty();
    } catch (ParameterException e) {
      return OptionalInt.of(usageError(e.getCommandLine(), e.getMessage(), usageExitCode));
    }
  }

  /**
   * Prints {@code message} and the pointer to {@code --help} of {@code cli} on its error stream.
   *
   * @return {@code usageExitCode}
   */
  public static int usageError(CommandLine cli, String message, int usageExitCode) {
    PrintWriter err = cli.getErr();
    err.println(message);
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for the usage.");
    err.flush();
    return usageExitCode;
  }

  /** Converts an option's text to a whole number of at least 1 ({@link #wholeNumber}). */
  public static final class PositiveWholeNumber implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return wholeNumber(text, 1);
    }
  }

  /**
   * Converts an option's text to a whole number of at least {@code min}.
   *
   * @throws TypeConversionException naming the text when it is no whole number or smaller
   */
  public static int wholeNumber(String text, int min) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number.");
    }
    if (value < min) {
      throw new TypeConversionException(
          "'" + text + "' is less than " + min + "; give at least " + min + ".");
    }
    return value;
  }

  /**
   * Converts an option's text to a number in the closed interval [{@code min}, {@code max}], or in
   * the open interval when {@code open} is set.
   *
   * @throws TypeConversionException naming the text and the interval when it is no number in it
   */
  public static double number(String text, double min, double max, boolean open) {
    String interval = (open ? "(" : "[") + plain(min) + ", " + plain(max) + (open ? ")" : "]");
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "'" + text + "' is not a number; give a number in " + interval + ".");
    }
    boolean inside = open ? value > min && value < max : value >= min && value <= max;
    if (!inside) {
      throw new TypeConversionException(
          "'" + text + "' is outside " + interval + "; give a number in " + interval + ".");
    }
    return value;
  }

  /**
   * Returns {@code value} in plain decimal notation without trailing zeros, such as 0.000001 or 1.
   */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * Returns a writer onto {@code stream} that leaves the encoding to the stream (a {@code
   * PrintWriter} on the bare stream would encode with the platform's charset instead).
   */
  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] chars, int offset, int length) {
            stream.print(String.valueOf(chars, offset, length));
          }

          @Override
          public void flush() {
            stream.flush();
          }

          @Override
          public void close() {
            stream.flush();
          }
        },
        true);
  }
}
