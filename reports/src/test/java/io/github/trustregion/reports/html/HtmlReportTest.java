package io.github.trustregion.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.result.BadResultFile;
import io.github.trustregion.reports.stats.ComparisonSettings;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The templates escape every value they print: markup in a title, a path or a problem stays text.
 */
class HtmlReportTest {

  private static final String TITLE = "<script>alert('x')</script> & \"quoted\"";
  private static final String PROBLEM = "<img src=x onerror=alert(1)> is not JSON";

  @Test
  void printsMarkupInValuesAsText() {
    String page =
        HtmlReport.render(
            TITLE,
            "/results/<b>dir</b>",
            ComparisonSettings.defaults(),
            List.of(),
            List.of(
                new BadResultFile(
                    Path.of("trials", "a\"b.json"), PROBLEM, "delete it & run again")));

    Document html = Jsoup.parse(page);
    assertThat(html.select("script")).isEmpty();
    assertThat(html.select("img")).isEmpty();
    assertThat(html.select("b")).isEmpty();
    assertThat(html.title()).isEqualTo(TITLE);
    assertThat(html.select("h1").text()).isEqualTo(TITLE);
    assertThat(html.select("p.note code").text()).isEqualTo("/results/<b>dir</b>");
    assertThat(html.select("section.bad-files td").eachText())
        .containsExactly(
            Path.of("trials", "a\"b.json").toString(), PROBLEM, "delete it & run again");
    assertThat(html.select("p.problem").last().text())
        .isEqualTo("No experiment with a manifest.json was found in this directory.");
  }
}
