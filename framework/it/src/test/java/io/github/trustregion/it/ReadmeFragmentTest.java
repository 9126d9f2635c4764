package io.github.trustregion.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pom of the integration test's project is the fragment that README.md tells users to copy: the
 * lines between the markers {@code own-project-pom:begin} and {@code own-project-pom:end} are the
 * same in both files (up to common indentation and the code fence), and the framework version the
 * fragment names is this build's.
 */
class ReadmeFragmentTest {

  private static final String BEGIN = "own-project-pom:begin";
  private static final String END = "own-project-pom:end";

  @Test
  void theIntegrationTestsPomIsTheReadmesFragment() throws IOException {
    List<String> readme = between(file("readme"), "README.md");
    List<String> pom = between(file("itPom"), "src/it/own-project/pom.xml");

    assertThat(withoutFence(readme))
        .as(
            "The pom fragment of README.md's section \"Use it in your own project\" must be the"
                + " part of framework/it/src/it/own-project/pom.xml between the markers "
                + BEGIN
                + " and "
                + END
                + "; copy one to the other")
        .containsExactlyElementsOf(unindented(pom));
  }

  @Test
  void theFragmentNamesThisBuildsVersion() throws IOException {
    String pom = String.join("\n", between(file("itPom"), "src/it/own-project/pom.xml"));
    Matcher version =
        Pattern.compile("<trust-region.version>([^<]+)</trust-region.version>").matcher(pom);

    assertThat(version.find())
        .as("the fragment declares the property trust-region.version")
        .isTrue();
    assertThat(version.group(1))
        .as("trust-region.version in README.md and src/it/own-project/pom.xml")
        .isEqualTo(System.getProperty("projectVersion"));
  }

  @Test
  void extractionFindsOnlyWhatLiesBetweenTheMarkers() {
    List<String> lines =
        List.of(
            "before",
            "  <!-- " + BEGIN + " -->",
            "    <a/>",
            "      <b/>",
            "  <!-- " + END + " -->",
            "after");

    assertThat(unindented(between(lines, "test"))).containsExactly("<a/>", "  <b/>");
  }

  private static List<String> file(String property) throws IOException {
    String path = System.getProperty(property);
    assertThat(path)
        .as("system property " + property + " (set by framework/it/pom.xml)")
        .isNotNull();
    return Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
  }

  /** The lines strictly between the begin and the end marker. */
  private static List<String> between(List<String> lines, String name) {
    int begin = indexOf(lines, BEGIN, 0, name);
    int end = indexOf(lines, END, begin + 1, name);
    return lines.subList(begin + 1, end);
  }

  private static int indexOf(List<String> lines, String marker, int from, String name) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i;
      }
    }
    throw new AssertionError("No line with the marker " + marker + " in " + name + ".");
  }

  /** The fragment inside its Markdown code fence, unindented. */
  private static List<String> withoutFence(List<String> lines) {
    List<String> inside =
        lines.stream()
            .dropWhile(line -> !line.strip().startsWith("```"))
            .skip(1)
            .takeWhile(line -> !line.strip().startsWith("```"))
            .collect(Collectors.toList());
    assertThat(inside).as("README.md's fragment is inside a ``` code fence").isNotEmpty();
    return unindented(inside);
  }

  /** The lines without their common leading spaces and without trailing spaces. */
  private static List<String> unindented(List<String> lines) {
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing())
        .collect(Collectors.toList());
  }
}
