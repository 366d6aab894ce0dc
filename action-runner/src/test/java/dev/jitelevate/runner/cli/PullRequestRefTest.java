package dev.jitelevate.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PullRequestRefTest {
  @Test
  void readsRepositoryAndNumberFromTheUrlAlone() {
    PullRequestRef pr = PullRequestRef.parse("https://github.com/contoso/payments/pull/42");

    assertThat(pr.repository()).isEqualTo("contoso/payments");
    assertThat(pr.number()).isEqualTo(42);
    assertThat(pr.shortRef()).isEqualTo("contoso/payments#42");
  }

  @Test
  void acceptsEnterpriseHostsAndTrailingPagesButKeepsTheCanonicalUrl() {
    PullRequestRef pr = PullRequestRef.parse("https://ghe.contoso.com/team/app.api/pull/7/files?diff=split");

    assertThat(pr.url()).hasToString("https://ghe.contoso.com/team/app.api/pull/7");
  }

  @Test
  void usesTheReferenceAsTheJustificationWhenNoneWasGiven() {
    assertThat(PullRequestRef.parse("https://github.com/o/r/pull/1").intoJustification(" "))
        .isEqualTo("PR o/r#1 (https://github.com/o/r/pull/1)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://github.com/o/r/pull/1", "https://github.com/o/r/issues/1", "github.com/o/r/pull/1",
      "https://github.com/o/r/pull/x", "not a url", "https://github.com/o/r/pull/1\nInjected"})
  void refusesWhatIsNotAPullRequestUrlNamingTheOption(String text) {
    assertThatThrownBy(() -> PullRequestRef.parse(text)).isInstanceOf(CliInputException.class)
        .hasMessageContaining("https://github.com/contoso/payments/pull/42")
        .extracting(e -> ((CliInputException) e).option()).isEqualTo("--pr");
  }
}
