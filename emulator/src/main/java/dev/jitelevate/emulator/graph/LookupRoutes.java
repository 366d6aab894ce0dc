package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.Directory;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import dev.jitelevate.emulator.kernel.Principal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory look-ups a PIM client needs to resolve names: {@code /me}, {@code /users}, {@code /servicePrincipals}
 * (incl. {@code (appId='…')}), {@code /groups} and {@code /directoryObjects/{id}}.
 */
final class LookupRoutes {
  private static final Pattern BY_APP_ID = Pattern.compile("(?i)servicePrincipals\\(appId='([^']+)'\\)");
  private final GraphTenant tenant;

  LookupRoutes(GraphTenant tenant) {
    this.tenant = tenant;
  }

  boolean owns(GraphCall call) {
    String first = call.segment(0);
    return List.of("me", "users", "servicePrincipals", "groups", "directoryObjects").stream()
            .anyMatch(first::equalsIgnoreCase)
        || BY_APP_ID.matcher(first).matches();
  }

  EmulatorResponse handle(GraphCall call) {
    if (!call.isGet()) {
      throw call.methodNotAllowed();
    }
    if (call.size() > 2 || (call.size() == 2 && BY_APP_ID.matcher(call.segment(0)).matches())) {
      throw call.unknownSegment(call.size() - 1);
    }
    Directory directory = tenant.directory();
    Matcher byAppId = BY_APP_ID.matcher(call.segment(0));
    if (byAppId.matches()) {
      GraphAuth.require(call.caller(), Permission.SERVICE_PRINCIPALS_READ);
      Principal sp = directory.principalByAppId(byAppId.group(1)).filter(p -> !p.isUser())
          .orElseThrow(() -> GraphException.resourceNotFound("servicePrincipal", byAppId.group(1)));
      return one(call, "servicePrincipals", DirectoryObjects.servicePrincipal(sp));
    }
    return switch (call.segment(0).toLowerCase(java.util.Locale.ROOT)) {
      case "me" -> me(call, directory);
      case "users" -> users(call, directory);
      case "serviceprincipals" -> servicePrincipals(call, directory);
      case "groups" -> groups(call, directory);
      default -> directoryObject(call, directory);
    };
  }

  private EmulatorResponse me(GraphCall call, Directory directory) {
    if (call.caller().isApp()) {
      throw GraphException.invalidRequest("/me request is only valid with delegated authentication flow.");
    }
    GraphAuth.require(call.caller(), Permission.ME_READ);
    Principal me = directory.principal(call.caller().objectId())
        .orElseThrow(() -> GraphException.resourceNotFound("user", call.caller().objectId()));
    return one(call, "users", DirectoryObjects.user(me));
  }

  private EmulatorResponse users(GraphCall call, Directory directory) {
    if (call.size() == 2 && call.segment(1).equalsIgnoreCase(call.caller().objectId()) && !call.caller().isApp()) {
      return me(call, directory);
    }
    GraphAuth.require(call.caller(), Permission.USERS_READ);
    List<Principal> users = directory.principals().stream().filter(Principal::isUser).toList();
    if (call.size() == 1) {
      return many(call, "users", users.stream().map(DirectoryObjects::user).toList());
    }
    String key = call.segment(1);
    Principal user = users.stream()
        .filter(u -> u.id().equalsIgnoreCase(key) || key.equalsIgnoreCase(u.userPrincipalName()))
        .findFirst().orElseThrow(() -> GraphException.resourceNotFound("user", key));
    return one(call, "users", DirectoryObjects.user(user));
  }

  private EmulatorResponse servicePrincipals(GraphCall call, Directory directory) {
    GraphAuth.require(call.caller(), Permission.SERVICE_PRINCIPALS_READ);
    List<Principal> sps = directory.principals().stream().filter(p -> !p.isUser()).toList();
    if (call.size() == 1) {
      return many(call, "servicePrincipals", sps.stream().map(DirectoryObjects::servicePrincipal).toList());
    }
    Principal sp = sps.stream().filter(p -> p.id().equalsIgnoreCase(call.segment(1))).findFirst()
        .orElseThrow(() -> GraphException.resourceNotFound("servicePrincipal", call.segment(1)));
    return one(call, "servicePrincipals", DirectoryObjects.servicePrincipal(sp));
  }

  private EmulatorResponse groups(GraphCall call, Directory directory) {
    GraphAuth.require(call.caller(), Permission.GROUPS_READ);
    if (call.size() == 1) {
      return many(call, "groups", directory.groups().stream().map(DirectoryObjects::group).toList());
    }
    return one(call, "groups", directory.group(call.segment(1)).map(DirectoryObjects::group)
        .orElseThrow(() -> GraphException.resourceNotFound("group", call.segment(1))));
  }

  private EmulatorResponse directoryObject(GraphCall call, Directory directory) {
    GraphAuth.require(call.caller(), Permission.DIRECTORY_OBJECTS_READ);
    if (call.size() == 1) {
      throw GraphException.invalidRequest("Listing directoryObjects is not supported; get one by id.");
    }
    String id = call.segment(1);
    ObjectNode object = directory.principal(id).map(DirectoryObjects::principal)
        .or(() -> directory.group(id).map(DirectoryObjects::group))
        .orElseThrow(() -> GraphException.resourceNotFound("directoryObject", id));
    return call.entity(200, "directoryObjects/$entity", call.query().project(object));
  }

  private static EmulatorResponse one(GraphCall call, String set, ObjectNode entity) {
    return call.entity(200, set + "/$entity", call.query().project(DirectoryObjects.withoutType(entity)));
  }

  private static EmulatorResponse many(GraphCall call, String set, List<ObjectNode> entities) {
    List<ObjectNode> typed = entities.stream().map(DirectoryObjects::withoutType).toList();
    return call.collection(set, call.query().apply(typed));
  }
}
