package dev.jitelevate.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ARM scope: a subscription, a resource group, a resource, or a management group. Normalised to a
 * leading slash and no trailing slash; validated before anything is sent.
 */
public record ArmScope(String value, Kind kind) {
  /** What the scope names. */
  public enum Kind { MANAGEMENT_GROUP, SUBSCRIPTION, RESOURCE_GROUP, RESOURCE }

  private static final String SEGMENT = "[A-Za-z0-9._()~-]+";
  private static final Pattern SUBSCRIPTION = Pattern.compile("^/subscriptions/[0-9a-fA-F-]{36}$");
  private static final Pattern RESOURCE_GROUP = Pattern.compile("^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/" + SEGMENT + "$", Pattern.CASE_INSENSITIVE);
  private static final Pattern RESOURCE = Pattern.compile(
      "^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/" + SEGMENT + "/providers/[A-Za-z0-9.]+(/" + SEGMENT + "/" + SEGMENT + ")+$",
      Pattern.CASE_INSENSITIVE);
  /** Role assignments, definitions and schedules are not resources anyone is elevated on. */
  private static final Pattern AUTHORIZATION = Pattern.compile("/providers/Microsoft\\.Authorization(/|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern MANAGEMENT_GROUP = Pattern.compile("^/providers/Microsoft\\.Management/managementGroups/" + SEGMENT + "$", Pattern.CASE_INSENSITIVE);

  public ArmScope {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Parses and validates a scope such as {@code /subscriptions/{id}/resourceGroups/rg-app}.
   *
   * @throws InvalidElevationRequestException naming the accepted forms when the text is not a scope
   */
  public static ArmScope parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.codePoints().anyMatch(Character::isISOControl) || text.codePoints().anyMatch(Character::isISOControl)) {
      throw invalid(text);
    }
    if (!s.startsWith("/")) {
      s = "/" + s;
    }
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!PrincipalId.isGuid(subscriptionOf(s)) && s.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
      throw invalid(text);
    }
    if (SUBSCRIPTION.matcher(s).matches()) return new ArmScope(s.toLowerCase(Locale.ROOT), Kind.SUBSCRIPTION);
    if (RESOURCE_GROUP.matcher(s).matches()) return new ArmScope(s, Kind.RESOURCE_GROUP);
    if (RESOURCE.matcher(s).matches() && !AUTHORIZATION.matcher(s).find()) return new ArmScope(s, Kind.RESOURCE);
    if (MANAGEMENT_GROUP.matcher(s).matches()) return new ArmScope(s, Kind.MANAGEMENT_GROUP);
    throw invalid(text);
  }

  private static String subscriptionOf(String s) {
    String[] parts = s.split("/");
    return parts.length > 2 ? parts[2] : "";
  }

  private static InvalidElevationRequestException invalid(String text) {
    return new InvalidElevationRequestException("scope", "'" + Text.printable(text) + "' is not an ARM scope.",
        "Use /subscriptions/{subscription-id}, /subscriptions/{id}/resourceGroups/{name}, a resource id, "
            + "or /providers/Microsoft.Management/managementGroups/{name}.");
  }

  /** The subscription id, when the scope is within a subscription. */
  public java.util.Optional<String> subscriptionId() {
    return kind == Kind.MANAGEMENT_GROUP ? java.util.Optional.empty() : java.util.Optional.of(subscriptionOf(value));
  }

  /** The scope without its leading slash, as the ARM SDK's {@code scope} path parameter wants it. */
  public String withoutLeadingSlash() {
    return value.substring(1);
  }

  @Override
  public String toString() {
    return value;
  }
}
