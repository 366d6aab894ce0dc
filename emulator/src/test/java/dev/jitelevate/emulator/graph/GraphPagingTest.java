package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.BROKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph pages its lists: {@code @odata.nextLink} with a {@code $skiptoken}, and {@code $top} sets the page size. */
class GraphPagingTest {
  private static final String BASE = "https://127.0.0.1:8443/";
  private static final String ROLE_DEFINITIONS = "/v1.0/roleManagement/directory/roleDefinitions";

  private GraphFixture graph(int pageSize) {
    GraphFixture graph = new GraphFixture(Scenario.classpath("/graph/graph-test-scenario.json").withPageSize(pageSize));
    graph.context.baseUrl(BASE);
    return graph;
  }

  @Test
  void aListLongerThanAPageIsServedInPagesLinkedByOdataNextLink() {
    GraphFixture whole = graph(1000);
    String token = whole.appToken(BROKER);
    int total = whole.get(token, ROLE_DEFINITIONS).bodyJson().path("value").size();
    assertThat(total).isGreaterThan(4);

    GraphFixture paged = graph(2);
    List<String> ids = follow(paged, paged.appToken(BROKER), ROLE_DEFINITIONS);
    assertThat(ids).hasSize(total).doesNotHaveDuplicates();
  }

  @Test
  void topSetsThePageSizeAndTheNextLinkKeepsTheOtherOptions() {
    GraphFixture graph = graph(100);
    JsonNode page = graph.get(graph.appToken(BROKER), ROLE_DEFINITIONS + "?$top=1&$select=id").bodyJson();
    assertThat(page.path("value")).hasSize(1);
    String next = page.path("@odata.nextLink").asText();
    assertThat(next).startsWith(BASE + "v1.0/roleManagement/directory/roleDefinitions?").contains("$top=1", "$select=id",
        "$skiptoken=");
  }

  @Test
  void theLastPageHasNoNextLink() {
    GraphFixture graph = graph(1000);
    assertThat(graph.get(graph.appToken(BROKER), ROLE_DEFINITIONS).bodyJson().has("@odata.nextLink")).isFalse();
  }

  @Test
  void aSkipTokenTheServiceDidNotIssueIsABadRequest() {
    GraphFixture graph = graph(2);
    EmulatorResponse reply = graph.get(graph.appToken(BROKER), ROLE_DEFINITIONS + "?$skiptoken=made-up");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.bodyJson().path("error").path("message").asText()).contains("$skiptoken");
  }

  private static List<String> follow(GraphFixture graph, String token, String first) {
    List<String> ids = new ArrayList<>();
    String next = first;
    int pages = 0;
    while (next != null) {
      JsonNode page = graph.get(token, next).bodyJson();
      page.path("value").forEach(v -> ids.add(v.path("id").asText()));
      assertThat(page.path("value").size()).isLessThanOrEqualTo(2);
      next = page.has("@odata.nextLink") ? page.path("@odata.nextLink").asText().substring(BASE.length() - 1) : null;
      assertThat(++pages).isLessThan(100);
    }
    assertThat(pages).isGreaterThan(1);
    return ids;
  }
}
