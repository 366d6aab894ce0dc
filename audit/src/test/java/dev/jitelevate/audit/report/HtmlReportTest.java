package dev.jitelevate.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

  @Test
  void isSelfContainedWithNothingToFetch() {
    String html = HtmlReport.render(Reports.of(List.of()), NOW);

    assertThat(html).doesNotContainPattern(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE));
    assertThat(html).doesNotContain("{{").contains("default-src 'none'");
    assertThat(html).contains("Generated 2026-12-05T02:00:00Z");
  }

  @Test
  void recordTextCannotCloseTheDataScript() {
    String hostile = "</script><script>alert(1)</script><!--";

    String inline = HtmlReport.inlineJson("{\"name\":\"" + hostile + "\"}");

    assertThat(inline).doesNotContain("</script>").doesNotContain("<!--").contains("\\u003c/script\\u003e");
  }

  @Test
  void hasAFigureForEveryChartTheScriptDraws() {
    String html = HtmlReport.render(Reports.of(List.of()), NOW);

    assertThat(html).contains("data-chart=\"perDay\"", "data-chart=\"byRole\"", "data-chart=\"byScope\"",
        "data-chart=\"timeToProvisioned\"", "data-chart=\"timeToEffective\"", "data-chart=\"revocations\"",
        "data-chart=\"exposure\"", "data-chart=\"topRepositories\"", "data-chart=\"topRequesters\"");
  }
}
