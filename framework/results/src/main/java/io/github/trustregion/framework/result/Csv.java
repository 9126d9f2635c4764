package io.github.trustregion.framework.result;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes CSV as RFC 4180 describes it, the one CSV format of the project's files (the report's
 * {@code summary.csv} and {@code comparisons.csv}, the per-epoch and series attachments of the
 * Allure results).
 *
 * <ul>
 *   <li>Fields are separated by commas and rows end with CRLF ({@link #LINE_END}), the last row
 *       too.
 *   <li>A field that contains a comma, a double quote, a CR or an LF is enclosed in double quotes,
 *       and each double quote in it is doubled; other fields are written as they are.
 *   <li>A {@code Double} is written with {@link #number}: ten significant digits without trailing
 *       zeros ({@code 0.06}, {@code 1e-05}, {@code 100}), {@code Infinity} and {@code -Infinity} as
 *       such, and NaN as an empty field, like {@code null}. Any other value is written as its
 *       {@code toString()}.
 * </ul>
 *
 * <p>Not thread-safe; {@link #toString} returns the rows so far.
 */
public final class Csv {

  /** The end of every row: CR LF, as RFC 4180 prescribes. */
  public static final String LINE_END = "\r\n";

  private final StringBuilder out = new StringBuilder();

  /** Creates an empty table. */
  public Csv() {}

  /** Appends one row of fields, formatted and quoted as the class comment says. */
  public Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append(LINE_END);
    return this;
  }

  /** Appends one row of fields (nulls allowed: each is an empty field). */
  public Csv row(Object... fields) {
    return row(Arrays.asList(fields));
  }

  /** Returns one field as it is written: the value formatted, then quoted when it needs to be. */
  public static String field(Object value) {
    String text = value == null ? "" : value instanceof Double d ? number(d) : value.toString();
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  /**
   * Returns a number as CSV writes it: ten significant digits with trailing zeros (and a bare
   * decimal point) removed, in the notation of {@code %g} (scientific below 1e-4 and from 1e10 on);
   * {@code Infinity}, {@code -Infinity}; the empty string for NaN.
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return Double.toString(value);
    }
    String g = String.format(Locale.ROOT, "%.10g", value);
    return g.replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
