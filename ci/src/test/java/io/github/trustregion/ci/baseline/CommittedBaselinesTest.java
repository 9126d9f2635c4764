package io.github.trustregion.ci.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.trustregion.ci.run.RunConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the baselines kept in ci/baselines: valid, at ci scale, self-consistent, for real
 * experiments, recording what they were computed on.
 */
class CommittedBaselinesTest {

  private static final Path MODULE =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

  @Test
  void everyCommittedBaselineIsAConsistentCiScaleBaselineOfADeclaredExperiment() throws Exception {
    List<Baseline> baselines = new BaselineFiles(MODULE.resolve("baselines")).readAll();
    List<Declaration> declarations =
        Declaration.readAll(MODULE.resolveSibling("benchmarks").resolve("src/main/java"));

    assertThat(declarations).as("the @Experiment declarations of module benchmarks").isNotEmpty();
    assertThat(baselines).isNotEmpty();
    for (Baseline baseline : baselines) {
      assertThat(baseline.scale()).as(baseline.experiment()).isEqualTo("ci");
      assertThat(baseline.provenance().commit()).as(baseline.experiment()).matches("[0-9a-f]{40}");
      assertThat(baseline.provenance().scale()).isEqualTo("ci");
      assertThat(baseline.provenance().command()).isNotBlank();
      RunConfiguration configuration = baseline.configuration();
      assertThat(configuration)
          .as(baseline.experiment() + " records what it was computed on")
          .isNotNull();
      assertThat(configuration.comparedValues())
          .as(baseline.experiment())
          .doesNotContainValue(null);
      assertThat(configuration.runIds()).as(baseline.experiment()).isNotEmpty();
      assertThat(
              configuration.plannedBatches().stream().map(RunConfiguration.PlannedBatch::batchSize))
          .as("the planned batch sizes of " + baseline.experiment())
          .containsAll(
              baseline.comparisons().stream()
                  .map(c -> c.setting().get("batchSize"))
                  // a setting names only what varies: an experiment of one batch size names none
                  .filter(java.util.Objects::nonNull)
                  .distinct()
                  .toList());
      List<Declaration> declaring =
          declarations.stream().filter(d -> d.id().equals(baseline.experiment())).toList();
      assertThat(declaring)
          .as("the classes annotated @Experiment(id = \"" + baseline.experiment() + "\")")
          .hasSize(1);
      List<String> scales = declaring.get(0).scales();
      assertThat(scales.isEmpty() || scales.contains("CI"))
          .as(
              "the scales "
                  + scales
                  + " of "
                  + declaring.get(0).file()
                  + ": a baseline at ci scale needs an experiment that exists there"
                  + " (no scales = every scale)")
          .isTrue();
      for (BaselineComparison c : baseline.comparisons()) {
        double mean =
            c.repeatGaps().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(c.gap())
            .as(c.key(baseline.experiment()).toString())
            .isCloseTo(mean, within(1e-12));
        assertThat(c.methodMean() - c.referenceMean()).isCloseTo(c.gap(), within(1e-12));
        assertThat(c.gap()).isBetween(c.ciLow(), c.ciHigh());
        assertThat(c.tolerance()).isBetween(0.0, 0.2);
      }
    }
  }

  @Test
  void theDeclarationReaderTakesOnlyTheIdElementOfAnExperimentAnnotation() {
    String source =
        """
        // @Experiment(id = "in-a-comment")
        /** {@code @Experiment(id = "in-javadoc")} */
        @PaperResult(source = "@Experiment(id = \\"in-a-string\\")")
        @ExperimentKind(id = "another-annotation")
        @Experiment(title = "a, b (c)", id = "real-id", description = "x" + " id = \\"no\\"",
            scales = {Scale.PAPER, Scale.CI})
        public class Some {}
        """;

    List<Declaration> declarations = Declaration.parse(Path.of("Some.java"), source);

    assertThat(declarations)
        .containsExactly(new Declaration(Path.of("Some.java"), "real-id", List.of("PAPER", "CI")));
  }

  /**
   * One {@code @Experiment} annotation as written in a source file: its {@code id} element (a
   * single string literal) and the names of the constants of its {@code scales} element.
   *
   * <p>The benchmarks module is not on this module's class path, so the annotations are read from
   * the sources: comments are dropped, string literals are skipped whole, and only the elements at
   * the top level of an {@code @Experiment(...)} (not {@code @ExperimentKind}, not inside a string)
   * count.
   */
  record Declaration(Path file, String id, List<String> scales) {

    static List<Declaration> readAll(Path sourceRoot) throws IOException {
      List<Declaration> all = new ArrayList<>();
      try (Stream<Path> files = Files.walk(sourceRoot)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          all.addAll(parse(file, Files.readString(file)));
        }
      }
      return all;
    }

