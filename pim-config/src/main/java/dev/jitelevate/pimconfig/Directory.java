package dev.jitelevate.pimconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Principals by name or id through Microsoft Graph (v1.0), cached for one plan. */
final class Directory {
  private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

  private static final int BULK = 50;

  private final RestClient graph;
  /** What a name resolved to: no principal, exactly one, or several groups sharing the display name. */
  record Lookup(Optional<Principal> principal, int matches) {
    static Lookup none() {
      return new Lookup(Optional.empty(), 0);
    }

    static Lookup of(Principal principal) {
      return new Lookup(Optional.of(principal), 1);
    }
  }

  private final Map<String, Lookup> byRef = new ConcurrentHashMap<>();

  Directory(RestClient graph) {
    this.graph = graph;
  }

  static boolean isId(String ref) {
    return GUID.matcher(ref).matches();
  }

  /** A group by display name, a user by principal name (contains {@code @}), or any object by id. */
  Lookup resolve(String ref) {
    return byRef.computeIfAbsent(ref.toLowerCase(Locale.ROOT), k -> lookup(ref));
  }

  /**
   * Resolves many group names at once: past {@value #BULK} names one paged list of the tenant's groups is cheaper
   * than a filtered query per name (Graph's {@code in} filter takes 15 values at most).
   */
  void preloadGroups(Collection<String> refs) {
    Set<String> names = new HashSet<>();
    refs.stream().filter(r -> !isId(r) && !r.contains("@")).map(r -> r.toLowerCase(Locale.ROOT))
        .filter(r -> !byRef.containsKey(r)).forEach(names::add);
    if (names.size() < BULK) {
      return;
    }
    Map<String, List<Principal>> found = new HashMap<>();
    for (JsonNode g : graph.list("groups.list", "/groups?$select=id,displayName&$top=999")) {
      String name = g.path("displayName").asText();
      if (names.contains(name.toLowerCase(Locale.ROOT))) {
        found.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(new Principal(g.path("id").asText(), "Group", name));
      }
    }
    for (String name : names) {
      List<Principal> matches = found.getOrDefault(name, List.of());
      byRef.put(name, matches.isEmpty() ? Lookup.none() : new Lookup(Optional.of(matches.get(0)), matches.size()));
    }
  }

  private Lookup lookup(String ref) {
    try {
      if (isId(ref)) {
        return Lookup.of(principal(graph.get("directoryObjects.get", "/directoryObjects/" + ref)));
      }
      if (ref.contains("@")) {
        return Lookup.of(principal(graph.get("users.get", "/users/" + encode(ref) + "?$select=id,userPrincipalName")));
      }
      String filter = "displayName eq '" + ref.replace("'", "''") + "'";
      List<JsonNode> groups = graph.list("groups.list", "/groups?$filter=" + encode(filter) + "&$select=id,displayName");
      return new Lookup(groups.stream().findFirst().map(g -> new Principal(g.path("id").asText(), "Group", ref)),
          groups.size());
    } catch (PimApiException e) {
      if (e.status() == 404) {
        return Lookup.none();
      }
      throw e;
    }
  }

  private static Principal principal(JsonNode o) {
    String odata = o.path("@odata.type").asText("");
    String id = o.path("id").asText();
    if (odata.endsWith("group")) {
      return new Principal(id, "Group", o.path("displayName").asText(id));
    }
    if (odata.endsWith("servicePrincipal")) {
      return new Principal(id, "ServicePrincipal", id);
    }
    return new Principal(id, "User", o.path("userPrincipalName").asText(id));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
