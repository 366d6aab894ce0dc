package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Group;
import dev.jitelevate.emulator.kernel.Json;
import dev.jitelevate.emulator.kernel.Principal;

/** Renders users, service principals, groups and role definitions in Graph's v1.0 shapes. */
final class DirectoryObjects {
  private DirectoryObjects() {}

  static ObjectNode principal(Principal p) {
    return p.isUser() ? user(p) : servicePrincipal(p);
  }

  static ObjectNode user(Principal p) {
    ObjectNode o = Json.object();
    o.put("@odata.type", "#microsoft.graph.user");
    o.put("id", p.id());
    o.putArray("businessPhones");
    o.put("displayName", p.displayName());
    String upn = p.userPrincipalName();
    String local = upn == null ? null : upn.substring(0, Math.max(0, upn.indexOf('@')));
    o.put("givenName", local);
    o.putNull("jobTitle");
    o.put("mail", upn);
    o.putNull("mobilePhone");
    o.putNull("officeLocation");
    o.putNull("preferredLanguage");
    o.putNull("surname");
    o.put("userPrincipalName", upn);
    o.put("accountEnabled", true);
    o.put("userType", "Member");
    return o;
  }

  static ObjectNode servicePrincipal(Principal p) {
    ObjectNode o = Json.object();
    o.put("@odata.type", "#microsoft.graph.servicePrincipal");
    o.put("id", p.id());
    o.put("accountEnabled", true);
    o.put("appId", p.appId());
    o.put("appDisplayName", p.displayName());
    o.put("displayName", p.displayName());
    o.put("servicePrincipalType", "ManagedIdentity".equals(p.type()) ? "ManagedIdentity" : "Application");
    ArrayNode names = o.putArray("servicePrincipalNames");
    if (p.appId() != null) names.add(p.appId());
    o.putArray("tags");
    return o;
  }

  static ObjectNode group(Group g) {
    ObjectNode o = Json.object();
    o.put("@odata.type", "#microsoft.graph.group");
    o.put("id", g.id());
    o.put("displayName", g.displayName());
    o.putNull("description");
    o.putArray("groupTypes");
    o.put("isAssignableToRole", g.isAssignableToRole());
    o.put("mailEnabled", false);
    o.put("mailNickname", g.displayName().replaceAll("[^A-Za-z0-9-]", ""));
    o.put("securityEnabled", true);
    o.put("securityIdentifier", "S-1-12-1-" + Integer.toUnsignedString(g.id().hashCode()));
    return o;
  }

  static ObjectNode roleDefinition(DirectoryRole role) {
    ObjectNode o = Json.object();
    o.put("id", role.id());
    o.put("description", role.description());
    o.put("displayName", role.displayName());
    o.put("isBuiltIn", true);
    o.put("isEnabled", true);
    o.putArray("resourceScopes").add("/");
    o.put("templateId", role.id());
    o.put("version", "1");
    ObjectNode permissions = o.putArray("rolePermissions").addObject();
    ArrayNode actions = permissions.putArray("allowedResourceActions");
    role.allowedResourceActions().forEach(actions::add);
    permissions.putNull("condition");
    o.putArray("inheritsPermissionsFrom");
    return o;
  }

  /** Drops the {@code @odata.type} annotation, which Graph omits on entities of the collection's own type. */
  static ObjectNode withoutType(ObjectNode o) {
    o.remove("@odata.type");
    return o;
  }
}
