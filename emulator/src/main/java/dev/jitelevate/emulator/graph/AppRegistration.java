package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An application registration as the scenario's {@code servicePrincipals} entry describes it: its object id
 * ({@code applicationObjectId}, else one derived from the app id, as Entra gives the application and its service
 * principal different object ids), its federated identity credentials and the Graph application permissions
 * ({@code appRoles}) granted to its service principal.
 *
 * @param objectId the application object's id ({@code /applications/{id}})
 * @param appId the client id
 * @param servicePrincipalId the service principal's object id
 * @param displayName the display name
 * @param credentials the federated identity credentials in Graph's shape
 * @param graphPermissions the Graph application permissions by name
 */
record AppRegistration(String objectId, String appId, String servicePrincipalId, String displayName,
    List<ObjectNode> credentials, List<String> graphPermissions) {

  AppRegistration {
    credentials = List.copyOf(credentials);
    graphPermissions = List.copyOf(graphPermissions);
  }

  /** Reads one {@code servicePrincipals} entry of a scenario. */
  static AppRegistration from(JsonNode sp) {
    String appId = sp.path("appId").asText();
    String objectId = Json.text(sp, "applicationObjectId");
    if (objectId == null) {
      objectId = derived("application:" + appId);
    }
    List<ObjectNode> creds = new ArrayList<>();
    for (JsonNode fc : sp.path("federatedCredentials")) {
      String name = fc.path("name").asText("credential");
      ObjectNode c = Json.object();
      c.put("id", derived("federatedIdentityCredential:" + appId + ":" + name));
      c.put("name", name);
      c.put("issuer", fc.path("issuer").asText());
      c.put("subject", fc.path("subject").asText());
      c.put("description", Json.text(fc, "description"));
      var audiences = c.putArray("audiences");
      fc.path("audiences").forEach(a -> audiences.add(a.asText()));
      creds.add(c);
    }
    List<String> permissions = new ArrayList<>();
    sp.path("appRoles").forEach(r -> permissions.add(r.asText()));
    return new AppRegistration(objectId, appId, sp.path("id").asText(), sp.path("displayName").asText(appId), creds,
        permissions);
  }

  /** The application entity (the properties a client needs; Graph returns many more). */
  ObjectNode application() {
    ObjectNode o = Json.object();
    o.put("id", objectId);
    o.putNull("deletedDateTime");
    o.put("appId", appId);
    o.put("displayName", displayName);
    o.put("signInAudience", "AzureADMyOrg");
    o.putArray("identifierUris");
    return o;
  }

  static String derived(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
