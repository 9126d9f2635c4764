package io.github.trustregion.ci;

import io.github.trustregion.ci.run.GateInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of one subcommand, checked against the names it accepts. */
final class CliOptions {

  private final String command;
  private final Map<String, String> values;

  private CliOptions(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @throws GateInputException naming the option when it is unknown, repeated or has no value
   */
  static CliOptions parse(String command, String[] args, int from, Set<String> accepted) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = from; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !accepted.contains(name.substring(2))) {
        throw new GateInputException("Unknown argument '" + name + "' for '" + command + "'. It accepts --"
            + String.join(", --", accepted) + ".");
      }
      if (i + 1 >= args.length) {
        throw new GateInputException("Option " + name + " of '" + command + "' needs a value.");
      }
      if (values.put(name.substring(2), args[++i]) != null) {
        throw new GateInputException("Option " + name + " of '" + command + "' is given twice; give it once.");
      }
    }
    return new CliOptions(command, values);
  }

  /** Returns whether the option was given. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  /** Returns the option's value, or {@code fallback} when it was not given. */
  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** Returns the option's value, or throws naming it when it was not given. */
  String required(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new GateInputException("'" + command + "' needs --" + name + ".");
    }
    return value;
  }

  /** Returns the option's value as a number in [min, max], or {@code fallback} when not given. */
  double number(String name, double fallback, double min, double max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new GateInputException(
        "Option --" + name + " of '" + command + "' is '" + text + "'; give a number in [" + min + ", " + max + "].");
  }
}
