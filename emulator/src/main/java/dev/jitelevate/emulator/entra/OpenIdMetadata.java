package dev.jitelevate.emulator.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.net.URI;

/** Entra's discovery documents: OpenID configuration, instance discovery and user realm discovery. */
final class OpenIdMetadata {
  private OpenIdMetadata() {}

  static ObjectNode openIdConfiguration(String baseUrl, String tenantId) {
    String tenantBase = baseUrl + tenantId;
    ObjectNode doc = Json.object()
        .put("token_endpoint", tenantBase + "/oauth2/v2.0/token")
        .put("jwks_uri", tenantBase + "/discovery/v2.0/keys")
        .put("issuer", tenantBase + "/v2.0")
        .put("authorization_endpoint", tenantBase + "/oauth2/v2.0/authorize")
        .put("device_authorization_endpoint", tenantBase + "/oauth2/v2.0/devicecode")
        .put("end_session_endpoint", tenantBase + "/oauth2/v2.0/logout")
        .put("userinfo_endpoint", baseUrl + "oidc/userinfo")
        .put("tenant_region_scope", "EU")
        .put("cloud_instance_name", host(baseUrl))
        .put("request_uri_parameter_supported", false)
        .put("http_logout_supported", true)
        .put("frontchannel_logout_supported", true);
    doc.set("token_endpoint_auth_methods_supported",
        Json.array().add("client_secret_post").add("private_key_jwt").add("client_secret_basic"));
    doc.set("response_modes_supported", Json.array().add("query").add("fragment").add("form_post"));
    doc.set("response_types_supported", Json.array().add("code").add("id_token").add("code id_token").add("id_token token"));
    doc.set("scopes_supported", Json.array().add("openid").add("profile").add("email").add("offline_access"));
    doc.set("subject_types_supported", Json.array().add("pairwise"));
    doc.set("id_token_signing_alg_values_supported", Json.array().add("RS256"));
    return doc;
  }

  static ObjectNode instanceDiscovery(String baseUrl, String tenant) {
    String host = hostAndPort(baseUrl);
    ObjectNode doc = Json.object()
        .put("tenant_discovery_endpoint", baseUrl + tenant + "/v2.0/.well-known/openid-configuration")
        .put("api-version", "1.1");
    doc.putArray("metadata").addObject()
        .put("preferred_network", host).put("preferred_cache", host)
        .set("aliases", Json.array().add(host));
    return doc;
  }

  static ObjectNode userRealm(String domain) {
    return Json.object().put("ver", "1.0").put("account_type", "Managed").put("domain_name", domain)
        .put("cloud_instance_name", "microsoftonline.com").put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
  }

  private static String host(String baseUrl) {
    return URI.create(baseUrl).getHost();
  }

  private static String hostAndPort(String baseUrl) {
    URI uri = URI.create(baseUrl);
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
