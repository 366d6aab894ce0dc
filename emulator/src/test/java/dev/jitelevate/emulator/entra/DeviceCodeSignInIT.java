package dev.jitelevate.emulator.entra;

import static dev.jitelevate.emulator.testing.DemoTenant.ARM_SCOPE;
import static dev.jitelevate.emulator.testing.DemoTenant.BOB_UPN;
import static dev.jitelevate.emulator.testing.DemoTenant.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.jitelevate.emulator.PimEmulator;
import dev.jitelevate.emulator.kernel.Scenario;
import dev.jitelevate.emulator.server.FaultRule;
import dev.jitelevate.emulator.testing.DemoTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unmodified azure-identity {@code DeviceCodeCredential} (MSAL sends the short {@code device_code} grant)
 * signs a scenario user in, the emulator completes the flow by itself and its sign-in log records it as
 * interactive.
 */
class DeviceCodeSignInIT {
  private PimEmulator emulator;
  private final List<String> prompts = new ArrayList<>();

  @BeforeEach
  void start() {
    emulator = PimEmulator.builder().scenario(Scenario.demo()).start();
    // Entra answers a device code request in tens of milliseconds at least; an instant answer lets MSAL4J's
    // polling thread read the flow's future before the calling thread has stored it (a NullPointerException in
    // AcquireTokenByDeviceCodeFlowSupplier, seen once on a busy CI machine). A real service's delay closes that.
    emulator.injectFault(FaultRule.latency("POST", "/oauth2/v2.0/devicecode$", Duration.ofMillis(100), 100));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private TokenCredential deviceCode() {
    return new DemoTenant(emulator).deviceCode().challengeConsumer(info -> prompts.add(info.getMessage())).build();
  }

  @Test
  void theSdksDeviceCodeFlowSignsTheChosenScenarioUserIn() {
    emulator.signIns().completeDeviceCodesAs(BOB_UPN);
    AccessToken token = deviceCode().getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE));
    assertThat(claims(token.getToken()).path("upn").asText()).isEqualTo(BOB_UPN);
    assertThat(prompts).singleElement().asString().contains("enter the code");
    assertThat(emulator.signIns().interactive()).singleElement()
        .satisfies(e -> assertThat(e.userPrincipalName()).isEqualTo(BOB_UPN))
        .satisfies(e -> assertThat(e.grant()).isEqualTo(SignIns.Grant.DEVICE_CODE));
  }

  @Test
  void aClaimsRequestForAnAuthenticationContextStepsThePersonUpWithOneMoreSignIn() {
    emulator.signIns().completeDeviceCodesAs(BOB_UPN);
    TokenCredential person = deviceCode();
    AccessToken plain = person.getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE));
    assertThat(claims(plain.getToken()).has("acrs")).isFalse();
    String c1 = "{\"access_token\":{\"acrs\":{\"essential\":true, \"value\":\"c1\"}}}";
    AccessToken stepped = person.getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE).setCaeEnabled(true).setClaims(c1));
    assertThat(claims(stepped.getToken()).path("acrs").toString()).isEqualTo("[\"c1\"]");
    assertThat(emulator.signIns().interactive()).hasSize(2);
    assertThat(prompts).hasSize(2);
  }

  @Test
  void anUnknownDeviceCodeUserIsAClearError() {
    emulator.signIns().completeDeviceCodesAs("nobody@contoso-emu.onmicrosoft.com");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> deviceCode().getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE)))
        .rootCause().hasMessageContaining("nobody@contoso-emu.onmicrosoft.com is not a user of the scenario");
  }
}
