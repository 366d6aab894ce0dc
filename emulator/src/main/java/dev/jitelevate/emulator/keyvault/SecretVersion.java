package dev.jitelevate.emulator.keyvault;

import java.util.Map;

/**
 * One immutable version of a secret. Times are epoch seconds, as on the wire.
 *
 * @param version 32 lower-case hex characters
 * @param value the secret value
 * @param contentType optional content type
 * @param tags tags (at most 15)
 * @param enabled whether the version can be read
 * @param notBefore optional {@code nbf}
 * @param expires optional {@code exp}
 * @param created creation time
 * @param updated last update time
 */
record SecretVersion(
    String version,
    String value,
    String contentType,
    Map<String, String> tags,
    boolean enabled,
    Long notBefore,
    Long expires,
    long created,
    long updated) {

  SecretVersion {
    tags = Map.copyOf(tags);
  }

  /** Returns a copy with the attributes a PATCH may change; the value never changes. */
  SecretVersion updated(SecretPatch patch, long now) {
    return new SecretVersion(
        version,
        value,
        patch.contentType() != null ? patch.contentType() : contentType,
        patch.tags() != null ? patch.tags() : tags,
        patch.enabled() != null ? patch.enabled() : enabled,
        patch.notBefore() != null ? patch.notBefore() : notBefore,
        patch.expires() != null ? patch.expires() : expires,
        created,
        now);
  }

  @Override
  public String toString() {
    return "SecretVersion[version=" + version + ", enabled=" + enabled + ", value=***]";
  }
}
