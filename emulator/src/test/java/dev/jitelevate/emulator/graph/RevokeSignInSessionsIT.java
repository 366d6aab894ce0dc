package dev.jitelevate.emulator.graph;

import static dev.jitelevate.emulator.testing.DemoTenant.ALICE;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.ALICE_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.AZURE_CLI;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_PASSWORD;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_APP;
import static dev.jitelevate.emulator.testing.DemoTenant.BROKER_SECRET;
import static dev.jitelevate.emulator.testing.EmulatorHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jitelevate.emulator.testing.EmulatorHttp;
import dev.jitelevate.emulator.testing.PerClassEmulator;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Graph {@code POST /users/{id}/revokeSignInSessions} as Entra behaves: the user (or an app with
 * User.RevokeSessions.All) revokes; afterwards the token endpoint refuses refresh tokens issued before with
 * AADSTS50173, while access tokens already issued keep working until their {@code exp}.
 */
class RevokeSignInSessionsIT extends PerClassEmulator {
  private String token() {
    return emulator.tenantId() + "/oauth2/v2.0/token";
  }

  private JsonNode signIn(String upn, String password) throws IOException {
    EmulatorHttp.Response r = http.postForm(token(), form("grant_type", "password", "client_id", AZURE_CLI,
        "username", upn, "password", password, "scope", "https://graph.microsoft.com/.default openid offline_access"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private EmulatorHttp.Response refresh(String refreshToken) throws IOException {
    return http.postForm(token(), form("grant_type", "refresh_token", "client_id", AZURE_CLI,
        "refresh_token", refreshToken, "scope", "https://graph.microsoft.com/.default offline_access"));
  }

  private EmulatorHttp.Response revoke(String who, String accessToken) throws IOException {
    return http.postJson("v1.0/users/" + who + "/revokeSignInSessions", "", "Authorization", "Bearer " + accessToken);
  }

  @Test
  void aUserRevokingTheirOwnSessionsMakesEarlierRefreshTokensFailWithAadsts50173() throws IOException {
    JsonNode alice = signIn(ALICE_UPN, ALICE_PASSWORD);
    assertThat(refresh(alice.path("refresh_token").asText()).status()).isEqualTo(200);
    emulator.clock().advance(Duration.ofSeconds(1));

    EmulatorHttp.Response revoked = revoke(ALICE, alice.path("access_token").asText());

    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("value").asBoolean()).isTrue();
    assertThat(revoked.json().path("@odata.context").asText()).endsWith("$metadata#Edm.Boolean");
    EmulatorHttp.Response refused = refresh(alice.path("refresh_token").asText());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).isEqualTo("invalid_grant");
    assertThat(refused.json().path("error_codes").get(0).asInt()).isEqualTo(50173);
    assertThat(refused.json().path("error_description").asText()).startsWith("AADSTS50173: The provided grant has expired due to it being revoked");
    assertThat(http.get("v1.0/me", "Authorization", "Bearer " + alice.path("access_token").asText()).status())
        .as("an access token issued before stays valid until its exp").isEqualTo(200);
    emulator.clock().advance(Duration.ofSeconds(1));
    JsonNode again = signIn(ALICE_UPN, ALICE_PASSWORD);
    assertThat(refresh(again.path("refresh_token").asText()).status()).as("a new sign-in's refresh token").isEqualTo(200);
  }

  @Test
  void anotherUserWithoutAnAdministratorRoleIsRefused() throws IOException {
    JsonNode bob = signIn(BOB_UPN, BOB_PASSWORD);
    JsonNode alice = signIn(ALICE_UPN, ALICE_PASSWORD);

    EmulatorHttp.Response refused = revoke(ALICE, bob.path("access_token").asText());

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("error").path("code").asText()).isEqualTo("Authorization_RequestDenied");
    emulator.clock().advance(Duration.ofSeconds(1));
    assertThat(refresh(alice.path("refresh_token").asText()).status()).isEqualTo(200);
  }

  @Test
  void anAppWithoutUserRevokeSessionsAllIsRefusedAndAnUnknownUserIsNotFound() throws IOException {
    EmulatorHttp.Response app = http.postForm(token(), form("grant_type", "client_credentials",
        "client_id", BROKER_APP, "client_secret", BROKER_SECRET,
        "scope", "https://graph.microsoft.com/.default"));
    String appToken = app.json().path("access_token").asText();

    assertThat(revoke(ALICE, appToken).status()).isEqualTo(403);
    JsonNode alice = signIn(ALICE_UPN, ALICE_PASSWORD);
    assertThat(revoke("0000dead-0000-4000-8000-000000000001", alice.path("access_token").asText()).status()).isEqualTo(404);
  }
}
