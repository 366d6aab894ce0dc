package dev.jitelevate.core.internal.gateway.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jitelevate.core.PrincipalId;
import dev.jitelevate.core.internal.gateway.PrincipalInfo;
import dev.jitelevate.core.internal.gateway.PrincipalType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class DirectoryLookupOverHttpTest {
  private static final PrincipalId ID = PrincipalId.of("c1c1c1c1-0000-4000-8000-000000000001");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Nested
  class DirectoryObjectsAnswers {
    @Test
    void aServicePrincipalIsNamedByItsDisplayName() throws Exception {
      PrincipalInfo info = DirectoryObjects.info(ID, JSON.readTree(
          "{\"@odata.type\":\"#microsoft.graph.servicePrincipal\",\"id\":\"x\",\"displayName\":\"ci-deployer\"}"));

      assertThat(info).isEqualTo(new PrincipalInfo(ID, PrincipalType.named("ServicePrincipal"), "ci-deployer"));
    }

    @Test
    void usersAndGroupsKeepTheirGraphTypeCapitalised() throws Exception {
      assertThat(DirectoryObjects.info(ID, JSON.readTree("{\"@odata.type\":\"#microsoft.graph.user\",\"displayName\":\"Alice\"}")))
          .isEqualTo(new PrincipalInfo(ID, PrincipalType.named("User"), "Alice"));
      assertThat(DirectoryObjects.info(ID, JSON.readTree("{\"@odata.type\":\"#microsoft.graph.group\",\"displayName\":\"ops\"}")))
          .isEqualTo(new PrincipalInfo(ID, PrincipalType.named("Group"), "ops"));
    }

    @Test
    void otherKindsOfObjectAndBlankNamesFallBackToTheId() throws Exception {
      assertThat(DirectoryObjects.info(ID, JSON.readTree("{\"@odata.type\":\"#microsoft.graph.device\",\"displayName\":\"laptop\"}")))
          .isEqualTo(new PrincipalInfo(ID, PrincipalType.named("Device"), ID.value()));
      assertThat(DirectoryObjects.info(ID, JSON.readTree("{\"@odata.type\":\"#microsoft.graph.user\",\"displayName\":\" \"}")))
          .isEqualTo(new PrincipalInfo(ID, PrincipalType.named("User"), ID.value()));
      assertThat(DirectoryObjects.info(ID, JSON.readTree("{\"id\":\"x\"}")).type().name()).isEqualTo("Unknown");
    }

    @Test
    void graphsErrorEnvelopeIsReadForItsCodeAndNothingElseIs() {
      assertThat(DirectoryObjects.error("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"no\"}}")
          .path("code").asText()).isEqualTo("Authorization_RequestDenied");
      assertThat(DirectoryObjects.error("<html>bad gateway</html>")).isNull();
      assertThat(DirectoryObjects.error("")).isNull();
    }
  }

  @Nested
  class ReusingAnIdentitysToken {
    private final List<TokenRequestContext> asked = new ArrayList<>();
    private OffsetDateTime expiry = OffsetDateTime.now().plusHours(1);
    private final TokenCredential counting = new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
      }

      @Override
      public AccessToken getTokenSync(TokenRequestContext request) {
        asked.add(request);
        return new AccessToken("token-" + asked.size(), expiry);
      }
    };
    private final ReusedTokens reused = new ReusedTokens(counting, "tenant-a");

    @Test
    void theSameScopeIsAskedForOnceWhetherSyncOrAsyncAndWithOrWithoutTheSurfacesTenant() {
      AccessToken first = reused.getToken(new TokenRequestContext().addScopes("arm/.default")).block();
      AccessToken second = reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default").setTenantId("tenant-a"));

      assertThat(second.getToken()).isEqualTo(first.getToken());
      assertThat(asked).hasSize(1);
    }

    @Test
    void anotherScopeOrTenantSignsInAgain() {
      reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default"));
      reused.getTokenSync(new TokenRequestContext().addScopes("graph/.default"));
      reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default").setTenantId("tenant-b"));

      assertThat(asked).hasSize(3);
    }

    @Test
    void aTokenWithinFiveMinutesOfItsExpiryIsReplaced() {
      expiry = OffsetDateTime.now().plusMinutes(4);
      reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default"));
      reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default"));

      assertThat(asked).hasSize(2);
    }

    @Test
    void aClaimsChallengeAlwaysGoesToTheCredential() {
      reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default"));
      reused.getTokenSync(new TokenRequestContext().addScopes("arm/.default").setClaims("{\"access_token\":{}}"));

      assertThat(asked).hasSize(2);
    }
  }
}
