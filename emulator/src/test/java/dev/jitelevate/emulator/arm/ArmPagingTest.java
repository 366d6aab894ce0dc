package dev.jitelevate.emulator.arm;

import static dev.jitelevate.emulator.arm.ArmFixture.RBAC;
import static dev.jitelevate.emulator.arm.ArmFixture.SUB_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARM pages its lists: a {@code nextLink} (the same URL with a {@code $skiptoken}) while more items remain. */
class ArmPagingTest {
  private static final String BASE = "https://127.0.0.1:8443/";
  private static final String DEFINITIONS = SUB_SCOPE + "/providers/Microsoft.Authorization/roleDefinitions?api-version=" + RBAC;

  private ArmFixture arm(int pageSize) {
    ArmFixture arm = new ArmFixture();
    arm.surface.load(Scenario.classpath("/arm/arm-test-scenario.json").withPageSize(pageSize));
    return arm;
  }

  @Test
  void aListLongerThanAPageIsServedInPagesLinkedByNextLink() {
    int total = arm(1000).get("ci", DEFINITIONS).json().path("value").size();
    assertThat(total).isGreaterThan(6);

    ArmFixture arm = arm(3);
    List<String> ids = new ArrayList<>();
    String next = DEFINITIONS;
    int pages = 0;
    while (next != null) {
      JsonNode page = arm.get("ci", next).json();
      assertThat(page.path("value").size()).isLessThanOrEqualTo(3);
      page.path("value").forEach(v -> ids.add(v.path("id").asText()));
      JsonNode link = page.path("nextLink");
      next = link.isTextual() ? link.asText().substring(BASE.length() - 1) : null;
      pages++;
    }
    assertThat(pages).isGreaterThan(2);
    assertThat(ids).hasSize(total).doesNotHaveDuplicates();
  }

  @Test
  void theNextLinkKeepsTheApiVersionAndTheFilter() {
    JsonNode page = arm(1).get("ci", SUB_SCOPE + "/providers/Microsoft.Authorization/roleAssignments?api-version=" + RBAC
        + "&$filter=atScope()").json();
    assertThat(page.path("nextLink").asText()).startsWith(BASE + "subscriptions/").contains("api-version=" + RBAC,
        "$filter=atScope%28%29", "$skiptoken=");
  }

  @Test
  void aSkipTokenTheServiceDidNotIssueIsRefused() {
    ArmFixture.Reply reply = arm(2).get("ci", DEFINITIONS + "&$skiptoken=abc");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("InvalidSkipToken");
  }
}
