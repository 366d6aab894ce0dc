package dev.jitelevate.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;

/** The cloud profile that points the core (or any client) at this emulator instead of a public cloud. */
final class CloudProfileJson {
  private CloudProfileJson() {}

  /**
   * @param baseUrl the main port: sign-in, Key Vault, GitHub
   * @param armUrl ARM's own port
   * @param graphUrl Graph's own port
   */
  static String of(String baseUrl, String armUrl, String graphUrl, String tenantId, String oidcRequestUrl,
      String oidcRequestToken, String caPem) {
    ObjectNode profile = Json.object().put("name", "jit-emulator").put("authorityHost", baseUrl).put("tenantId", tenantId);
    profile.putObject("resourceManager").put("endpoint", armUrl).put("audience", "https://management.azure.com/");
    profile.putObject("graph").put("endpoint", graphUrl).put("audience", "https://graph.microsoft.com/");
    profile.putObject("keyVault").put("audience", "https://vault.azure.net").put("dnsSuffix", "vault.azure.net")
        .put("vaultUrlTemplate", baseUrl + "kv/{vault}/");
    profile.putObject("github").put("oidcRequestUrl", oidcRequestUrl).put("oidcRequestToken", oidcRequestToken)
        .put("artifactResultsUrl", baseUrl);
    profile.put("caCertificatePem", caPem);
    return profile.toPrettyString();
  }
}
