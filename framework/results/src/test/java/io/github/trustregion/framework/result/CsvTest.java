package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesFieldsWithACommaAQuoteOrALineBreakAndDoublesTheQuotes() {
    String csv =
        new Csv().row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "").toString();

    assertThat(csv).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
  }

  @Test
  void endsEveryRowTheLastOneTooWithCrLf() {
    String csv = new Csv().row(List.of("x", "y")).row(List.of("1", "2")).toString();

    assertThat(csv).isEqualTo("x,y\r\n1,2\r\n");
    assertThat(Csv.LINE_END).isEqualTo("\r\n");
  }

  @Test
  void writesDoublesWithTenSignificantDigitsAndNoTrailingZeros() {
    assertThat(Csv.number(0.06)).isEqualTo("0.06");
    assertThat(Csv.number(100.0)).isEqualTo("100");
    assertThat(Csv.number(0.0)).isEqualTo("0");
    assertThat(Csv.number(-2.5)).isEqualTo("-2.5");
    assertThat(Csv.number(1.0 / 3)).isEqualTo("0.3333333333");
    assertThat(Csv.number(2.0 / 3)).isEqualTo("0.6666666667");
    assertThat(Csv.number(123456.789)).isEqualTo("123456.789");
    assertThat(Csv.number(1e-5)).isEqualTo("1e-05");
    assertThat(Csv.number(1.25e-12)).isEqualTo("1.25e-12");
    assertThat(Csv.number(3e10)).isEqualTo("3e+10");
  }

  @Test
  void writesNaNAndNullAsEmptyFieldsAndInfinitiesByName() {
    String csv =
        new Csv()
            .row(
                Arrays.asList(Double.NaN, null, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
            .toString();

    assertThat(csv).isEqualTo(",,Infinity,-Infinity\r\n");
  }

  @Test
  void writesOtherValuesAsTheirText() {
    String csv = new Csv().row(3, 7L, true, "TR", 0.5f).toString();

    assertThat(csv).isEqualTo("3,7,true,TR,0.5\r\n");
  }

  @Test
  void roundTripsThroughAMinimalRfc4180Reader() {
    List<String> fields = List.of("a", "b,c", "\"q\"", "line\r\nbreak", "");
    String csv = new Csv().row(fields).toString();

    assertThat(parseOneRow(csv)).containsExactlyElementsOf(fields);
  }

  /** Reads one RFC 4180 row ending in CRLF: the reader the quoting rule is written for. */
  private static List<String> parseOneRow(String csv) {
    List<String> fields = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && csv.startsWith("\r\n", i)) {
        fields.add(field.toString());
        assertThat(i + 2).as("one row only").isEqualTo(csv.length());
        return fields;
      } else {
        field.append(c);
      }
      i++;
    }
    throw new AssertionError("The row does not end with CRLF: " + csv);
  }
}
