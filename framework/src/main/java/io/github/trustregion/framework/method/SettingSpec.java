package io.github.trustregion.framework.method;

import io.github.trustregion.framework.result.MethodSettingNames;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One setting a method accepts: its name, type, default and meaning.
 *
 * @param name the key in {@code "key=value"}
 * @param type the value's type
 * @param defaultValue the value used when the setting is not given
 * @param description what it means, in a few words
 * @param choices the allowed values when {@code type} is {@link Type#CHOICE}, else empty
 */
public record SettingSpec(
    String name, Type type, String defaultValue, String description, List<String> choices) {

  /** The type of a setting's value. */
  public enum Type {
    /** A finite decimal number. */
    DOUBLE,
    /** A finite decimal number greater than 0. */
    POSITIVE_DOUBLE,
    /** A whole number. */
    INTEGER,
    /** A whole number greater than 0. */
    POSITIVE_INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link SettingSpec#choices()}. */
    CHOICE
  }

  /** Copies the choices. */
  public SettingSpec {
    choices = List.copyOf(choices);
  }

  /**
   * Returns the name under which reports compare a setting across methods: {@link
   * MethodSettingNames#comparable}, the rule reports and the harness share (a composite method's
   * {@code <method>.<name>} becomes {@code <name>} when the prefix is a method label or "sgd"/"tr").
   *
   * @param lowerCaseLabels the experiment's method labels in lower case
   */
  public static String comparableName(String name, Set<String> lowerCaseLabels) {
    return MethodSettingNames.comparable(name, lowerCaseLabels);
  }

  /** Creates a setting of a type other than {@link Type#CHOICE}. */
  public static SettingSpec of(String name, Type type, String defaultValue, String description) {
    return new SettingSpec(name, type, defaultValue, description, List.of());
  }

  /** Creates a setting whose value is one of {@code choices}. */
  public static SettingSpec choice(
      String name, String defaultValue, String description, String... choices) {
    return new SettingSpec(name, Type.CHOICE, defaultValue, description, List.of(choices));
  }

  /**
   * Returns what is wrong with {@code value} for this setting, in words, or empty when it is valid.
   */
  public Optional<String> problem(String value) {
    String v = value.trim();
    try {
      switch (type) {
        case DOUBLE, POSITIVE_DOUBLE -> {
          double d = Double.parseDouble(v);
          if (!Double.isFinite(d)) {
            return Optional.of("'" + value + "' is not a finite number");
          }
          if (type == Type.POSITIVE_DOUBLE && d <= 0) {
            return Optional.of("'" + value + "' is not greater than 0");
          }
        }
        case INTEGER, POSITIVE_INTEGER -> {
          long l = Long.parseLong(v);
          if (type == Type.POSITIVE_INTEGER && l <= 0) {
            return Optional.of("'" + value + "' is not greater than 0");
          }
        }
        case BOOLEAN -> {
          if (!v.equals("true") && !v.equals("false")) {
            return Optional.of("'" + value + "' is neither true nor false");
          }
        }
        case CHOICE -> {
          if (!choices.contains(v)) {
            return Optional.of("'" + value + "' is not one of " + choices);
          }
        }
        default -> throw new IllegalStateException("Unhandled setting type " + type + ".");
      }
    } catch (NumberFormatException e) {
      return Optional.of("'" + value + "' is not "
          + (type == Type.DOUBLE || type == Type.POSITIVE_DOUBLE ? "a number" : "a whole number"));
    }
    return Optional.empty();
  }

  /** Returns the setting as {@code name (type, default d): description}, for error messages. */
  public String describe() {
    return name + " (" + (type == Type.CHOICE ? "one of " + choices : type.name().toLowerCase(Locale.ROOT))
        + ", default " + defaultValue + "): " + description;
  }
}
