package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.emulator.kernel.ClaimsSource;
import dev.jitelevate.emulator.kernel.EmulatorClock;
import dev.jitelevate.emulator.kernel.EmulatorContext;
import dev.jitelevate.emulator.kernel.Hazards;
import dev.jitelevate.emulator.kernel.Principal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
  private final EmulatorContext context = new EmulatorContext(EmulatorClock.system(), Hazards.none());
  private final AccessTokens tokens = new AccessTokens(context, SigningKey.generate());
  private final Principal alice = new Principal("a-1", "User", "Alice", null, "alice@x", Set.of(), false);
  private final Principal app = new Principal("s-1", "ServicePrincipal", "app", "app-1", null, Set.of(), false);

  @Nested
  class DirectoryClaims {
    @Test
    void tokensCarryNoWidsOrGroupsWhenNoSurfaceProvidesThem() {
      var claims = claims(tokens.forApp("t", app, "https://graph.microsoft.com", "1"));
      assertThat(claims.has("wids")).isFalse();
      assertThat(claims.has("groups")).isFalse();
      assertThat(claims.has("roles")).isFalse();
    }

    @Test
    void widsAndGroupsAreASnapshotTakenWhenTheTokenIsIssued() {
      Set<String> roles = new HashSet<>();
      context.register(ClaimsSource.class, new ClaimsSource() {
        @Override
        public Set<String> directoryRoleTemplateIds(String principalId) {
          return Set.copyOf(roles);
        }

        @Override
        public Set<String> groupIds(String principalId) {
          return roles.isEmpty() ? Set.of() : Set.of("g-1");
        }
      });
      String before = tokens.forUser("t", alice, "https://graph.microsoft.com", "c", Set.of("user_impersonation"), Set.of());
      roles.add("fe930be7-5e62-47db-91af-98c3a49a38b1");
      String after = tokens.forUser("t", alice, "https://graph.microsoft.com", "c", Set.of("user_impersonation"), Set.of());
      assertThat(claims(before).has("wids")).isFalse();
      assertThat(claims(after).path("wids").toString()).contains("fe930be7-5e62-47db-91af-98c3a49a38b1");
      assertThat(claims(after).path("groups").toString()).contains("g-1");
    }
  }

  @Nested
  class UserClaims {
    @Test
    void aUserWithoutMfaHasOnlyPwdInAmr() {
      assertThat(claims(tokens.forUser("t", alice, "https://management.azure.com", "c", Set.of("user_impersonation"), Set.of())).path("amr").toString())
          .isEqualTo("[\"pwd\"]");
    }

    @Test
    void userTokensNameTheUserAndTheClient() {
      var claims = claims(tokens.forUser("t", alice, "https://management.azure.com", "client-1", Set.of("user_impersonation"), Set.of()));
      assertThat(claims.path("upn").asText()).isEqualTo("alice@x");
      assertThat(claims.path("name").asText()).isEqualTo("Alice");
      assertThat(claims.path("appid").asText()).isEqualTo("client-1");
      assertThat(claims.path("idtyp").asText()).isEqualTo("user");
    }
  }
}
