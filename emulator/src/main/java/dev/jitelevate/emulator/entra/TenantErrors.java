package dev.jitelevate.emulator.entra;

/** The directory-related AADSTS errors shared by the grants. */
final class TenantErrors {
  private TenantErrors() {}

  static OAuthError unknownTenant(String tenant) {
    return new OAuthError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you "
        + "have the correct tenant ID and are signing into the correct cloud. Check with your subscription "
        + "administrator, this may happen if there are no active subscriptions for the tenant.");
  }

  /**
   * The client was never consented for a scope it asks for (Entra's {@code DelegationDoesNotExist}); MSAL reports
   * it as {@code invalid_grant} with {@code suberror} {@code consent_required}.
   */
  static OAuthError consentRequired(String clientId, String appName) {
    return new OAuthError(400, "invalid_grant", 65001, "The user or administrator has not consented to use the "
        + "application with ID '" + clientId + "' named '" + appName + "'. Send an interactive authorization request "
        + "for this user and resource.", "consent_required");
  }

  static OAuthError unknownApplication(String clientId, TenantDirectory dir) {
    return new OAuthError(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
        + "' was not found in the directory '" + dir.domain + "'. This can happen if the application has not been "
        + "installed by the administrator of the tenant or consented to by any user in the tenant. You may have "
        + "sent your authentication request to the wrong tenant.");
  }
}
