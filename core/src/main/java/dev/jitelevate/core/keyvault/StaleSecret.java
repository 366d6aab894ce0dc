package dev.jitelevate.core.keyvault;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret that needs rotating, by its metadata only (never its value): the attributes of its current version
 * and why it is stale.
 *
 * @param name the secret's name
 * @param enabled whether the current version is enabled
 * @param created when the current version was written (the last rotation)
 * @param updated when its attributes last changed
 * @param expires when it expires, if it has an expiry
 * @param contentType its content type, if set
 * @param tags its tags
 * @param reasons why it is stale; never empty
 */
public record StaleSecret(String name, boolean enabled, Instant created, Optional<Instant> updated,
    Optional<Instant> expires, Optional<String> contentType, Map<String, String> tags, List<Reason> reasons) {

  public StaleSecret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    tags = Map.copyOf(tags);
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("A stale secret needs a reason");
    }
  }

  /** Why a secret is stale. */
  public enum Kind { EXPIRED, EXPIRING_SOON, OLDER_THAN_MAX_AGE }

  /** One reason, with a sentence for people, e.g. "expires in 12 days (2026-12-17)". */
  public record Reason(Kind kind, String text) {}

  /** The reasons as one line, e.g. "expired 3 days ago (2026-12-02); last rotated 120 days ago". */
  public String why() {
    return String.join("; ", reasons.stream().map(Reason::text).toList());
  }
}
