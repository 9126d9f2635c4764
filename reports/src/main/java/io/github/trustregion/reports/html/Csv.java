package io.github.trustregion.reports.html;

import java.util.List;
import java.util.Locale;

/** Writes RFC 4180 CSV rows: fields with commas, quotes or line breaks are quoted. */
final class Csv {

  private final StringBuilder out = new StringBuilder();

  /** Appends one row. */
  Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  private static String field(Object value) {
    String s;
    if (value == null) {
      s = "";
    } else if (value instanceof Double d) {
      s = Double.isFinite(d) ? String.format(Locale.ROOT, "%.10g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
          .replaceAll("\\.(e|$)", "$1") : (d.isNaN() ? "" : d.toString());
    } else {
      s = value.toString();
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
