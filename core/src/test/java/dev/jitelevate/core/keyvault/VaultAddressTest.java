package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jitelevate.core.CloudProfile;
import dev.jitelevate.core.InvalidElevationRequestException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultAddressTest {

  @Test
  void aNameInThePublicCloudKeepsTheSdksChallengeVerification() {
    VaultAddress address = VaultAddress.resolve("kv-prod", CloudProfile.azurePublic());

    assertThat(address.url().toString()).isEqualTo(CloudProfile.azurePublic().vaultUrl("kv-prod").toString());
    assertThat(address.verifyChallengeResource()).isTrue();
  }

  @Test
  void aUrlOutsideTheCloudsKeyVaultSuffixIsRefusedSoNoTokenIsEverSentThere() {
    for (String foreign : new String[] {"https://127.0.0.1:8443/kv/kv-prod/", "https://evil.example/",
        "https://kv-prod.vault.azure.net.evil.example/", "https://kv-prod.vault.azure.cn/"}) {
      assertThatThrownBy(() -> VaultAddress.resolve(foreign, CloudProfile.azurePublic()))
          .as(foreign).isInstanceOf(InvalidElevationRequestException.class)
          .satisfies(e -> assertThat(((InvalidElevationRequestException) e).input()).isEqualTo("vault"))
          .hasMessageContaining("not a Key Vault of this cloud");
    }
  }

  @Test
  void aUrlUnderTheSuffixKeepsTheVerification() {
    assertThat(VaultAddress.resolve("https://kv-prod.vault.azure.net/", CloudProfile.azurePublic())
        .verifyChallengeResource()).isTrue();
  }

  @Test
  void aCloudWhoseVaultsShareOneHostTakesUrlsOnThatHostOnly() {
    CloudProfile emulator = new CloudProfile("emulator", URI.create("https://127.0.0.1:8443/"),
        URI.create("https://127.0.0.1:8443/"), "https://management.azure.com", URI.create("https://127.0.0.1:8443/"),
        "https://graph.microsoft.com", "https://vault.azure.net", "https://127.0.0.1:8443/kv/{vault}/",
        Optional.empty(), Optional.empty());

    assertThat(VaultAddress.resolve("https://127.0.0.1:8443/kv/kv-prod/", emulator).verifyChallengeResource()).isFalse();
    assertThat(VaultAddress.resolve("kv-prod", emulator).url().toString()).isEqualTo("https://127.0.0.1:8443/kv/kv-prod/");
    assertThatThrownBy(() -> VaultAddress.resolve("https://127.0.0.1:9999/kv/kv-prod/", emulator))
        .isInstanceOf(InvalidElevationRequestException.class);
  }

  @Test
  void anEmulatorStyleTemplateHasNoDnsSuffix() {
    assertThat(VaultAddress.dnsSuffix("https://127.0.0.1:8443/kv/{vault}/")).isEmpty();
    assertThat(VaultAddress.dnsSuffix("https://{vault}.vault.azure.net/")).contains(".vault.azure.net");
    assertThat(VaultAddress.dnsSuffix("https://{vault}.vault.azurestack.contoso:443/")).contains(".vault.azurestack.contoso");
  }
}
