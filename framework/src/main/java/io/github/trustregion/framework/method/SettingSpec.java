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
 * @param range the allowed interval of a numeric setting beyond what its type implies, or empty
 */
public record SettingSpec(
    String name,
    Type type,
    String defaultValue,
    String description,
    List<String> choices,
    Optional<Range> range) {

  /**
   * An interval of allowed numbers, each end open or closed; an infinite end is always open.
   *
   * @param lower the lower end ({@link Double#NEGATIVE_INFINITY} for none)
   * @param lowerClosed whether the lower end itself is allowed
   * @param upper the upper end ({@link Double#POSITIVE_INFINITY} for none)
   * @param upperClosed whether the upper end itself is allowed
   */
  public record Range(double lower, boolean lowerClosed, double upper, boolean upperClosed) {

    /** Checks that the interval is not empty. */
    public Range {
      if (!(lower <= upper)) {
        throw new IllegalArgumentException(
            "SettingSpec.Range: the lower end " + lower + " exceeds the upper end " + upper);
      }
      lowerClosed = lowerClosed && Double.isFinite(lower);
      upperClosed = upperClosed && Double.isFinite(upper);
    }

    /** Returns [lower, ∞). */
    public static Range atLeast(double lower) {
      return new Range(lower, true, Double.POSITIVE_INFINITY, false);
    }

    /** Returns (lower, upper]. */
    public static Range aboveUpTo(double lower, double upper) {
      return new Range(lower, false, upper, true);
    }

    /** Returns whether {@code value} lies in the interval. */
    public boolean contains(double value) {
      boolean aboveLower = lowerClosed ? value >= lower : value > lower;
      boolean belowUpper = upperClosed ? value <= upper : value < upper;
      return aboveLower && belowUpper;
    }

    /** Returns the interval in the usual notation, such as {@code (0, 1]} or {@code [0, inf)}. */
    @Override
    public String toString() {
      return (lowerClosed ? "[" : "(") + end(lower) + ", " + end(upper) + (upperClosed ? "]" : ")");
    }

    private static String end(double value) {
      if (Double.isInfinite(value)) {
        return value > 0 ? "inf" : "-inf";
      }
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : Double.toString(value);
    }
  }

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

  /** Copies the choices; a range needs a numeric type. */
  public SettingSpec {
    choices = List.copyOf(choices);
    range = java.util.Objects.requireNonNull(range, "SettingSpec: range must not be null");
    if (range.isPresent() && (type == Type.BOOLEAN || type == Type.CHOICE)) {
      throw new IllegalArgumentException(
          "SettingSpec " + name + ": a range needs a numeric type, but the type is " + type);
    }
  }

  /** Creates a setting without a range. */
  public SettingSpec(
      String name, Type type, String defaultValue, String description, List<String> choices) {
    this(name, type, defaultValue, description, choices, Optional.empty());
  }

  /**
   * Returns the name under which reports compare a setting across methods: {@link
   * MethodSettingNames#comparable}, the rule reports and the harness share (a composite method's
   * {@code <method>.<name>} becomes {@code <name>} when the prefix is a method label or
   * "sgd"/"tr").
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

  /**
   * Creates a numeric setting whose value must also lie in {@code range}; a value outside it is
   * refused at plan time with a message naming the setting and the range.
   */
  public static SettingSpec ranged(
      String name, Type type, String defaultValue, String description, Range range) {
    return new SettingSpec(name, type, defaultValue, description, List.of(), Optional.of(range));
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
          if (range.isPresent() && !range.get().contains(d)) {
            return Optional.of(outside(value));
          }
        }
        case INTEGER, POSITIVE_INTEGER -> {
          long l = Long.parseLong(v);
          if (type == Type.POSITIVE_INTEGER && l <= 0) {
            return Optional.of("'" + value + "' is not greater than 0");
          }
          if (range.isPresent() && !range.get().contains(l)) {
            return Optional.of(outside(value));
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
      return Optional.of(
          "'"
              + value
              + "' is not "
              + (type == Type.DOUBLE || type == Type.POSITIVE_DOUBLE
                  ? "a number"
                  : "a whole number"));
    }
    return Optional.empty();
  }

  private String outside(String value) {
    return "'" + value + "' is outside the allowed range " + range.get() + " of " + name;
  }

  /**
   * Returns the setting as {@code name (type, default d): description}, with {@code in <range>}
   * after the type when it has one, for error messages.
   */
  public String describe() {
    return name
        + " ("
        + (type == Type.CHOICE ? "one of " + choices : type.name().toLowerCase(Locale.ROOT))
        + range.map(r -> " in " + r).orElse("")
        + ", default "
        + defaultValue
        + "): "
        + description;
  }
}
