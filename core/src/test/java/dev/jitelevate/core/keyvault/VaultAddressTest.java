package dev.jitelevate.core.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jitelevate.core.CloudProfile;
import org.junit.jupiter.api.Test;

class VaultAddressTest {

  @Test
  void aNameInThePublicCloudKeepsTheSdksChallengeVerification() {
    VaultAddress address = VaultAddress.resolve("kv-prod", CloudProfile.azurePublic());

    assertThat(address.url().toString()).isEqualTo(CloudProfile.azurePublic().vaultUrl("kv-prod").toString());
    assertThat(address.verifyChallengeResource()).isTrue();
  }

  @Test
  void aUrlOutsideTheCloudsKeyVaultSuffixDisablesTheVerification() {
    assertThat(VaultAddress.resolve("https://127.0.0.1:8443/kv/kv-prod/", CloudProfile.azurePublic())
        .verifyChallengeResource()).isFalse();
  }

  @Test
  void anEmulatorStyleTemplateHasNoDnsSuffix() {
    assertThat(VaultAddress.dnsSuffix("https://127.0.0.1:8443/kv/{vault}/")).isEmpty();
    assertThat(VaultAddress.dnsSuffix("https://{vault}.vault.azure.net/")).contains(".vault.azure.net");
    assertThat(VaultAddress.dnsSuffix("https://{vault}.vault.azurestack.contoso:443/")).contains(".vault.azurestack.contoso");
  }
}