    static List<Declaration> parse(Path file, String source) {
      String code = withoutComments(source);
      List<Declaration> found = new ArrayList<>();
      String marker = "@Experiment";
      for (int at = nextOutsideStrings(code, marker, 0);
          at >= 0;
          at = nextOutsideStrings(code, marker, at + 1)) {
        int after = at + marker.length();
        if (after < code.length() && Character.isJavaIdentifierPart(code.charAt(after))) {
          continue; // @ExperimentKind and the like
        }
        int open = skipSpaces(code, after);
        if (open >= code.length() || code.charAt(open) != '(') {
          continue;
        }
        String id = null;
        List<String> scales = List.of();
        for (String element : topLevelElements(code, open)) {
          int equals = element.indexOf('=');
          if (equals < 0) {
            continue;
          }
          String name = element.substring(0, equals).trim();
          String value = element.substring(equals + 1).trim();
          if (name.equals("id")) {
            id = singleStringLiteral(value, file);
          } else if (name.equals("scales")) {
            scales = constantNames(value);
          }
        }
        if (id != null) {
          found.add(new Declaration(file, id, scales));
        }
      }
      return found;
    }

    /** Replaces every comment by a space, keeping string and character literals intact. */
    private static String withoutComments(String source) {
      StringBuilder out = new StringBuilder(source.length());
      int i = 0;
      while (i < source.length()) {
        char c = source.charAt(i);
        if (c == '"' || c == '\'') {
          int end = endOfLiteral(source, i);
          out.append(source, i, end);
          i = end;
        } else if (source.startsWith("//", i)) {
          int end = source.indexOf('\n', i);
          i = end < 0 ? source.length() : end;
          out.append(' ');
        } else if (source.startsWith("/*", i)) {
          int end = source.indexOf("*/", i + 2);
          i = end < 0 ? source.length() : end + 2;
          out.append(' ');
        } else {
          out.append(c);
          i++;
        }
      }
      return out.toString();
    }

    /** Returns the index just past the string or character literal starting at {@code start}. */
    private static int endOfLiteral(String code, int start) {
      char quote = code.charAt(start);
      if (quote == '"' && code.startsWith("\"\"\"", start)) {
        int end = code.indexOf("\"\"\"", start + 3);
        return end < 0 ? code.length() : end + 3;
      }
      int i = start + 1;
      while (i < code.length() && code.charAt(i) != quote) {
        i += code.charAt(i) == '\\' ? 2 : 1;
      }
      return Math.min(i + 1, code.length());
    }

    private static int nextOutsideStrings(String code, String token, int from) {
      int i = from;
      while (i < code.length()) {
        char c = code.charAt(i);
        if (c == '"' || c == '\'') {
          i = endOfLiteral(code, i);
        } else if (code.startsWith(token, i)) {
          return i;
        } else {
          i++;
        }
      }
      return -1;
    }

    private static int skipSpaces(String code, int from) {
      int i = from;
      while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Splits the contents of the parentheses opening at {@code open} at its top-level commas. */
    private static List<String> topLevelElements(String code, int open) {
      List<String> elements = new ArrayList<>();
      int depth = 0;
      int start = open + 1;
      int i = open;
      while (i < code.length()) {
        char c = code.charAt(i);
        if (c == '"' || c == '\'') {
          i = endOfLiteral(code, i);
          continue;
        }
        if (c == '(' || c == '{') {
          depth++;
        } else if (c == ')' || c == '}') {
          depth--;
          if (depth == 0) {
            elements.add(code.substring(start, i));
            return elements;
          }
        } else if (c == ',' && depth == 1) {
          elements.add(code.substring(start, i));
          start = i + 1;
        }
        i++;
      }
      throw new IllegalArgumentException(
          "Unbalanced parentheses after @Experiment at offset " + open);
    }

    private static String singleStringLiteral(String value, Path file) {
      if (value.length() < 2
          || value.charAt(0) != '"'
          || endOfLiteral(value, 0) != value.length()) {
        throw new IllegalArgumentException(
            file
                + ": the id of @Experiment is not a single string literal but "
                + value
                + "; write the id as one literal so that it can be read from the source");
      }
      return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /**
     * Returns the simple names of the constants in {@code Scale.PAPER} or {@code {Scale.PAPER,
     * ...}}.
     */
    private static List<String> constantNames(String value) {
      String inner = value.startsWith("{") ? value.substring(1, value.length() - 1) : value;
      List<String> names = new ArrayList<>();
      for (String part : inner.split(",")) {
        String name = part.trim();
        if (!name.isEmpty()) {
          names.add(name.substring(name.lastIndexOf('.') + 1));
        }
      }
      return names;
    }
  }
}
