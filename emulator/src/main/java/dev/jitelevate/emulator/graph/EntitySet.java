package dev.jitelevate.emulator.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jitelevate.emulator.kernel.EmulatorResponse;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A readable Graph entity set: list (with OData options), get by id, and {@code filterByCurrentUser(on=…)}.
 *
 * @param name display name used in errors (e.g. {@code roleAssignmentScheduleInstance})
 * @param read permission needed to read
 * @param contextFragment the {@code @odata.context} fragment of the set
 * @param items renders the set's current entities
 * @param currentUser values of {@code on} the set supports and how each matches an entity; empty when the set has
 *     no {@code filterByCurrentUser}
 * @param requiredFilter properties one of which {@code $filter} must constrain on plain lists; empty when optional
 * @param expander applies {@code $expand} to an entity
 * @param readers who reads the whole set: everyone the permission lets in, or (directory PIM) only apps and
 *     administrator readers, everyone else reading their own entities through {@code filterByCurrentUser}
 */
record EntitySet(String name, Permission read, String contextFragment, Supplier<List<ObjectNode>> items,
    CurrentUserMatch currentUser, Set<String> requiredFilter, BiFunction<ObjectNode, ODataQuery, ObjectNode> expander,
    Readers readers) {

  /** Who may read every entity of a set. */
  enum Readers {
    /** Any caller holding the read permission. */
    ANY_PERMITTED,
    /** Apps with the permission and delegated callers holding an administrator reader role in the token. */
    ADMIN_READERS,
    /**
     * PIM for Groups: apps with the permission; delegated callers with {@code PrivilegedAccess.Read.AzureADGroup}
     * (or its ReadWrite), a group reader role in the token, or listing a group ({@code $filter=groupId eq …}) they
     * are a member of; everyone else reads their own through {@code filterByCurrentUser}.
     */
    GROUP_READERS
  }

  EntitySet(String name, Permission read, String contextFragment, Supplier<List<ObjectNode>> items,
      CurrentUserMatch currentUser, Set<String> requiredFilter, BiFunction<ObjectNode, ODataQuery, ObjectNode> expander) {
    this(name, read, contextFragment, items, currentUser, requiredFilter, expander, Readers.ANY_PERMITTED);
  }

  /** Matches an entity against {@code filterByCurrentUser(on=…)} for the caller. */
  interface CurrentUserMatch {
    Set<String> supported();

    boolean matches(String on, String callerId, ObjectNode entity);

    CurrentUserMatch NONE = new CurrentUserMatch() {
      public Set<String> supported() {
        return Set.of();
      }

      public boolean matches(String on, String callerId, ObjectNode entity) {
        return false;
      }
    };

    /** Only {@code on='principal'}: the entity's principalId is the caller. */
    CurrentUserMatch PRINCIPAL = new CurrentUserMatch() {
      public Set<String> supported() {
        return Set.of("principal");
      }

      public boolean matches(String on, String callerId, ObjectNode entity) {
        return callerId.equalsIgnoreCase(entity.path("principalId").asText());
      }
    };
  }

  EntitySet {
    requiredFilter = Set.copyOf(requiredFilter);
  }

  /** Serves GETs on the set; {@code index} is the position of the segment after the set's name. */
  EmulatorResponse read(GraphCall call, int index) {
    if (!call.isGet()) {
      throw call.methodNotAllowed();
    }
    GraphAuth.require(call.caller(), read);
    if (call.size() > index + 1) {
      throw call.unknownSegment(index + 1);
    }
    String next = call.segment(index);
    if (next.isEmpty()) {
      requireWholeSetReader(call);
      requireFilter(call.query());
      return call.collection(contextFragment, untyped(select(call, items.get())));
    }
    if (CurrentUser.isFunction(next) && !currentUser.supported().isEmpty()) {
      String on = CurrentUser.on(next, currentUser.supported(), call.caller());
      List<ObjectNode> mine = items.get().stream()
          .filter(e -> currentUser.matches(on, call.caller().objectId(), e)).toList();
      return call.collection(contextFragment, select(call, mine));
    }
    ObjectNode entity = items.get().stream().filter(e -> e.path("id").asText().equalsIgnoreCase(next)).findFirst()
        .orElseThrow(() -> GraphException.pimNotFound(name, next));
    if (!currentUser.matches("principal", call.caller().objectId(), entity)) {
      requireWholeSetReader(call);
    }
    return call.entity(200, contextFragment + "/$entity", call.query().project(expander.apply(entity, call.query())));
  }

  /** Graph's 403 to a delegated non-admin reading other people's entities instead of its own. */
  private void requireWholeSetReader(GraphCall call) {
    boolean denied = switch (readers) {
      case ANY_PERMITTED -> false;
      case ADMIN_READERS -> !GraphAuth.readsAsAdmin(call.caller());
      case GROUP_READERS -> !GraphAuth.readsGroupsAsAdmin(call.caller())
          && call.query().filter().value("groupId").filter(call.caller().groups()::contains).isEmpty();
    };
    if (denied) {
      throw GraphException.denied("Insufficient privileges to complete the operation. Without an administrator"
          + " reader role, list your own " + name + " objects with filterByCurrentUser(on='principal').");
    }
  }

  /**
   * Items of a plain list carry no {@code @odata.type}: their type is the set's (vector
   * {@code graph_groups_assignmentScheduleInstances_list_byGroup}); only {@code filterByCurrentUser}, a function,
   * annotates each item (the {@code …_filterByCurrentUser} vectors).
   */
  private static List<ObjectNode> untyped(List<ObjectNode> entities) {
    return entities.stream().map(e -> {
      ObjectNode copy = e.deepCopy();
      copy.remove("@odata.type");
      return copy;
    }).toList();
  }

  private List<ObjectNode> select(GraphCall call, List<ObjectNode> entities) {
    ODataQuery query = call.query();
    return entities.stream()
        .filter(query.filter()::matches)
        .map(e -> query.project(expander.apply(e, query)))
        .toList();
  }

  private void requireFilter(ODataQuery query) {
    if (!requiredFilter.isEmpty() && requiredFilter.stream().noneMatch(query.filter()::has)) {
      throw GraphException.invalidRequest("A $filter on " + String.join(" or ", requiredFilter.stream().sorted()
          .toList()) + " is required when listing " + name + " objects, e.g. $filter="
          + requiredFilter.stream().sorted().findFirst().orElseThrow() + " eq '{id}'.");
    }
  }

  static BiFunction<ObjectNode, ODataQuery, ObjectNode> noExpansion() {
    return (entity, query) -> entity;
  }
}
