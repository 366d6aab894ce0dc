package dev.jitelevate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.entra.SignIns;
import dev.jitelevate.emulator.kernel.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's device code sign-in as {@link Credentials#deviceCode} makes it, against the emulator's Entra (on
 * a port other than 443, where MSAL's silent refresh needs the authority's port kept).
 */
class PersonSignInIT {
  private static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
  private static final TokenRequestContext ARM = new TokenRequestContext().addScopes("https://management.azure.com/.default");
  private static final TokenRequestContext GRAPH = new TokenRequestContext().addScopes("https://graph.microsoft.com/.default");
  @TempDir
  Path dir;
  private PimEmulator emulator;
  private CloudProfile cloud;
  private final List<String> prompts = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).start();
    cloud = CloudProfile.parse(emulator.profileJson());
    emulator.signIns().completeDeviceCodesAs("bob@contoso-emu.onmicrosoft.com");
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private CredentialSource person(PersonTokenCache cache) {
    return Credentials.deviceCode(cloud, emulator.tenantId(), AZURE_CLI, prompts::add, cache);
  }

  @Test
  void everyNewCredentialGetsTokensIssuedAfterItWithoutAskingAgain() {
    CredentialSource person = person(PersonTokenCache.memory());
    AccessToken first = person.newCredential().getTokenSync(ARM);
    AccessToken graph = person.newCredential().getTokenSync(GRAPH);
    AccessToken again = person.newCredential().getTokenSync(ARM);
    assertThat(again.getToken()).isNotEqualTo(first.getToken());
    assertThat(graph.getToken()).isNotBlank();
    assertThat(emulator.signIns().interactive()).hasSize(1);
    assertThat(emulator.signIns().all()).extracting(SignIns.Entry::grant).contains(SignIns.Grant.REFRESH_TOKEN);
    assertThat(prompts).filteredOn(p -> p.contains("enter the code")).hasSize(1);
  }

  @Test
  void oneCredentialReusesItsTokenUntilItNearsExpiry() {
    var credential = person(PersonTokenCache.memory()).newCredential();
    assertThat(credential.getTokenSync(ARM).getToken()).isEqualTo(credential.getTokenSync(ARM).getToken());
    assertThat(emulator.signIns().interactive()).hasSize(1);
  }

  @Test
  void aPersistentCacheWithoutAKeyringSaysSoAndKeepsTheTokensInMemory() {
    Path account = dir.resolve("account.json");
    CredentialSource person = person(PersonTokenCache.persistent(account, false));
    person.newCredential().getTokenSync(ARM);
    person.newCredential().getTokenSync(ARM);
    assertThat(emulator.signIns().interactive()).hasSize(1);
    if (!Files.exists(account)) {
      assertThat(prompts).anySatisfy(p -> assertThat(p).contains("cannot be kept across commands"));
    }
  }

  @Test
  void aRefusedSignInSaysWhatTheSignInServiceAnsweredNotOnlyThatItFailed() {
    emulator.signIns().completeDeviceCodesAs("nobody@contoso-emu.onmicrosoft.com");
    var credential = person(PersonTokenCache.memory()).newCredential();
    assertThatThrownBy(() -> credential.getTokenSync(ARM)).isInstanceOf(ClientAuthenticationException.class)
        .hasMessageStartingWith("Failed to acquire token with device code. (the sign-in service answered HTTP 400"
            + " invalid_request: AADSTS50034: The device code user nobody@contoso-emu.onmicrosoft.com is not a user")
        .hasMessageNotContaining("\n");
  }
}
