package dev.jitelevate.emulator.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.emulator.kernel.Json;
import org.junit.jupiter.api.Test;

class GitHubContextTest {
  private final GitHubContext push = GitHubContext.from(Json.object().put("requestToken", "secret-request-token"));

  @Test
  void theSubjectFollowsGitHubsDefaultTemplate() {
    assertThat(push.subject()).isEqualTo("repo:contoso/payments:ref:refs/heads/main");
    assertThat(push.withRef("refs/tags/v1").subject()).isEqualTo("repo:contoso/payments:ref:refs/tags/v1");
    assertThat(push.withEnvironment("prod").subject()).isEqualTo("repo:contoso/payments:environment:prod");
    assertThat(push.withPullRequest(3, "f", "main", false).subject()).isEqualTo("repo:contoso/payments:pull_request");
  }

  @Test
  void toStringNeverShowsTheRequestToken() {
    assertThat(push.toString()).doesNotContain("secret-request-token").contains("requestToken=***");
  }

  @Test
  void aRepositoryMustBeOwnerSlashName() {
    assertThatThrownBy(() -> push.withRepository("payments")).hasMessageContaining("owner/name");
  }
}
