package dev.jitelevate.runner.action;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who signs in: the workload identity (client-id) and the broker (broker-client-id), in a tenant, with which
 * kind of credential. Read by the main and the post step alike.
 *
 * @param brokerSecretVariable the environment variable holding a broker client secret, when one is set
 *     (self-hosted runners); the value itself is read only when the credential is built
 * @param audience the audience of the GitHub ID tokens (the {@code audience} input; azure/login's default)
 */
record IdentitySettings(Optional<String> clientId, String tenantId, Optional<String> brokerClientId,
    CredentialKind credential, Optional<String> brokerSecretVariable, CloudSettings cloud, String audience) {

  /** The environment variable a self-hosted runner may set with the broker's client secret. */
  static final String BROKER_SECRET_VARIABLE = "JIT_ELEVATE_BROKER_CLIENT_SECRET";
  private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
  private static final Pattern DOMAIN = Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  /** How the identities sign in. */
  enum CredentialKind {
    /** GitHub's OIDC token exchanged through a federated credential (no stored secret). */
    OIDC,
    /** The runner machine's managed identity (self-hosted runners on Azure). */
    MANAGED_IDENTITY;

    static CredentialKind parse(String text) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "oidc": case "auto": return OIDC;
        case "managed-identity": return MANAGED_IDENTITY;
        default:
          throw ActionFailure.input("credential", "'" + UntrustedText.neutralize(text, 40)
              + "' is not a credential kind. Use oidc (GitHub-hosted, with id-token: write) or managed-identity (self-hosted on Azure).");
      }
    }
  }

  /**
   * Reads the identity inputs.
   *
   * @throws ActionFailure naming the input when one is missing or malformed
   */
  static IdentitySettings parse(ActionEnvironment env) {
    return parse(env, true);
  }

  /**
   * Reads the identity inputs; {@code workloadSignsIn} false for the broker's own jobs (mode grant and revoke),
   * where only the broker signs in and client-id is not needed.
   */
  static IdentitySettings parse(ActionEnvironment env, boolean workloadSignsIn) {
    CloudSettings cloud = CloudSettings.parse(env);
    CredentialKind kind = CredentialKind.parse(env.input("credential").orElse("oidc"));
    Optional<String> clientId = env.input("client-id").map(v -> guid("client-id", v));
    if (clientId.isEmpty() && kind == CredentialKind.OIDC && workloadSignsIn) {
      throw ActionFailure.input("client-id", "No client-id was given. Pass the application (client) id of the app"
          + " registration whose federated credential trusts this repository, e.g. client-id: ${{ vars.AZURE_CLIENT_ID }}.");
    }
    String tenant = env.input("tenant-id").or(() -> cloud.cloud().defaultTenantId()).orElseThrow(() ->
        ActionFailure.input("tenant-id", "No tenant-id was given. Pass the directory (tenant) id, e.g."
            + " tenant-id: ${{ vars.AZURE_TENANT_ID }}."));
    if (!GUID.matcher(tenant).matches() && !DOMAIN.matcher(tenant).matches()) {
      throw ActionFailure.input("tenant-id", "'" + UntrustedText.neutralize(tenant, 60)
          + "' is not a tenant id. Pass the directory id (a GUID) or its domain, e.g. contoso.onmicrosoft.com.");
    }
    Optional<String> broker = env.input("broker-client-id").map(v -> guid("broker-client-id", v));
    Optional<String> secretVariable = env.raw(BROKER_SECRET_VARIABLE).map(v -> BROKER_SECRET_VARIABLE);
    String audience = env.input("audience").orElse(GitHubOidc.AUDIENCE);
    if (audience.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw ActionFailure.input("audience", "The audience must be one value without spaces, e.g. "
          + GitHubOidc.AUDIENCE + " (the default), matching an audience of the app's federated credential.");
    }
    return new IdentitySettings(clientId, tenant, broker, kind, secretVariable, cloud, audience);
  }

  static String guid(String input, String value) {
    if (!GUID.matcher(value).matches()) {
      throw ActionFailure.input(input, "'" + UntrustedText.neutralize(value, 60)
          + "' is not a client id. Pass the application (client) id, a GUID such as 00000000-0000-0000-0000-000000000000.");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}
