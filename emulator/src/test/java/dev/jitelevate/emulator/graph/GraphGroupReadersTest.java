package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.graph.GraphFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who reads PIM for Groups lists: Graph's docs ("List eligibilityScheduleInstances" for groups: a delegated caller
 * must be an owner or member of the group or hold a supported role) and the broader
 * {@code PrivilegedAccess.Read.AzureADGroup}; everyone else reads their own through {@code filterByCurrentUser}.
 */
class GraphGroupReadersTest {
  private static final String SETS = "/v1.0/identityGovernance/privilegedAccess/group/";
  private final GraphFixture graph = new GraphFixture();

  @Test
  void aUserWithoutReadRightsIsRefusedEveryPlainGroupListButReadsItsOwn() {
    String token = graph.userToken(BOB, USER_SCOPES, true);
    for (String set : new String[] {"eligibilityScheduleInstances", "eligibilitySchedules",
        "assignmentScheduleInstances", "assignmentSchedules", "assignmentScheduleRequests",
        "eligibilityScheduleRequests"}) {
      EmulatorResponse plain = graph.get(token, SETS + set + "?$filter=principalId eq '" + ALICE + "'");
      assertThat(plain.status()).as(set).isEqualTo(403);
      assertThat(plain.bodyJson().path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
      assertThat(graph.get(token, SETS + set + "/filterByCurrentUser(on='principal')").status()).as(set)
          .isEqualTo(200);
    }
  }

  @Test
  void privilegedAccessReadAzureAdGroupAppsAndGroupReaderRolesReadEveryonesEntities() {
    Set<String> scopes = new HashSet<>(USER_SCOPES);
    scopes.add("PrivilegedAccess.Read.AzureADGroup");
    String list = SETS + "eligibilityScheduleInstances?$filter=principalId eq '" + ALICE + "'";
    EmulatorResponse delegated = graph.get(graph.userToken(BOB, scopes, true), list);
    assertThat(delegated.status()).isEqualTo(200);
    assertThat(delegated.bodyJson().path("value")).isNotEmpty();
    assertThat(graph.get(graph.appToken(BROKER), list).status()).isEqualTo(200);
  }
}
