package dev.jitelevate.core;

import java.util.Optional;

/** A group named by its object id or its display name (resolved through Graph). */
public record GroupRef(Optional<PrincipalId> id, Optional<String> displayName) {
  public GroupRef {
    if (id.isPresent() == displayName.isPresent()) {
      throw new IllegalArgumentException("A group is named by exactly one of id or display name");
    }
    displayName.filter(n -> n.isBlank() || n.length() > 256 || n.codePoints().anyMatch(Character::isISOControl))
        .ifPresent(name -> {
          throw new InvalidElevationRequestException("group", "'" + Text.printable(name) + "' is not a group name.",
              "Pass the group's object id or display name.");
        });
  }

  /**
   * Reads a group as typed: a GUID is an id, anything else a display name.
   *
   * @throws InvalidElevationRequestException when it is blank or contains control characters
   */
  public static GroupRef parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new InvalidElevationRequestException("group", "No group was given.", "Pass the group's object id or display name.");
    }
    boolean controls = text.codePoints().anyMatch(Character::isISOControl);
    if (!controls && PrincipalId.isGuid(t)) {
      return new GroupRef(Optional.of(PrincipalId.of(t)), Optional.empty());
    }
    if (t.length() > 256 || controls) {
      throw new InvalidElevationRequestException("group", "'" + Text.printable(t) + "' is not a group name.",
          "Pass the group's object id or display name.");
    }
    return new GroupRef(Optional.empty(), Optional.of(t));
  }

  public String describe() {
    return id.map(PrincipalId::value).orElseGet(displayName::get);
  }
}
